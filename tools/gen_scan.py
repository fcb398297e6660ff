#!/usr/bin/env python3
"""Generate src/scan_tables.h: the byte tables of the line pre-scan in
restore_scan.c (a shift-based UTF-8 validating DFA and a byte-pair trigger test).

Usage: python3 tools/gen_scan.py > src/scan_tables.h

Trigger: a line needs the slow path when some adjacent byte pair (x, y) has
TRIG_A[x] & TRIG_B[y] != 0.  Each bit is one rule (see RULES below).
DFA: state s is a multiple of 6 (6*k); next = (DFA_ROW[b] >> s) & 63.
k: 0 accept, 1 error, 2..4 need 1..3 continuation bytes, 5 after E0,
6 after ED, 7 after F0, 8 after F4.
"""
import sys

ARABIC_LEAD = range(0xD8, 0xDC)
ASCII_NEAR = [ord(c) for c in ".,*-_/~#$%&@:;?!+|0123456789\\^'=`"] + \
    list(range(ord('A'), ord('Z') + 1)) + list(range(ord('a'), ord('z') + 1))

# (name, first-byte set, second-byte set)
RULES = [
    ("tatweel U+0640", [0xD9], [0x80]),
    ("separator, symbol, digit or Latin letter right before an Arabic letter", ASCII_NEAR, ARABIC_LEAD),
    ("Arabic comma, or dammatan or kasratan (8C 8D) right before an Arabic letter (decorative harakat: restore_junk.c; not fathatan, which modern spelling puts before a final alef); the Arabic semicolon (D8 9B) there (punctuation inside a word: restore_mask.c)", [0x8C, 0x8D, 0x9B], ARABIC_LEAD),
    ("Arabic-Indic digit U+0660..0669; U+066A..066C (٪ ٫ ٬: a decimal separator glued inside a word, restore_mask.c)", [0xD9], range(0xA0, 0xAD)),
    ("dotless beh and qaf U+066E, U+066F (P13)", [0xD9], [0xAE, 0xAF]),
    ("soft hyphen U+00AD; section sign U+00A7 (UTF-8 ا read as windows-1256 is ط§: mojibake.c)", [0xC2], [0xAD, 0xA7]),
    ("Arabic letter mark U+061C", [0xD8], [0x9C]),
    ("U+0680..U+06FF: Persian/Urdu letters, extended marks; Latin-1 and Latin Extended, Greek and Cyrillic letters (a letter drawn as alef or heh: Ľ ò ι о)",
     [0xDA, 0xDB, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xCE, 0xCF, 0xD0, 0xD1, 0xD3], range(0x80, 0xC0)),
    ("U+200B..200F, U+202A..202E (E2 80 xx), U+2060..2069 (E2 81 xx)", [0x80],
     list(range(0x8B, 0x90)) + list(range(0xAA, 0xAF))),
    ("U+2060..U+2069", [0x81], range(0xA0, 0xAA)),
    ("presentation forms U+FB50..FDFF, U+FE70..FEFF (EF AD..BB); fullwidth Latin (EF BC BD)", [0xEF], range(0xAD, 0xBE)),
    ("U+0671..U+067F: alef wasla, extended beh/teh letters (NZ_EXTLOOK)", [0xD9], range(0xB1, 0xC0)),
    ("U+0750..U+077F: Arabic Supplement letters (NZ_EXTLOOK)", [0xDD], range(0x90, 0xC0)),
    ("U+0840..U+08FF (E0 A1..A3): Arabic Extended-B/A letters (NZ_EXTLOOK); U+10000..U+11FFF, U+16000..U+16FFF (F0 90, 91, 96): letters of historic scripts Unicode's confusables give for Arabic letters (𐋤 𐋡 𐌠 𖼨); the cross pairs are E0 before 90..96 (no UTF-8) and U+21000..U+23FFF",
     [0xE0, 0xF0], [0xA1, 0xA2, 0xA3, 0x90, 0x91, 0x96]),
    ("U+1EE00..U+1EEFF (F0 9E B8..BB): Arabic mathematical letters (NZ_PRESFORM); U+1D400..1D7FF (F0 9D 90..9F) mathematical alphanumerics (drawn as alef or heh)",
     [0x9E, 0x9D], list(range(0xB8, 0xBC)) + list(range(0x90, 0xA0))),
    ("alef maksura (D9 89) joined to an Arabic letter: a dotless tooth (P13)", [0x89], ARABIC_LEAD),
    # letters of other scripts drawn for alef or heh (nazif__other_lookalike())
    # whose UTF-8 has three bytes: the blocks that hold them
    ("U+1D00..1DBF, U+1E00..1EFF (E1 B4..B6, B8..BB): phonetic extensions, Latin Extended Additional (ᴏ Ḻ Ḯ ợ); U+13A0..13FF, U+1480..14BF (E1 8E, 8F, 92): Cherokee, Canadian syllabics (Ꮮ ᒪ)",
     [0xE1], [0xB4, 0xB5, 0xB6, 0xB8, 0xB9, 0xBA, 0xBB, 0x8E, 0x8F, 0x92]),
    ("U+2140..217F (E2 85): Roman numerals (Ⅼ ⅰ); U+2C80..2CFF (E2 B2, B3): Coptic (Ⲓ Ⳑ); U+A4D0..A4FF (EA 93): Lisu (ꓡ)",
     [0xE2, 0xEA], [0x85, 0xB2, 0xB3, 0x93]),
    ("U+2110..2113 (E2 84 90..93: ℐ ℑ ℒ ℓ) by their last two bytes; not the rest of the letterlike symbols (™ ℃ №)",
     [0x84], [0x90, 0x91, 0x92, 0x93]),
    ("U+05C0..05FF (D7): Hebrew letters; U+0780..07BF (DE): Thaana letters (ב for ب, ޘ for ث)",
     [0xD7, 0xDE], range(0x80, 0xC0)),
    # symbols drawn between the letters of a word (م★ق★ا★و★م★ة, م•ق•ا): one
    # rule each, so that no pair of one crosses into another (80 98 would be
    # the quote U+2018)
    ("U+2180..27BF (E2 86..9E): arrows, mathematical operators (⋆ ∗), technical symbols, enclosed alphanumerics, box drawing, geometric shapes, miscellaneous symbols, dingbats (■ ● ★ ♥ ✦)",
     [0xE2], range(0x86, 0x9F)),
    ("U+2022 bullet (E2 80 A2) by its last two bytes", [0x80], [0xA2]),
    ("U+00B7 middle dot (C2 B7); U+066D Arabic five pointed star (D9 AD); the cross pairs C2 AD (soft hyphen) and D9 B7 (ٷ) are triggers already", [0xC2, 0xD9], [0xB7, 0xAD]),
    ("U+1F000..1FFFF (F0 9F): emoji", [0xF0], [0x9F]),
    ("combining marks of other scripts (zalgo): U+0300..036F (CC, CD), U+0488..0489 (D2 88, 89; D2 is Cyrillic too)", [0xCC, 0xCD, 0xD2], range(0x80, 0xC0)),
    ("zalgo marks U+1AB0..1AFF, U+1DC0..1DFF (E1 AA AB B7), U+20D0..20FF (E2 83), U+FE20..FE2F (EF B8); the cross pairs are other symbols",
     [0xE1, 0xE2, 0xEF], [0xAA, 0xAB, 0xB7, 0x83, 0xB8]),
    ("the dagger alef U+0670 (D9 B0) on prose letters: decorative harakat (restore_junk.c; harakat themselves are no trigger, ANT has them on 16 % of its lines)", [0xD9], [0xB0]),
    ("backspace U+0008 before any byte (a character erased inside a word or at its end: restore_junk.c; a backspace that ends the line is looked at by scalar_span())", [0x08], range(0x00, 0x100)),
    ("fathatan, fatha, damma, kasra, shadda or sukun (8B 8E 8F 90 91 92) before an Arabic letter or mark (D8 D9): a candidate only; restore_scan.c keeps it when fathatan is before a letter but alef or alef maksura (tanween inside a word: حًشًيًش), when a vowel or shadda on alef or alef maksura, or a second sukun, follows, or when the shadda is on a word's first letter (decorative harakat: restore_junk.c; shadda elsewhere is common in news), or a sukun is, or a sukun or damma is before a bare alef (a tool's letter map: keyed_plan() in restore_junk.c); 8F is also the end of ؏ (D8 8F, the misra sign tools draw for ع: restore_xword.c), kept before a letter or tatweel",
     [0x8B, 0x8E, 0x8F, 0x90, 0x91, 0x92], [0xD8, 0xD9]),
    ("an ASCII digit or small Latin letter right after the last byte of a two-byte character: a candidate only; restore_scan.c keeps it when the character is an Arabic letter after two more Arabic letters or tatweels and the digit or letter is the word's last character (a digit or Latin letter for a letter at a word's end, P12: سلا7, الحرb; not ب20, مج20, 2025م)",
     range(0x80, 0xC0), list(range(0x30, 0x3A)) + list(range(0x61, 0x7B))),
    ("U+2B00..2BFF (E2 AC..AF): miscellaneous symbols and arrows (⭐ ⬛ ⬅), emoji with no variation selector a tool draws between letters (م⭐ق⭐ا)",
     [0xE2], range(0xAC, 0xB0)),
]

def dfa():
    ACC, ERR, C1, C2, C3, E0, ED, F0, F4 = range(9)
    rows = []
    for b in range(256):
        row = 0
        for k in range(9):
            if k == ERR:
                nxt = ERR
            elif k == ACC:
                if b < 0x80: nxt = ACC
                elif 0xC2 <= b <= 0xDF: nxt = C1
                elif b == 0xE0: nxt = E0
                elif b == 0xED: nxt = ED
                elif 0xE1 <= b <= 0xEF: nxt = C2
                elif b == 0xF0: nxt = F0
                elif 0xF1 <= b <= 0xF3: nxt = C3
                elif b == 0xF4: nxt = F4
                else: nxt = ERR
            else:
                cont = 0x80 <= b <= 0xBF
                if k == C1: nxt = ACC if cont else ERR
                elif k == C2: nxt = C1 if cont else ERR
                elif k == C3: nxt = C2 if cont else ERR
                elif k == E0: nxt = C1 if 0xA0 <= b <= 0xBF else ERR
                elif k == ED: nxt = C1 if 0x80 <= b <= 0x9F else ERR
                elif k == F0: nxt = C2 if 0x90 <= b <= 0xBF else ERR
                elif k == F4: nxt = C2 if 0x80 <= b <= 0x8F else ERR
            row |= (nxt * 6) << (6 * k)
        rows.append(row)
    return rows

def table(name, ctype, vals, fmt):
    out = ["static const %s %s[256] = {" % (ctype, name)]
    for i in range(0, 256, 8):
        out.append("    " + ", ".join(fmt % v for v in vals[i:i + 8]) + ",")
    out.append("};")
    return "\n".join(out)

def main():
    a = [0] * 256
    b = [0] * 256
    if len(RULES) > 32:
        sys.exit("gen_scan.py: more than 32 rules")
    for bit, (_, xs, ys) in enumerate(RULES):
        for x in xs: a[x] |= 1 << bit
        for y in ys: b[y] |= 1 << bit
    w = sys.stdout.write
    w("/* Generated by tools/gen_scan.py -- DO NOT EDIT. */\n")
    w("/* Trigger rules, one bit each:\n")
    for bit, (name, _, _) in enumerate(RULES):
        w(" *   bit %d: %s\n" % (bit, name))
    w(" */\n")
    w(table("TRIG_A", "uint32_t", a, "0x%05x") + "\n")
    w(table("TRIG_B", "uint32_t", b, "0x%05x") + "\n")
    w("#define DFA_ACCEPT 0\n#define DFA_ERROR 6\n")
    w(table("DFA_ROW", "uint64_t", dfa(), "0x%016xull") + "\n")

main()
