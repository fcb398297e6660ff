-- ts_headline marks the whole original span of an obfuscated word and
-- keeps the text between words exactly as it was.
SELECT ts_headline('nazif_arabic', 'قصف الطيران: بقـ.ـصف مدفعي، ثم قـ.ـصف!',
                   plainto_tsquery('nazif_arabic', 'قصف'));
SELECT ts_headline('arabic', 'قصف الطيران: بقـ.ـصف مدفعي، ثم قـ.ـصف!',
                   plainto_tsquery('arabic', 'قصف'));
SELECT ts_headline('nazif_arabic', E'تصاعد  التـ.ـوتر\n(في) «المنطقة» ... التَّوَتُّرُ',
                   plainto_tsquery('nazif_arabic', 'التوتر'), 'StartSel=[, StopSel=], HighlightAll=true');
-- fragments of a longer text
SELECT ts_headline('nazif_arabic',
                   repeat('خبر عادي عن الطقس والأمطار اليوم. ', 20) || 'تصاعد التـ.ـوتر في المنطقة. ' ||
                   repeat('خبر عادي عن الطقس والأمطار اليوم. ', 20),
                   plainto_tsquery('nazif_arabic', 'التوتر'), 'MaxFragments=1, MaxWords=8, MinWords=3');
-- the parser returns every byte: the tokens put together are the text
SELECT string_agg(token, '' ORDER BY n) = t AS same,
       count(*) FILTER (WHERE tokid = 12) AS blanks,
       count(*) FILTER (WHERE tokid <> 12) AS words
  FROM (VALUES (E'  «بقـ.ـصف» -- 12.5%\tو\u200Bب ﻻ\n\n')) v(t),
       LATERAL (SELECT row_number() OVER () AS n, * FROM ts_parse('nazif', t)) p
  GROUP BY t;
SELECT * FROM ts_parse('nazif', 'أ.د. محمد: التـ.ـوتر 1445هـ');
