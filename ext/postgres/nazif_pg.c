/*
 * nazif_pg.c -- PostgreSQL full-text search that sees through obfuscation
 * (CREATE EXTENSION nazif).
 *
 *   parser       nazif          tokens point into the original text: the
 *                               word of بقـ.ـصف is all 13 bytes of it, so
 *                               ts_headline (prsd_headline) marks the whole
 *                               span; the text between words comes back as
 *                               blank tokens exactly as it was.
 *   template     nazif          dictionary: restores + normalizes a token
 *                               (the "search" profile by default), drops stop
 *                               words (a tsearch_data/NAME.stop file), and
 *                               passes its output on (TSL_FILTER) to the next
 *                               dictionary: nazif_light, arabic_stem, simple.
 *   template     nazif_light    dictionary: nazif_stem_light() (light10).
 *   functions    nazif_clean(text [, options]) -> text
 *                nazif_changes(text [, options]) -> rows of changes
 *
 * No PostgreSQL error is raised while the library is running: its callbacks
 * only collect into malloc()ed memory and return non-zero when they cannot;
 * the caller raises the error (ereport) after the library call returned.
 */
#include "postgres.h"

#include <string.h>

#include "catalog/pg_collation.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "nazif.h"

#include <libstemmer.h>

PG_MODULE_MAGIC;

/* ---- shared helpers ------------------------------------------------------ */

static void
require_utf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("nazif: the database encoding must be UTF8, not %s",
						GetDatabaseEncodingName())));
}

static void
raise_nazif(int rc, const char *what)
{
	if (rc == NAZIF_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("nazif: out of memory in %s", what)));
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("nazif: %s failed: %s", what, nazif_strerror(rc))));
}

/* Options go through the library's one parser (nazif_options_set() for
 * the dictionary's key = value pairs, nazif_options_parse() for the
 * cleaner's option string), so the keys, values, defaults and messages are
 * those of every other front end. */

/* A growing malloc()ed array, filled inside library callbacks (which must
 * not raise PostgreSQL errors).  oom is set instead of failing. */
typedef struct pgn_vec
{
	void	   *p;
	size_t		n,
				cap,
				elem;
	int			oom;
} pgn_vec;

static void *
vec_push(pgn_vec *v)
{
	if (v->oom)
		return NULL;
	if (v->n == v->cap)
	{
		size_t		cap = v->cap ? v->cap * 2 : 64;
		void	   *q = realloc(v->p, cap * v->elem);

		if (!q)
		{
			v->oom = 1;
			return NULL;
		}
		v->p = q;
		v->cap = cap;
	}
	return (char *) v->p + v->elem * v->n++;
}

/* A malloc()ed byte buffer, same rules. */
typedef struct pgn_buf
{
	char	   *p;
	size_t		n,
				cap;
	int			oom;
} pgn_buf;

static size_t
buf_put(pgn_buf *b, const char *s, size_t n)
{
	size_t		at = b->n;

	if (b->oom)
		return 0;
	if (b->n + n + 1 > b->cap)
	{
		size_t		cap = b->cap ? b->cap * 2 : 256;
		char	   *q;

		while (cap < b->n + n + 1)
			cap *= 2;
		q = realloc(b->p, cap);
		if (!q)
		{
			b->oom = 1;
			return 0;
		}
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
	return at;
}

/* ---- the parser ---------------------------------------------------------- */

/*
 * Token types.  prsd_headline, the built-in headline function, knows token
 * types by the numbers of the default parser: 12 (blank) is what it never
 * ends a fragment on and never highlights, and 5, 13-17 and 23 would be
 * skipped or replaced -- so the blank is 12 and the words avoid those.
 */
#define PGN_WORD 1
#define PGN_OWORD 2
#define PGN_LATIN 3
#define PGN_NUMBER 4
#define PGN_BLANK 12

/* Blank tokens are cut below PostgreSQL's MAXSTRLEN (2047 bytes), which
 * would otherwise warn that a "word is too long to be indexed". */
#define PGN_BLANK_MAX 1000

typedef struct pgn_ptok
{
	uint32		start,
				end;
	int			type;
} pgn_ptok;


/* One tokenizer for the parser, kept for the backend's life: the parser
 * collects all the words of a text at prsstart, so it is never in use by
 * two texts at once. */
static nazif_tokenizer *parser_tk;

static nazif_tokenizer *
get_parser_tk(void)
{
	if (!parser_tk)
	{
		nazif_token_options o;
		int			rc;

		nazif_token_options_init(&o);	/* search profile, restoration on */
		rc = nazif_tokenizer_new(&parser_tk, &o);
		if (rc != NAZIF_OK)
		{
			parser_tk = NULL;
			raise_nazif(rc, "nazif_tokenizer_new");
		}
	}
	return parser_tk;
}


static int
is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/*
 * The kind of a word.  number: the normalized word is digits and . , only
 * (3.5; Arabic-Indic digits are folded to ASCII by then).  latin: it starts
 * with a Latin letter (ASCII or Latin-1/Extended).  oword: the original
 * span holds something the word does not -- tatweel, an invisible
 * character, a separator (التـ.ـوتر): the tokenizer restored it.  word:
 * anything else.
 */
static int
word_type(const char *span, size_t slen, const char *w, size_t wlen)
{
	size_t		i;
	int			digits = 1;
	unsigned char c0 = wlen ? (unsigned char) w[0] : 0;

	for (i = 0; i < wlen; i++)
	{
		unsigned char c = (unsigned char) w[i];

		if (!((c >= '0' && c <= '9') || c == '.' || c == ','))
		{
			digits = 0;
			break;
		}
	}
	if (digits && wlen)
		return PGN_NUMBER;
	if ((c0 | 32) >= 'a' && (c0 | 32) <= 'z')
		return PGN_LATIN;
	if (c0 >= 0xC3 && c0 <= 0xC9)
		return PGN_LATIN;		/* U+00C0..U+027F */
	for (i = 0; i < slen; i++)
	{
		unsigned char c = (unsigned char) span[i];

		if (c < 0x80 && !is_ascii_alnum(c) && c != '-')
			return PGN_OWORD;
		/* U+0640 tatweel, but not at the end (هـ: the abbreviation) */
		if (c == 0xD9 && i + 2 < slen && (unsigned char) span[i + 1] == 0x80)
			return PGN_OWORD;
		/* U+2000..U+206F: invisible characters and general punctuation */
		if (c == 0xE2 && i + 1 < slen && ((unsigned char) span[i + 1] & 0xFE) == 0x80)
			return PGN_OWORD;
		/* U+FEFF, U+00AD */
		if (c == 0xEF && i + 2 < slen && (unsigned char) span[i + 1] == 0xBB &&
			(unsigned char) span[i + 2] == 0xBF)
			return PGN_OWORD;
		if (c == 0xC2 && i + 1 < slen && (unsigned char) span[i + 1] == 0xAD)
			return PGN_OWORD;
		/* Arabic comma, semicolon, question mark, full stop, percent sign */
		if (c == 0xD8 && i + 1 < slen &&
			((unsigned char) span[i + 1] == 0x8C || (unsigned char) span[i + 1] == 0x9B ||
			 (unsigned char) span[i + 1] == 0x9F))
			return PGN_OWORD;
		if (c == 0xDB && i + 1 < slen && (unsigned char) span[i + 1] == 0x94)
			return PGN_OWORD;
	}
	return PGN_WORD;
}


/* The length of a blank piece from text[pos..end): at most PGN_BLANK_MAX
 * bytes, ending on a character boundary. */
static uint32
blank_len(const char *text, uint32 pos, uint32 end)
{
	uint32		n = end - pos;

	if (n <= PGN_BLANK_MAX)
		return n;
	n = PGN_BLANK_MAX;
	while (n > 1 && ((unsigned char) text[pos + n] & 0xC0) == 0x80)
		n--;
	return n;
}

/*
 * Pull-style: the library hands out one word at a time
 * (nazif_tokenizer_next()), so none of our code runs inside it and the
 * memory held is one stretch of lines whatever the text's length.  A
 * tokenizer runs one text at a time; the backend's cached one serves the
 * first parse, and a parse that starts while another is open (two
 * ts_parse() in one query) gets its own.  Whichever it is, it is given back
 * at prsend, or by the memory context's reset after an error.
 */
typedef struct pgn_hold
{
	nazif_tokenizer *tk;
	int			cached;			/* tk is parser_tk */
} pgn_hold;

static int	parser_tk_busy;

static void
hold_release(void *arg)
{
	pgn_hold   *h = arg;

	if (!h->tk)
		return;
	if (h->cached)
		parser_tk_busy = 0;
	else
		nazif_tokenizer_free(h->tk);
	h->tk = NULL;
}

typedef struct pgn_pull
{
	const char *text;
	uint32		len;
	pgn_hold   *hold;
	uint32		pos;			/* where the text not yet returned starts */
	uint32		last_end;
	int			done;			/* the library has no more words */
	int			have;			/* w holds the next word */
	pgn_ptok	w;
} pgn_pull;

PG_FUNCTION_INFO_V1(nazif_prs_start);
Datum
nazif_prs_start(PG_FUNCTION_ARGS)
{
	char	   *text = (char *) PG_GETARG_POINTER(0);
	int			len = PG_GETARG_INT32(1);
	pgn_pull   *p = palloc0(sizeof(pgn_pull));
	pgn_hold   *h = palloc0(sizeof(pgn_hold));
	MemoryContextCallback *cb = palloc0(sizeof(MemoryContextCallback));
	int			rc;

	require_utf8();
	p->text = text;
	p->len = len > 0 ? (uint32) len : 0;
	p->hold = h;
	if (!parser_tk_busy)
	{
		h->tk = get_parser_tk();
		h->cached = 1;
		parser_tk_busy = 1;
	}
	else
	{
		nazif_token_options o;

		nazif_token_options_init(&o);
		rc = nazif_tokenizer_new(&h->tk, &o);
		if (rc != NAZIF_OK)
		{
			h->tk = NULL;
			raise_nazif(rc, "nazif_tokenizer_new");
		}
	}
	cb->func = hold_release;
	cb->arg = h;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);
	rc = nazif_tokenizer_start(h->tk, text, p->len);
	if (rc != NAZIF_OK)
		raise_nazif(rc, "the parser");
	PG_RETURN_POINTER(p);
}

/* Pull the next word into p->w (p->have), or note the end (p->done). */
static void
pull_word(pgn_pull *p)
{
	while (!p->have && !p->done)
	{
		nazif_token tok;
		int			rc = nazif_tokenizer_next(p->hold->tk, &tok);
		uint32		s,
					e;

		if (rc == 0)
		{
			p->done = 1;
			break;
		}
		if (rc < 0)
			ereport(ERROR,
					(errcode(rc == NAZIF_ENOMEM ? ERRCODE_OUT_OF_MEMORY : ERRCODE_INTERNAL_ERROR),
					 errmsg("nazif: the parser failed: %s", nazif_strerror(rc)),
					 errdetail("%s", nazif_tokenizer_error_detail(p->hold->tk))));
		s = (uint32) tok.start;
		e = (uint32) tok.end;
		/* tokens never overlap (clitic parts may share a span; none here) */
		if (s < p->last_end)
			s = p->last_end;
		if (e <= s)
			continue;
		p->w.start = s;
		p->w.end = e;
		p->w.type = word_type(p->text + s, e - s, tok.word, tok.word_len);
		p->last_end = e;
		p->have = 1;
	}
}

PG_FUNCTION_INFO_V1(nazif_prs_gettoken);
Datum
nazif_prs_gettoken(PG_FUNCTION_ARGS)
{
	pgn_pull   *p = (pgn_pull *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	uint32		wstart;

	pull_word(p);
	wstart = p->have ? p->w.start : p->len;
	if (p->pos < wstart)
	{
		uint32		n = blank_len(p->text, p->pos, wstart);

		*t = (char *) p->text + p->pos;
		*tlen = (int) n;
		p->pos += n;
		PG_RETURN_INT32(PGN_BLANK);
	}
	if (p->have)
	{
		*t = (char *) p->text + p->w.start;
		*tlen = (int) (p->w.end - p->w.start);
		p->pos = p->w.end;
		p->have = 0;
		PG_RETURN_INT32(p->w.type);
	}
	*t = NULL;
	*tlen = 0;
	PG_RETURN_INT32(0);
}

PG_FUNCTION_INFO_V1(nazif_prs_end);
Datum
nazif_prs_end(PG_FUNCTION_ARGS)
{
	pgn_pull   *p = (pgn_pull *) PG_GETARG_POINTER(0);

	hold_release(p->hold);
	pfree(p);
	PG_RETURN_VOID();
}


PG_FUNCTION_INFO_V1(nazif_prs_lextype);
Datum
nazif_prs_lextype(PG_FUNCTION_ARGS)
{
	static const struct
	{
		int			id;
		const char *alias;
		const char *descr;
	}			types[] = {
		{PGN_WORD, "word", "Word (Arabic or other script)"},
		{PGN_OWORD, "oword", "Word restored from an obfuscated, elongated or split spelling"},
		{PGN_LATIN, "latin", "Word in Latin letters"},
		{PGN_NUMBER, "number", "Number"},
		{PGN_BLANK, "blank", "Text between words, as it was"},
	};
	const int	n = (int) lengthof(types);
	LexDescr   *d = palloc((n + 1) * sizeof(LexDescr));

	for (int i = 0; i < n; i++)
	{
		d[i].lexid = types[i].id;
		d[i].alias = pstrdup(types[i].alias);
		d[i].descr = pstrdup(types[i].descr);
	}
	d[n].lexid = 0;
	PG_RETURN_POINTER(d);
}

/* ---- the nazif dictionary ------------------------------------------------ */

typedef struct pgn_dict
{
	nazif_tokenizer *tk;		/* restoration + normalization */
	nazif_tokenizer *ctk;		/* clitics: segmentation of the normalized word */
	StopList	stop;
	int			stemmer;		/* NAZIF_STEM_NONE, _LIGHT or _SNOWBALL */
	struct sb_stemmer *sb;		/* stemmer = snowball: Debian's libstemmer */
	int			filter;			/* pass the result on (TSL_FILTER) */
	pgn_buf		word;			/* scratch: the whole word */
	pgn_buf		stem;			/* scratch: its stem (clitics) */
	MemoryContext cxt;			/* the dictionary's memory */
	struct pgn_centry *cache;	/* span -> lexeme, allocated on first use */
} pgn_dict;

/*
 * What the dictionary makes of a span depends on the span's bytes alone, so
 * its answers are kept: a direct-mapped table of PGN_CACHE spans of up to
 * PGN_CACHE_KEY bytes (476 KB per dictionary and backend).  News text
 * repeats its words; a hit skips the library's two runs over the span.
 */
#define PGN_CACHE 4096
#define PGN_CACHE_KEY 48
#define PGN_CACHE_LEX 60

typedef struct pgn_centry
{
	uint32		hash;
	uint8		spanlen;		/* 0: empty */
	uint8		lexlen;			/* 0: a stop word */
	char		span[PGN_CACHE_KEY];
	char		lex[PGN_CACHE_LEX];
} pgn_centry;

static uint32
span_hash(const char *s, int n)
{
	uint32		h = 2166136261u;

	for (int i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

static void
dict_free(void *arg)
{
	pgn_dict   *d = arg;

	nazif_tokenizer_free(d->tk);
	nazif_tokenizer_free(d->ctk);
	if (d->sb)
		sb_stemmer_delete(d->sb);
	d->sb = NULL;
	free(d->word.p);
	free(d->stem.p);
	d->tk = d->ctk = NULL;
	d->word.p = d->stem.p = NULL;
}

/*
 * The words of a span.  The parser gives a span that is one word in its
 * context; alone it is one word too in every case measured (docs/
 * postgres.md), and should it not be, its words are joined.  With clitics
 * each word is split into parts, exactly one of them of kind
 * NAZIF_TOKEN_WORD (the stem; the whole word when nothing was split), whose
 * tok->word is the whole normalized word.
 */
typedef struct pgn_words
{
	pgn_buf    *whole;			/* the whole words, joined */
	pgn_buf    *stem;			/* the stem of the last word */
	int			n;				/* words */
} pgn_words;

static int
on_word(void *ctx, const nazif_token *tok)
{
	pgn_words  *j = ctx;

	if (tok->kind != NAZIF_TOKEN_WORD)
		return 0;
	buf_put(j->whole, tok->word, tok->word_len);
	j->stem->n = 0;
	buf_put(j->stem, tok->text, tok->len);
	j->n++;
	return j->whole->oom || j->stem->oom;
}

/* Run tk over text[0..len) into d->word (the whole word) and d->stem; the
 * number of words, or a negative code. */
static int
dict_words(pgn_dict *d, nazif_tokenizer *tk, const char *text, size_t len)
{
	pgn_words	j = {&d->word, &d->stem, 0};
	int			rc;

	d->word.n = 0;
	d->stem.n = 0;
	buf_put(&d->word, "", 0);
	buf_put(&d->stem, "", 0);
	rc = nazif_tokenizer_run(tk, text, len, on_word, &j);
	if (d->word.oom || d->stem.oom)
		return NAZIF_ENOMEM;
	if (rc < 0)
		return rc;
	return j.n;
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

PG_FUNCTION_INFO_V1(nazif_dict_init);
Datum
nazif_dict_init(PG_FUNCTION_ARGS)
{
	List	   *dictoptions = (List *) PG_GETARG_POINTER(0);
	pgn_dict   *d = palloc0(sizeof(pgn_dict));
	nazif_token_options to;
	ListCell   *l;
	char	   *stopfile = NULL;
	MemoryContextCallback *cb;
	int			clitics;
	int			rc;
	nazif_options lo;
	char		err[NAZIF_ERROR_DETAIL_SIZE];

	nazif_options_init(&lo);
	require_utf8();
	d->filter = 1;
	d->cxt = CurrentMemoryContext;
	foreach(l, dictoptions)
	{
		DefElem    *def = (DefElem *) lfirst(l);
		const char *v = defGetString(def);

		if (pg_strcasecmp(def->defname, "stopwords") == 0)
		{
			/* on/off: the library's built-in list; a name: a file */
			if (nazif_options_set(&lo, "stopwords", v, NAZIF_OPT_TOKEN, NULL, 0) == NAZIF_OK)
				continue;
			if (stopfile)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("nazif: multiple StopWords parameters")));
			stopfile = pstrdup(v);
			continue;
		}
		if (pg_strcasecmp(def->defname, "filter") == 0)
		{
			d->filter = defGetBoolean(def) ? 1 : 0;
			continue;
		}
		if (nazif_options_set(&lo, def->defname, v, NAZIF_OPT_TOKEN, err, sizeof err) != NAZIF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("nazif: %s", err),
					 errhint("The dictionary also takes StopWords = a tsearch_data file name, and Filter.")));
	}
	to = lo.token;
	clitics = (to.flags & NAZIF_TOK_CLITICS) != 0;
	to.flags &= ~(unsigned) NAZIF_TOK_CLITICS;
	d->stemmer = to.stemmer;
	to.stemmer = NAZIF_STEM_NONE;	/* stemmed here, after the stem is picked */

	/* the library's objects live until the dictionary's memory goes */
	cb = palloc0(sizeof(MemoryContextCallback));
	cb->func = dict_free;
	cb->arg = d;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);

	if (d->stemmer == NAZIF_STEM_SNOWBALL && !(d->sb = sb_stemmer_new("arabic", "UTF_8")))
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("nazif: the Snowball Arabic stemmer cannot be started")));
	rc = nazif_tokenizer_new(&d->tk, &to);
	if (rc == NAZIF_EINVAL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("nazif: these options do not go together (fold-yeh with fold-maksura?)")));
	if (rc != NAZIF_OK)
		raise_nazif(rc, "nazif_tokenizer_new");
	if (clitics)
	{
		to.flags |= NAZIF_TOK_CLITICS;
		rc = nazif_tokenizer_new(&d->ctk, &to);
		if (rc != NAZIF_OK)
			raise_nazif(rc, "nazif_tokenizer_new");
	}

	if (stopfile)
	{
		/* tsearch_data/NAME.stop, one word a line; each word is normalized
		 * as the tokens are, so أن in the list also drops ان */
		int			k = 0;

		readstoplist(stopfile, &d->stop, NULL);
		for (int i = 0; i < d->stop.len; i++)
		{
			const char *w = d->stop.stop[i];

			rc = dict_words(d, d->tk, w, strlen(w));
			if (rc < 0)
				raise_nazif(rc, "reading the stop words");
			if (d->word.n)
				d->stop.stop[k++] = pstrdup(d->word.p);
		}
		d->stop.len = k;
		if (k > 1)
			qsort(d->stop.stop, (size_t) k, sizeof(char *), cmp_cstr);
	}
	PG_RETURN_POINTER(d);
}

static TSLexeme *
stop_result(void)
{
	return palloc0(sizeof(TSLexeme));
}

/* The lexeme of a span: 1 with [*w, *w + *wl) (in d's scratch or the
 * span), or 0 for a stop word or a span with nothing of a word in it. */
static int
dict_lexeme(pgn_dict *d, const char *in, size_t len, const char **w, size_t *wl)
{
	int			rc = dict_words(d, d->ctk ? d->ctk : d->tk, in, len);

	if (rc < 0)
		raise_nazif(rc, "the nazif dictionary");
	if (rc == 0 || d->word.n == 0)
		return 0;
	if (d->stop.len && searchstoplist(&d->stop, d->word.p))
		return 0;
	*w = d->word.p;
	*wl = d->word.n;
	/* the stem of a split word, unless it is a stop word: واحد is split
	 * into و + احد by the segmenter and stays واحد here */
	if (d->ctk && rc == 1 && !(d->stop.len && searchstoplist(&d->stop, d->stem.p)))
	{
		*w = d->stem.p;
		*wl = d->stem.n;
	}
	if (d->stemmer == NAZIF_STEM_LIGHT)
	{
		size_t		st = 0,
					sl = *wl;

		if (nazif_stem_light(*w, *wl, &st, &sl) == NAZIF_OK)
		{
			*w += st;
			*wl = sl;
		}
	}
	else if (d->stemmer == NAZIF_STEM_SNOWBALL && *wl <= INT_MAX)
	{
		/* as nazif tokens --stemmer=snowball; the stem stays valid until
		 * the next call, and the caller copies it before that */
		const sb_symbol *s = sb_stemmer_stem(d->sb, (const sb_symbol *) *w, (int) *wl);

		if (!s)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("nazif: out of memory in the Snowball stemmer")));
		*w = (const char *) s;
		*wl = (size_t) sb_stemmer_length(d->sb);
	}
	return 1;
}

static TSLexeme *
lexeme_result(pgn_dict *d, const char *w, size_t wl)
{
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * 2);

	res[0].lexeme = pnstrdup(w, wl);
	res[0].flags = d->filter ? TSL_FILTER : 0;
	return res;
}

PG_FUNCTION_INFO_V1(nazif_dict_lexize);
Datum
nazif_dict_lexize(PG_FUNCTION_ARGS)
{
	pgn_dict   *d = (pgn_dict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	pgn_centry *e = NULL;
	uint32		h = 0;
	const char *w = NULL;
	size_t		wl = 0;
	int			found;

	if (len > 0 && len <= PGN_CACHE_KEY)
	{
		if (!d->cache)
			d->cache = MemoryContextAllocZero(d->cxt, PGN_CACHE * sizeof(pgn_centry));
		h = span_hash(in, len);
		e = &d->cache[h & (PGN_CACHE - 1)];
		if (e->spanlen == (uint8) len && e->hash == h && memcmp(e->span, in, (size_t) len) == 0)
		{
			if (e->lexlen == 0)
				PG_RETURN_POINTER(stop_result());
			PG_RETURN_POINTER(lexeme_result(d, e->lex, e->lexlen));
		}
	}
	found = dict_lexeme(d, in, (size_t) (len > 0 ? len : 0), &w, &wl);
	if (found && wl == 0)
		found = 0;
	if (e && (!found || wl <= PGN_CACHE_LEX))
	{
		e->hash = h;
		e->spanlen = (uint8) len;
		memcpy(e->span, in, (size_t) len);
		e->lexlen = found ? (uint8) wl : 0;
		if (found)
			memcpy(e->lex, w, wl);
	}
	if (!found)
		PG_RETURN_POINTER(stop_result());
	PG_RETURN_POINTER(lexeme_result(d, w, wl));
}

/* ---- the nazif_light dictionary ------------------------------------------ */

PG_FUNCTION_INFO_V1(nazif_light_init);
Datum
nazif_light_init(PG_FUNCTION_ARGS)
{
	List	   *dictoptions = (List *) PG_GETARG_POINTER(0);

	if (list_length(dictoptions) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("nazif_light: unknown option \"%s\" (it takes none)",
						((DefElem *) linitial(dictoptions))->defname)));
	PG_RETURN_POINTER(NULL);
}

PG_FUNCTION_INFO_V1(nazif_light_lexize);
Datum
nazif_light_lexize(PG_FUNCTION_ARGS)
{
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	size_t		st = 0,
				sl = (size_t) len;
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * 2);

	if (nazif_stem_light(in, (size_t) len, &st, &sl) != NAZIF_OK)
	{
		st = 0;
		sl = (size_t) len;
	}
	res[0].lexeme = pnstrdup(in + st, sl);
	PG_RETURN_POINTER(res);
}

/* ---- nazif_clean(text [, options]) ---------------------------------------- */

typedef struct pgn_change
{
	uint64		offset;
	size_t		length;
	uint64		line;
	size_t		orig_at,
				repl_at,
				repl_len,
				rule_at;
	int			kind;
} pgn_change;

typedef struct pgn_changes
{
	pgn_vec		v;
	pgn_buf		strings;
} pgn_changes;

static int
on_change(void *ctx, const nazif_change *ch)
{
	pgn_changes *c = ctx;
	pgn_change *r = vec_push(&c->v);

	if (!r)
		return 1;
	r->offset = ch->offset;
	r->length = ch->length;
	r->line = ch->line;
	r->kind = ch->kind;
	r->orig_at = buf_put(&c->strings, ch->original, ch->length);
	r->repl_at = buf_put(&c->strings, ch->replacement, ch->replacement_len);
	r->repl_len = ch->replacement_len;
	r->rule_at = buf_put(&c->strings, ch->rule, strlen(ch->rule) + 1);
	return c->strings.oom;
}

/* Clean text with the options; the result is palloc'd text.  When changes
 * is not NULL the changes are collected there (malloc()ed; the caller frees
 * changes->v.p and changes->strings.p). */
static text *
run_clean(text *in, text *options, pgn_changes *changes)
{
	nazif_clean_options co;
	char	   *out = NULL;
	size_t		out_len = 0;
	int			rc;
	text	   *res;

	require_utf8();
	{
		nazif_options lo;
		char		err[NAZIF_ERROR_DETAIL_SIZE];

		nazif_options_init(&lo);
		if (options)
		{
			char	   *s = text_to_cstring(options);

			if (nazif_options_parse(&lo, s, strlen(s), NAZIF_OPT_CLEAN, err, sizeof err) != NAZIF_OK)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("nazif_clean: %s", err)));
			pfree(s);
		}
		co = lo.clean;
	}
	if (changes)
	{
		co.on_change = on_change;
		co.ctx = changes;
	}
	rc = nazif_clean(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out, &out_len, &co);
	if (changes && (changes->v.oom || changes->strings.oom))
		rc = NAZIF_ENOMEM;
	if (rc != NAZIF_OK)
	{
		nazif_free(out);
		if (changes)
		{
			free(changes->v.p);
			free(changes->strings.p);
		}
		raise_nazif(rc, "nazif_clean");
	}
	res = cstring_to_text_with_len(out ? out : "", (int) out_len);
	nazif_free(out);
	return res;
}

PG_FUNCTION_INFO_V1(nazif_clean_text);
Datum
nazif_clean_text(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	text	   *opts = PG_NARGS() > 1 && !PG_ARGISNULL(1) ? PG_GETARG_TEXT_PP(1) : NULL;

	PG_RETURN_TEXT_P(run_clean(in, opts, NULL));
}

/* nazif_changes(text [, options]) -> SETOF (byte_offset, byte_length,
 * original, replacement, rule, kind, line) */
PG_FUNCTION_INFO_V1(nazif_changes);
Datum
nazif_changes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *in = PG_GETARG_TEXT_PP(0);
	text	   *opts = PG_NARGS() > 1 && !PG_ARGISNULL(1) ? PG_GETARG_TEXT_PP(1) : NULL;
	pgn_changes c;
	static const char *const kinds[] = {"edit", "suspect", "drop"};

	InitMaterializedSRF(fcinfo, 0);
	memset(&c, 0, sizeof c);
	c.v.elem = sizeof(pgn_change);
	(void) run_clean(in, opts, &c);
	for (size_t i = 0; i < c.v.n; i++)
	{
		pgn_change *r = (pgn_change *) c.v.p + i;
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = Int64GetDatum((int64) r->offset);
		values[1] = Int32GetDatum((int32) r->length);
		values[2] = PointerGetDatum(cstring_to_text_with_len(c.strings.p + r->orig_at, (int) r->length));
		values[3] = PointerGetDatum(cstring_to_text_with_len(c.strings.p + r->repl_at, (int) r->repl_len));
		values[4] = PointerGetDatum(cstring_to_text(c.strings.p + r->rule_at));
		values[5] = PointerGetDatum(cstring_to_text(r->kind >= 0 && r->kind <= 2 ? kinds[r->kind] : "edit"));
		values[6] = Int64GetDatum((int64) r->line);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	free(c.v.p);
	free(c.strings.p);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(nazif_lib_version);
Datum
nazif_lib_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(nazif_version()));
}
