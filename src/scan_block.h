/*
 * scan_block.h -- the SIMD block of the line pre-scan (restore_scan.c), written once
 * and included once per vector width (SSE2, and AVX2 where the CPU has it)
 * with these defined by the includer:
 *
 *   SB_NAME     the function's name        SB_ATTR   attributes before it
 *   SB_VEC      the vector type            SB_RET    the mask's type
 *   SB_LOAD(p)  unaligned load of a vector from p
 *   SB_SET1(c)  every byte c               SB_MASK(v) the top bit of each byte
 *   SB_EQ SB_MAXU SB_SUB SB_AND SB_OR SB_ANDNOT SB_XOR   per-byte operations
 *   SB_NEAR(v)  optional: 0xFF on the bytes of ".,*-_/~#$%&@:;?!", digits,
 *               Latin letters and 0x8C (else they are compared one by one)
 *
 * SB_NAME(p): for the vector of bytes at p (p[-1] and the byte after the
 * vector readable), a bit per byte that may start a trigger or break UTF-8.
 * A superset of the scalar rules: any lead byte other than D8/D9 (3- and
 * 4-byte characters, Persian letters, Latin-1), tatweel, D9 + Arabic-Indic
 * digit or U+066A..067F (the dotless ٮ ٯ, alef wasla, ٻ ټ among them), ALM, a
 * separator/digit/Latin letter or 8C before an Arabic lead byte, and a
 * continuation byte that does not follow D8/D9 (or D8/D9 not followed by
 * one).  The macros are undefined at the end.
 */
SB_ATTR static SB_RET SB_NAME(const uint8_t *p)
{
    const SB_VEC v = SB_LOAD(p), w = SB_LOAD(p + 1), pv = SB_LOAD(p - 1);
#define B(x) SB_SET1((char)(x))
#define IN(x, lo, span) SB_EQ(SB_MAXU(SB_SUB((x), B(lo)), B(span)), B(span))
    SB_VEC d8 = SB_EQ(v, B(0xD8)), d9 = SB_EQ(v, B(0xD9));
    SB_VEC hi = SB_EQ(SB_MAXU(v, B(0xC0)), v);
    SB_VEC m = SB_ANDNOT(SB_OR(d8, d9), hi);
    m = SB_OR(m, SB_AND(d9, SB_EQ(w, B(0x80))));
    m = SB_OR(m, SB_AND(d9, IN(w, 0xA0, 31)));
    m = SB_OR(m, SB_AND(d8, SB_EQ(w, B(0x9C))));
    SB_VEC wl = IN(w, 0xD8, 3);
#if defined(SB_NEAR)
    SB_VEC near = SB_NEAR(v);
#else
    /* 0x40..0x5A and 0x60..0x7A: Latin letters, @ (and `: a superset) */
    SB_VEC near = SB_OR(IN(v, '0', 11), IN(SB_OR(v, B(0x20)), 0x60, 26)); /* 0-9 : ; */
    near = SB_OR(near, SB_EQ(v, B('?')));
    near = SB_OR(near, SB_OR(IN(v, '#', 3), SB_EQ(v, B('!')))); /* # $ % & ! */
    near = SB_OR(near, SB_OR(SB_EQ(v, B('.')), SB_EQ(v, B(','))));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('*')), SB_EQ(v, B('-'))));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('_')), SB_EQ(v, B('/'))));
    near = SB_OR(near, SB_OR(SB_EQ(v, B('~')), SB_EQ(v, B(0x8C))));
#endif
    m = SB_OR(m, SB_AND(near, wl));
    m = SB_OR(m, SB_AND(SB_EQ(v, B(0x89)), wl)); /* ى (D9 89) before a letter */
    SB_VEC cont = SB_EQ(SB_AND(v, B(0xC0)), B(0x80));
    SB_VEC plead = SB_OR(SB_EQ(pv, B(0xD8)), SB_EQ(pv, B(0xD9)));
    m = SB_OR(m, SB_XOR(cont, plead));
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
#undef SB_SUB
#undef SB_AND
#undef SB_OR
#undef SB_ANDNOT
#undef SB_XOR
#undef SB_NEAR
