#!/usr/bin/env python3
"""Put a run of symbols inside one word of each of N lines of a clean Arabic
text, the way obfuscated posts do (a study set for the symbol runs of P4/P5,
docs/patterns.md "Runs of symbols inside a word").

  tools/obfuscate_runs.py STYLE SEED N OUT [TEXT]
      writes OUT.obf (one word obfuscated a line) and OUT.gold; TEXT
      defaults to ANT's article texts (../shared/data/corpus/ant-v1.1.jsonl.gz).  Score with
      tools/obfuscate_digits.py --score OUT.obf OUT.gold CLEANED

Styles: tatrun (a run between two tatweels), lefttat (tatweel, then a run
of masks), quote (a quote or apostrophe), emoji, double (a symbol
doubled), apunct (one symbol or Arabic punctuation mark).  Lines of 5 to
40 words; the word has 4 Arabic letters or more.
"""
import random,re,sys


from antlib import ANT, read_lines

AR=re.compile(r'^[\u0621-\u064A]+$')
T='\u0640'
STY={
 'tatrun': lambda r: T+r.choice(['::','^^',':.','~~','!!','/\\','؛؛','**','..',':','"',"'",'❤️','⭐','💊💊','؟','،.'])+T,
 'lefttat': lambda r: T*r.choice([1,3])+r.choice(['::','^^','~~','**','❤️','⭐']),
 'quote': lambda r: r.choice(["'",'"','’','‘','`','´']),
 'emoji': lambda r: r.choice(['❤️','♥️','💔','⭐','🔥','👍🏻','✨','💊','🌹','⚡','❤']),
 'double': lambda r: r.choice(['^^','~~','**','++','$$','::','--','!!','..','...','،،','__','\\\\','||']),
 'apunct': lambda r: r.choice(['،','٫','؛','؟','\\','|','~','^','©','°','×']),
}
style,seed,n,out=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]),sys.argv[4]
text=sys.argv[5] if len(sys.argv)>5 else ANT
r=random.Random(seed)
lines=read_lines(text)
r.shuffle(lines)
obf,gold=[],[]
for ln in lines:
    ws=ln.split(' ')
    if not 5<=len(ws)<=40: continue
    idx=[i for i,w in enumerate(ws) if AR.match(w) and len(w)>=4]
    if not idx: continue
    i=r.choice(idx); w=ws[i]; p=r.randrange(2,len(w)-1) if len(w)>3 else 1
    m=STY[style](r)
    if style in('tatrun','lefttat') and w[p-1] not in 'بتثجحخسشصضطظعغفقكلمنهيئ': continue
    nw=w[:p]+m+w[p:]
    obf.append(' '.join(ws[:i]+[nw]+ws[i+1:])); gold.append(ln)
    if len(obf)>=n: break
open(out+'.obf','w').write('\n'.join(obf)+'\n'); open(out+'.gold','w').write('\n'.join(gold)+'\n')
