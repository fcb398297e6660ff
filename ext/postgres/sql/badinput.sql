-- Bad and unusual input.
-- invalid UTF-8 never reaches the extension: PostgreSQL refuses it first
SELECT to_tsvector('nazif_arabic', convert_from('\xd8a7ff'::bytea, 'UTF8'));
SELECT nazif_clean(convert_from('\xc3'::bytea, 'UTF8'));
-- empty strings and NULLs
SELECT to_tsvector('nazif_arabic', '') AS empty_vector, to_tsquery('nazif_arabic', '') AS empty_query,
       nazif_clean('') = '' AS empty_clean, (SELECT count(*) FROM nazif_changes('')) AS no_changes;
SELECT to_tsvector('nazif_arabic', NULL) IS NULL AS null_vector, nazif_clean(NULL) IS NULL AS null_clean,
       (SELECT count(*) FROM nazif_changes(NULL)) AS null_changes, nazif_clean('x', NULL) IS NULL AS null_options;
SELECT ts_headline('nazif_arabic', '', plainto_tsquery('nazif_arabic', 'قصف')) = '' AS empty_headline;
-- only blanks, only punctuation, only tatweel, only invisible characters
SELECT to_tsvector('nazif_arabic', E' \t\n ... ـــ \u200B\u200F «» ') AS nothing;
-- a 1 MB document: every obfuscated word found, its offsets right
CREATE TABLE big AS SELECT repeat('تصاعد التـ.ـوتر في المنطقة، وقصف بقـ.ـصف مدفعي. ', 20000) AS body;
SELECT octet_length(body) > 1000000 AS over_1mb,
       to_tsvector('nazif_arabic', body) @@ plainto_tsquery('nazif_arabic', 'التوتر & قصف') AS found,
       length(to_tsvector('nazif_arabic', body)) AS lexemes,
       octet_length(nazif_clean(body)) = octet_length(replace(replace(body, 'التـ.ـوتر', 'التوتر'), 'بقـ.ـصف', 'بقصف')) AS cleaned,
       (SELECT count(*) FROM nazif_changes(body)) AS changes
  FROM big;
-- a word longer than PostgreSQL's 2047-byte limit: its notice, as with
-- the built-in parser; a 1 MB line without a space (cut by the library
-- into pieces, each dropped with that notice, silenced here)
SELECT length(to_tsvector('nazif_arabic', repeat('ب', 3000))) AS long_word_dropped;
SET client_min_messages = warning;
SELECT length(to_tsvector('nazif_arabic', repeat('ب', 600000) || ' قصف')) AS one_mb_line;
RESET client_min_messages;
-- a long run of blanks is cut into pieces below that limit: no notice
SELECT to_tsvector('nazif_arabic', 'قصف' || repeat(' .', 5000) || 'مدفعي') AS long_blank;
-- a database in another encoding is refused with a message
SELECT current_database() AS regdb \gset
CREATE DATABASE nazif_latin1 ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C';
\c nazif_latin1
CREATE EXTENSION nazif;
SELECT nazif_clean('abc');
\c :regdb
DROP DATABASE nazif_latin1;
