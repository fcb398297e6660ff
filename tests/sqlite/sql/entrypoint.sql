-- The entry point SQLite derives from the file name nazif_fts5.so.
.load @BUILD@/nazif_fts5 sqlite3_naziffts_init
SELECT nazif_tokens('التـ.ـوتر');
