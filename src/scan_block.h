/*
 * scan_block.h -- the SIMD block of the line pre-scan (restore_scan.c), written once
 * and included once per vector width (SSE2, and AVX2 where the CPU has it)
 * with these defined by the includer:
 *
 *   SB_NAME     the function's name        SB_ATTR   attributes before it
 *   SB_VEC      the vector type            SB_RET    the mask's type
 *   SB_LOAD(p)  unaligned load of a vector from p
 *   SB_SET1(c)  every byte c               SB_MASK(v) the top bit of each byte
 *   SB_EQ SB_MAXU SB_GTS SB_SUB SB_AND SB_OR SB_ANDNOT SB_XOR   per-byte operations
 *   SB_GTS(a, b) per byte, a > b as signed bytes
 *   SB_KPARAM   optional: a second parameter (what SB_SET1 may read)
 *   SB_NEAR(v)  optional: 0xFF on the bytes of ".,*-_/~#$%&@:;?!+|^=`",
 *               the backslash and the apostrophe, digits, Latin letters,
 *               0x8B..0x92, 0x89, 0x9B and 0x08 (else they are
 *               compared one by one)
 *
 * SB_NAME(p): for the vector of bytes at p (p[-1] and the byte after the
 * vector readable), a bit per byte that may start a trigger or break UTF-8.
 * A superset of the scalar rules: any lead byte other than D8/D9 (3- and
 * 4-byte characters, Persian letters, Latin-1), tatweel, D9 + Arabic-Indic
 * digit or U+066A..067F (the dotless ٮ ٯ, alef wasla, ٻ ټ among them), ALM, a
 * separator/digit/Latin letter, 8C..92, 89 or 9B before an Arabic lead byte, and
 * a byte 00..08 (a backspace, 08, erases a character), and
 * a continuation byte that does not follow a two-byte lead C2..DF (or such
 * a lead not followed by one); the lead byte of a no-break space (C2 A0)
 * is not flagged.  The macros are undefined at the end.
 */
#if defined(SB_KPARAM)
SB_ATTR static SB_RET SB_NAME(const uint8_t *p, SB_KPARAM)
#else
SB_ATTR static SB_RET SB_NAME(const uint8_t *p)
#endif
{
    const SB_VEC v = SB_LOAD(p), w = SB_LOAD(p + 1), pv = SB_LOAD(p - 1);
#define B(x) SB_SET1((char)(x))
#define IN(x, lo, span) SB_EQ(SB_MAXU(SB_SUB((x), B(lo)), B(span)), B(span))
    SB_VEC d8 = SB_EQ(v, B(0xD8)), d9 = SB_EQ(v, B(0xD9));
    /* a byte C0..FF, or 00..08 (a backspace: a character erased before
       it; the other controls are false alarms): v - 40 wraps them to
       80..C8, read as signed bytes below C9 */
    SB_VEC hi = SB_GTS(B(0xC9), SB_SUB(v, B(0x40)));
    /* a no-break space (C2 A0, common in web text) is no trigger: its
       lead byte is not flagged here, its continuation byte not below */
    SB_VEC nbsp = SB_AND(SB_EQ(v, B(0xC2)), SB_EQ(w, B(0xA0)));
    SB_VEC m = SB_ANDNOT(SB_OR(SB_OR(d8, d9), nbsp), hi);
    m = SB_OR(m, SB_AND(d9, SB_OR(SB_EQ(w, B(0x80)), IN(w, 0xA0, 31))));
    m = SB_OR(m, SB_AND(d8, SB_EQ(w, B(0x9C))));
    SB_VEC wl = IN(w, 0xD8, 3);
#if defined(SB_NEAR)
    SB_VEC near = SB_NEAR(v); /* 0x89 included */
#else
    /* 0x40..0x5A and 0x60..0x7A: Latin letters, @ (and `: a superset) */
    SB_VEC near = SB_OR(IN(v, '0', 11), IN(SB_OR(v, B(0x20)), 0x60, 26)); /* 0-9 : ; */
    near = SB_OR(near, SB_EQ(v, B('?')));
    near = SB_OR(near, SB_OR(IN(v, '#', 3), SB_EQ(v, B('!')))); /* # $ % & ! */
    near = SB_OR(near, SB_OR(SB_EQ(v, B('.')), SB_EQ(v, B(','))));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('*')), SB_EQ(v, B('-'))));
    near = SB_OR(near, SB_EQ(v, B('+')));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('_')), SB_EQ(v, B('/'))));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('~')), SB_EQ(v, B('|'))));
    near = SB_OR(near, SB_EQ(v, B('\'')));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('^')), SB_EQ(v, B('='))));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('\\')), SB_EQ(v, B('`'))));
    near = SB_OR(near, IN(v, 0x8B, 5)); /* 8B..90: tanween, vowels */
    near = SB_OR(near, IN(v, 0x91, 1)); /* shadda, sukun */
    near = SB_OR(near, SB_EQ(v, B(0x89))); /* ى (D9 89) before a letter */
    near = SB_OR(near, SB_EQ(v, B(0x9B))); /* ؛ (D8 9B) before a letter */
    near = SB_OR(near, SB_EQ(v, B(0x08))); /* a backspace before a letter */
#endif
    m = SB_OR(m, SB_AND(near, wl));
    /* a continuation byte after a byte that is no two-byte lead (C2..DF),
       or such a lead (D8, D9, the C2 of a no-break space: the others are
       flagged above) before a byte that is no continuation */
    SB_VEC cont = SB_EQ(SB_AND(v, B(0xC0)), B(0x80));
    SB_VEC plead = IN(pv, 0xC2, 0xDF - 0xC2);
    m = SB_OR(m, SB_XOR(cont, plead));
    /* a continuation byte before an ASCII digit or a small Latin letter
       (a word-final digit or letter: a candidate, restore_scan.c judges
       it): w - B0 is 80..CA, signed below CB, for 0x30..0x7A, digits to
       z (one test for both; the pair tables drop the bytes between, : ?
       @ _ and the capitals among them) */
    m = SB_OR(m, SB_AND(cont, SB_GTS(B(0xCB), SB_SUB(w, B(0xB0)))));
#undef IN
#undef B
    return (SB_RET)SB_MASK(m);
}

#undef SB_NAME
#undef SB_ATTR
#undef SB_VEC
#undef SB_RET
#undef SB_LOAD
#undef SB_SET1
#undef SB_MASK
#undef SB_EQ
#undef SB_MAXU
#undef SB_GTS
#undef SB_SUB
#undef SB_AND
#undef SB_OR
#undef SB_ANDNOT
#undef SB_XOR
#undef SB_NEAR
#undef SB_KPARAM
