-- The extension's objects.
CREATE EXTENSION nazif;
SELECT nazif_version() ~ '^[0-9]+\.[0-9]+\.[0-9]+$' AS version_ok;
SELECT alias, description FROM ts_token_type('nazif') ORDER BY tokid;
\dFd nazif*
\dF+ nazif_arabic
