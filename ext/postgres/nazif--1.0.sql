-- nazif--1.0.sql -- CREATE EXTENSION nazif
\echo Use "CREATE EXTENSION nazif" to load this file. \quit

-- The parser: words (restored across obfuscation), blanks as they were.
CREATE FUNCTION nazif_prs_start(internal, integer) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION nazif_prs_gettoken(internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION nazif_prs_end(internal) RETURNS void
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION nazif_prs_lextype(internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;

CREATE TEXT SEARCH PARSER nazif (
  START = nazif_prs_start,
  GETTOKEN = nazif_prs_gettoken,
  END = nazif_prs_end,
  LEXTYPES = nazif_prs_lextype,
  HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER nazif IS 'nazif: words restored across obfuscation, with their original spans';

-- The dictionary: restoration + normalization (search profile), stop words,
-- output passed on to the next dictionary.
CREATE FUNCTION nazif_dict_init(internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION nazif_dict_lexize(internal, internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE nazif (
  INIT = nazif_dict_init,
  LEXIZE = nazif_dict_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE nazif IS 'nazif: restores and normalizes Arabic words, then passes them on';

CREATE TEXT SEARCH DICTIONARY nazif (
  TEMPLATE = nazif,
  StopWords = nazif_arabic,
  Clitics = on
);
COMMENT ON TEXT SEARCH DICTIONARY nazif IS 'nazif: restoration + search normalization, nazif_arabic stop words; a filter';

-- The light stemmer (Larkey's light10 as Lucene has it).
CREATE FUNCTION nazif_light_init(internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C;
CREATE FUNCTION nazif_light_lexize(internal, internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE nazif_light (
  INIT = nazif_light_init,
  LEXIZE = nazif_light_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE nazif_light IS 'nazif: light Arabic stemmer (light10)';

CREATE TEXT SEARCH DICTIONARY nazif_light (TEMPLATE = nazif_light);
COMMENT ON TEXT SEARCH DICTIONARY nazif_light IS 'nazif: light Arabic stemmer; expects normalized words (put nazif before it)';

-- The ready configuration.
CREATE TEXT SEARCH CONFIGURATION nazif_arabic (PARSER = nazif);
ALTER TEXT SEARCH CONFIGURATION nazif_arabic
  ADD MAPPING FOR word, oword WITH nazif, nazif_light;
ALTER TEXT SEARCH CONFIGURATION nazif_arabic
  ADD MAPPING FOR latin, number WITH nazif, simple;
COMMENT ON TEXT SEARCH CONFIGURATION nazif_arabic IS 'nazif: Arabic, obfuscation restored, stop words, light stemming';

-- The cleaner.
CREATE FUNCTION nazif_clean(text) RETURNS text
  AS 'MODULE_PATHNAME', 'nazif_clean_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nazif_clean(text, options text) RETURNS text
  AS 'MODULE_PATHNAME', 'nazif_clean_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nazif_clean(text) IS 'nazif: restore obfuscated words, drop invisible junk and page furniture';

CREATE FUNCTION nazif_changes(text, options text DEFAULT '',
    OUT byte_offset bigint, OUT byte_length integer, OUT original text,
    OUT replacement text, OUT rule text, OUT kind text, OUT line bigint)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'nazif_changes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nazif_changes(text, text) IS 'nazif: what nazif_clean changes, one row per change';

CREATE FUNCTION nazif_version() RETURNS text
  AS 'MODULE_PATHNAME', 'nazif_lib_version' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
