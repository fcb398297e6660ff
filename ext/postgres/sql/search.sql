-- One word, many spellings: each is found by the plain word with
-- nazif_arabic; the built-in arabic configuration is shown beside.
CREATE TABLE spellings (kind text, body text);
INSERT INTO spellings VALUES
  ('plain',         'تصاعد التوتر في المنطقة'),
  ('obfuscated P1', 'تصاعد التـ.ـوتر في المنطقة'),
  ('obfuscated P2', 'تصاعد التـ.وتر في المنطقة'),
  ('obfuscated P3', 'تصاعد التـ. ـوتر في المنطقة'),
  ('obfuscated P4', 'تصاعد التـ..ـوتر في المنطقة'),
  ('obfuscated P5', 'تصاعد التـ*ـوتر في المنطقة'),
  ('diacritized',   'تصاعد التَّوَتُّرُ في المنطقة'),
  ('elongated',     'تصاعد التــــوتر في المنطقة'),
  ('presentation',  'تصاعد ﺍﻟﺘﻮﺗﺮ في المنطقة'),
  ('invisible',     E'تصاعد التو\u200Bتر في المنطقة'),
  ('soft hyphen',   E'تصاعد التو\u00ADتر في المنطقة'),
  ('clitic',        'تصاعد وبالتوتر في المنطقة');
SELECT kind,
       to_tsvector('nazif_arabic', body) @@ plainto_tsquery('nazif_arabic', 'التوتر') AS nazif,
       to_tsvector('arabic', body) @@ plainto_tsquery('arabic', 'التوتر') AS arabic
  FROM spellings ORDER BY kind;

-- alef and yeh variants: the query may be spelled either way too
CREATE TABLE alef (body text);
INSERT INTO alef VALUES ('أعلنت الإدارة إلى'), ('اعلنت الادارة الى'), ('آعلنت ٱلإدارة إلي');
SELECT body,
       to_tsvector('nazif_arabic', body) @@ to_tsquery('nazif_arabic', 'الإدارة & أعلنت') AS nazif,
       to_tsvector('arabic', body) @@ to_tsquery('arabic', 'الإدارة & أعلنت') AS arabic
  FROM alef ORDER BY body;
SELECT to_tsvector('nazif_arabic', 'مستشفى مستشفي') AS yeh;

-- what the configuration indexes: stop words gone, positions kept
SELECT to_tsvector('nazif_arabic', 'قصف الطيران مواقع في غـ،ـزة والقصف مستمر');
SELECT to_tsvector('arabic', 'قصف الطيران مواقع في غـ،ـزة والقصف مستمر');
SELECT to_tsquery('nazif_arabic', 'التـ.ـوتر & غـ،ـزة');
SELECT plainto_tsquery('nazif_arabic', 'في');  -- only a stop word

-- token types and the chain of dictionaries
SELECT alias, token, dictionaries, dictionary, lexemes
  FROM ts_debug('nazif_arabic', 'قُصِف بقـ.ـصف ٢٠٢٤ GPS 3.5');
SELECT ts_lexize('nazif', 'التـ.ـوتر'), ts_lexize('nazif', 'في'), ts_lexize('nazif_light', 'والمدرسة');

-- phrases: the obfuscated word keeps its position
SELECT to_tsvector('nazif_arabic', 'تصاعد التـ.ـوتر الأمني') @@ phraseto_tsquery('nazif_arabic', 'التوتر الأمني') AS phrase,
       to_tsvector('nazif_arabic', 'تصاعد التـ.ـوتر الأمني') @@ to_tsquery('nazif_arabic', 'تصاعد <-> الأمني') AS not_adjacent,
       to_tsvector('nazif_arabic', 'تصاعد التـ.ـوتر الأمني') @@ to_tsquery('nazif_arabic', 'تصاعد <2> الأمني') AS distance_2,
       to_tsvector('arabic', 'تصاعد التـ.ـوتر الأمني') @@ phraseto_tsquery('arabic', 'التوتر الأمني') AS arabic_phrase;

-- prefixes
SELECT body, to_tsvector('nazif_arabic', body) @@ to_tsquery('nazif_arabic', 'توت:*') AS prefix
  FROM spellings WHERE kind IN ('plain', 'obfuscated P1', 'clitic') ORDER BY kind;

-- ranking: two mentions (one obfuscated) rank above one
CREATE TABLE ranked (id int, body text);
INSERT INTO ranked VALUES (1, 'التوتر في المنطقة'), (2, 'التوتر ثم التـ.ـوتر في المنطقة'), (3, 'المنطقة هادئة');
SELECT id, round(ts_rank(to_tsvector('nazif_arabic', body), plainto_tsquery('nazif_arabic', 'التوتر'))::numeric, 4) AS rank
  FROM ranked ORDER BY rank DESC, id;

-- a GIN index on the expression, used by the planner
CREATE TABLE news (id serial PRIMARY KEY, body text);
INSERT INTO news (body) SELECT 'خبر رقم ' || g || ' عن الطقس' FROM generate_series(1, 500) g;
INSERT INTO news (body) VALUES ('تصاعد التـ.ـوتر في المنطقة'), ('قصف بقـ.ـصف');
CREATE INDEX news_fts ON news USING gin (to_tsvector('nazif_arabic', body));
ANALYZE news;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM news WHERE to_tsvector('nazif_arabic', body) @@ plainto_tsquery('nazif_arabic', 'التوتر');
SELECT id, body FROM news WHERE to_tsvector('nazif_arabic', body) @@ plainto_tsquery('nazif_arabic', 'التوتر');
RESET enable_seqscan;

-- a stored tsvector column
ALTER TABLE news ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('nazif_arabic', body)) STORED;
SELECT id FROM news WHERE tsv @@ plainto_tsquery('nazif_arabic', 'قصف') ORDER BY id;

-- another configuration from the same parts: no stemming, arabic_stem
CREATE TEXT SEARCH CONFIGURATION nazif_plain (PARSER = nazif);
ALTER TEXT SEARCH CONFIGURATION nazif_plain ADD MAPPING FOR word, oword, latin, number WITH nazif, simple;
CREATE TEXT SEARCH CONFIGURATION nazif_snowball (PARSER = nazif);
ALTER TEXT SEARCH CONFIGURATION nazif_snowball ADD MAPPING FOR word, oword WITH nazif, arabic_stem;
SELECT to_tsvector('nazif_plain', 'العربية والمدارس بقـ.ـصف') AS plain,
       to_tsvector('nazif_snowball', 'العربية والمدارس بقـ.ـصف') AS snowball,
       to_tsvector('nazif_arabic', 'العربية والمدارس بقـ.ـصف') AS light;

-- dictionary options: the library's keys; mistakes are reported
CREATE TEXT SEARCH DICTIONARY nazif_nlp (TEMPLATE = nazif, profile = nlp, filter = off);
SELECT ts_lexize('nazif_nlp', 'المدرسةُ'), ts_lexize('nazif', 'المدرسةُ');
-- stemmer = snowball: Snowball's Arabic stemmer inside the dictionary (Debian's
-- libstemmer, as nazif tokens --stemmer=snowball and FTS5): الكتابات -> كتاب
CREATE TEXT SEARCH DICTIONARY nazif_sb (TEMPLATE = nazif, stemmer = snowball);
SELECT ts_lexize('nazif_sb', 'الكتابات'), ts_lexize('nazif_sb', 'بالمدارس'), ts_lexize('nazif_sb', 'التـ.ـوتر');
CREATE TEXT SEARCH DICTIONARY nazif_bad (TEMPLATE = nazif, stemmer = heavy);
CREATE TEXT SEARCH DICTIONARY nazif_bad (TEMPLATE = nazif, colour = red);
CREATE TEXT SEARCH DICTIONARY nazif_bad (TEMPLATE = nazif_light, profile = search);
