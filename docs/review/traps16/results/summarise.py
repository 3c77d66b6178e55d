import json,glob,os
rows={}
for tag in ("after","before"):
    for f in glob.glob(f"/tmp/rev16/docs/review/traps16/results/{tag}.*.jsonl"):
        name=os.path.basename(f)[len(tag)+1:-6]
        for l in open(f):
            if '"TOTAL"' in l:
                d=json.loads(l); rows.setdefault(name,{})[tag]=(d['hits'],d['false'],d['per_n'])
for k in sorted(rows):
    a=rows[k].get('after'); b=rows[k].get('before')
    fmt=lambda x: f"{x[0]:5d}/{x[1]:3d} " + " ".join(f"{n}:{v[0]}/{v[1]}" for n,v in x[2].items()) if x else "-"
    print(f"{k:24s} AFTER {fmt(a):50s} BEFORE {fmt(b)}")
