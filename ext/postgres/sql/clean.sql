-- The cleaner as SQL functions.
SELECT nazif_clean('تصاعد التـ.ـوتر في غـ،ـزة، قال د.محمد عام 1445هـ.');
SELECT * FROM nazif_changes('تصاعد التـ.ـوتر في غـ،ـزة، قال د.محمد');
SELECT nazif_clean(E'الخبر\nاقرأ أيضا: خبر آخر\nالنهاية') AS dropped,
       nazif_clean(E'الخبر\nاقرأ أيضا: خبر آخر\nالنهاية', 'boilerplate=keep') AS kept;
SELECT kind, rule, byte_length FROM nazif_changes(E'الخبر\nاقرأ أيضا: خبر آخر\nالنهاية');
SELECT nazif_clean('تصاعد التـ.ـوتر', 'restore=off');
SELECT nazif_clean('x', 'boilerplate=maybe');
SELECT nazif_clean('x', 'stemmer=light');
-- the original bytes of each change are where byte_offset says
SELECT bool_and(substring(convert_to(t, 'UTF8') FROM byte_offset::int + 1 FOR byte_length) = convert_to(original, 'UTF8')) AS offsets_right,
       count(*) AS changes
  FROM (VALUES ('في غـ،ـزة والتـ.ـوتر ثم بقـ.ـصف و' || E'\u200B' || 'مستمر')) v(t), LATERAL nazif_changes(t);
-- in a generated column and in a trigger
CREATE TABLE articles (id int, raw text, body text GENERATED ALWAYS AS (nazif_clean(raw)) STORED);
INSERT INTO articles VALUES (1, 'قصف بقـ.ـصف');
SELECT * FROM articles;
CREATE TABLE article_changes (id int, byte_offset bigint, original text, replacement text, rule text);
CREATE FUNCTION log_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_changes SELECT NEW.id, c.byte_offset, c.original, c.replacement, c.rule
    FROM nazif_changes(NEW.raw) c;
  RETURN NEW;
END $$;
CREATE TRIGGER articles_log AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION log_changes();
INSERT INTO articles VALUES (2, 'التـ.ـوتر في غـ،ـزة');
SELECT * FROM article_changes ORDER BY id, byte_offset;
