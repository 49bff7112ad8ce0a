"""Writes Benchmarks/peers/RESULTS-peers.md and the SVG plots next to it from every results/*.json that harness.py
wrote (one file per corpus). Run by `run` after the benchmark; by hand: `python3 Benchmarks/peers/report.py`
(`--results DIR --out DIR` for a results folder elsewhere).
"""
import argparse
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = ["Kino", "Tantivy", "SQLite FTS5", "PostgreSQL FTS", "Xapian"]
ALL_BUT = "all but layout and transliteration"
CATEGORIES = ["exact", "typo", "prefix", "layout", "transliteration", "other_language", "people", "title_year"]


def load(results):
    runs = []
    for path in sorted(glob.glob(os.path.join(results, "*.json"))):
        with open(path, encoding="utf-8") as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: r["corpus"].get("films") or 0)
    return runs


def engines_of(run):
    return [e for e in ORDER if e in run["engines"]] + [e for e in run["engines"] if e not in ORDER]


def ratio(value, base):
    if value is None or not base:
        return ""
    r = value / base
    return f" ({r:.2f}×)" if r >= 0.1 else f" ({r:.2g}×)"


def fmt_us(us):
    return f"{us:.0f} µs" if us < 1000 else f"{us / 1000:.2f} ms"


def fmt_mb(b):
    return f"{b / 1e6:.1f} MB"


def table(run):
    k = run["engines"]["Kino"]
    lines = ["| engine | build | size | open | RSS, 1st query | RSS after | p50 | p95 | p99 | queries/s | S@1 | S@5 "
             "| S@1 without layout, translit. |",
             "|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in engines_of(run):
        e = run["engines"][name]
        if "error" in e:
            lines.append(f"| {name} | failed: see results JSON |" + " |" * 11)
            continue
        lat, kl = e["latency"], k["latency"]
        s = e.get("success") and e["success"]["all"]
        ks = k.get("success") and k["success"]["all"]
        s2 = e.get("success") and e["success"].get(ALL_BUT)
        ks2 = k.get("success") and k["success"].get(ALL_BUT)
        cells = [
            name,
            f"{e['build_s']:.2f} s{ratio(e['build_s'], k['build_s'])}",
            f"{fmt_mb(e['size_bytes'])}{ratio(e['size_bytes'], k['size_bytes'])}",
            f"{e['open_ms']:.1f} ms{ratio(e['open_ms'], k['open_ms'])}",
            f"{e['rss_open_kb'] / 1024:.1f} MiB{ratio(e['rss_open_kb'], k['rss_open_kb'])}",
            f"{e['rss_after_kb'] / 1024:.1f} MiB{ratio(e['rss_after_kb'], k['rss_after_kb'])}",
            f"{fmt_us(lat['p50_us'])}{ratio(lat['p50_us'], kl['p50_us'])}",
            f"{fmt_us(lat['p95_us'])}{ratio(lat['p95_us'], kl['p95_us'])}",
            f"{fmt_us(lat['p99_us'])}{ratio(lat['p99_us'], kl['p99_us'])}",
            f"{lat['qps']:,.0f}{ratio(lat['qps'], kl['qps'])}",
            f"{s['s1']:.3f}{ratio(s['s1'], ks['s1'])}" if s else "n/a",
            f"{s['s5']:.3f}{ratio(s['s5'], ks['s5'])}" if s else "n/a",
            f"{s2['s1']:.3f}{ratio(s2['s1'], ks2['s1'])}" if s2 else "n/a",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def category_table(run):
    names = engines_of(run)
    cats = [c for c in CATEGORIES if c in run["queries"]["categories"]] + \
        [c for c in run["queries"]["categories"] if c not in CATEGORIES]
    head = "| category | " + " | ".join(f"{n} S@1 / S@5" for n in names) + " |"
    lines = [head, "|:---|" + "---:|" * len(names)]
    for c in cats + ["all", ALL_BUT]:
        row = [c]
        for n in names:
            s = (run["engines"][n].get("success") or {}).get(c)
            row.append(f"{s['s1']:.3f} / {s['s5']:.3f}" if s else "n/a")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def latency_category_table(run):
    names = [n for n in engines_of(run) if "latency_p50_by_category_us" in run["engines"][n]]
    cats = [c for c in CATEGORIES if c in run["queries"]["categories"]]
    lines = ["| category | " + " | ".join(names) + " |", "|:---|" + "---:|" * len(names)]
    for c in cats:
        k = run["engines"]["Kino"]["latency_p50_by_category_us"].get(c)
        row = [c]
        for n in names:
            v = run["engines"][n]["latency_p50_by_category_us"].get(c)
            row.append(f"{fmt_us(v)}{ratio(v, k)}" if v is not None else "")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def plots(runs, out_dir):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        return []
    matplotlib.rcParams["svg.hashsalt"] = "kino-peers"  # stable ids, so an unchanged plot gives an unchanged file
    made = []
    names = []
    for r in runs:
        for n in engines_of(r):
            if n not in names and "latency" in r["engines"][n]:
                names.append(n)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for ax, key, title in ((axes[0], "p50_us", "p50"), (axes[1], "p99_us", "p99")):
        for n in names:
            xs, ys = [], []
            for r in runs:
                e = r["engines"].get(n)
                if e and "latency" in e:
                    xs.append(r["corpus"]["films"])
                    ys.append(e["latency"][key] / 1000)
            ax.plot(xs, ys, marker="o", label=n)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("films in the corpus")
        ax.set_ylabel("latency, ms (one thread, top 10)")
        ax.set_title(f"{title} latency by corpus size")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}"))
        ax.xaxis.set_minor_formatter(FuncFormatter(lambda x, _: ""))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:g}"))
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda y, _: ""))
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    path = os.path.join(out_dir, "latency-by-corpus.svg")
    fig.savefig(path, metadata={"Date": None})
    plt.close(fig)
    made.append(os.path.basename(path))

    for r in runs:
        if not r["queries"]["targets"]:
            continue
        cats = [c for c in CATEGORIES if c in r["queries"]["categories"]]
        ns = [n for n in engines_of(r) if r["engines"][n].get("success")]
        fig, ax = plt.subplots(figsize=(11, 4))
        width = 0.8 / len(ns)
        for i, n in enumerate(ns):
            vals = [r["engines"][n]["success"].get(c, {}).get("s1", 0) for c in cats]
            ax.bar([x + i * width for x in range(len(cats))], vals, width, label=n)
        ax.set_xticks([x + width * (len(ns) - 1) / 2 for x in range(len(cats))])
        ax.set_xticklabels(cats, rotation=15)
        ax.set_ylim(0, 1.2)
        ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.set_ylabel("Success@1")
        ax.set_title(f"Success@1 by query category — {r['corpus']['name']} ({r['corpus']['films']:,} films, "
                     f"{r['queries']['per_category']} queries per category)")
        ax.legend(fontsize=8, ncol=len(ns), loc="upper center")
        ax.grid(True, axis="y", alpha=0.3)
        fig.tight_layout()
        path = os.path.join(out_dir, f"success-at-1-{r['corpus']['name']}.svg")
        fig.savefig(path, metadata={"Date": None})
        plt.close(fig)
        made.append(os.path.basename(path))
    return made


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--command", default="Benchmarks/peers/run")
    ap.add_argument("--results", default=os.path.join(HERE, "results"), help="the folder of CORPUS.json files")
    ap.add_argument("--out", default=HERE, help="where RESULTS-peers.md and the plots go")
    args = ap.parse_args()
    runs = load(args.results)
    if not runs:
        raise SystemExit(f"no {args.results}/*.json")
    svgs = plots(runs, args.out)
    out = ["# Kino and its peers, side by side", ""]
    m = runs[-1]["machine"]
    out += [
        f"Machine: {m['cores']} cores ({m['cpu']}, virtualised), {m['memory_gib']} GiB, Linux {m['kernel']}; "
        f"date {', '.join(sorted({r['date'][:10] for r in runs}))}; load average at the start "
        f"{', '.join(f'{x:.2f}' for x in m['load_average'])}. These machines are noisy (other builds share the two "
        "cores); compare ratios measured in the same run.",
        "",
        f"Reproduce: `{args.command}` (installs tantivy, psycopg, matplotlib from PyPI and python3-xapian from Debian "
        "when missing, starts a throwaway PostgreSQL cluster, builds every index in /tmp/kino-peers, writes "
        "`results/CORPUS.json`, this file and the plots). `Benchmarks/peers/run --corpus FILE ... "
        "--queries-per-category N` for other corpora (any `kino catalog export` snapshot).",
        "",
        "## What is measured",
        "",
        "Every engine indexes the same Kino catalog snapshot — all titles (Russian, original, English, alternative; "
        "boosted), people names, descriptions (Russian and English), keywords, genres, year — and answers the same "
        "known-item queries, which `kino bench relevance --print-queries` generates from Kino's index of that "
        "snapshot (categories as in Benchmarks/RESULTS.md). Each engine returns the Kino film ids of its top 10.",
        "",
        "- **build**: Kino: `kino index build --snapshot` (process wall time: reading and parsing the snapshot, "
        "analysing and writing the generation). Peers: the worker process reads and parses the snapshot "
        "(about 1 s for the demo corpus, in the JSON) and indexes it up to a committed, optimised index.",
        "- **size**: the index on disk (Kino: the current generation, which includes its stored films; "
        "PostgreSQL: `pg_total_relation_size` of the table, i.e. heap + TOAST + GIN + trigram index).",
        "- **open**: peers: the open call inside the worker (Tantivy `Index.open` + searcher, `sqlite3.connect` + "
        "one MATCH, `psycopg.connect` + one query, `xapian.Database`). Kino: from spawning `kino search --json -` "
        "to its first answer, less that answer's `took_ms`, less the median wall time of `kino --help` (process "
        "start-up), the median of five spawns; so it is the index open plus reading the first line — approximate, "
        "and noisy on a loaded machine (the five samples are in the note under the table).",
        "- **RSS, 1st query / after**: VmRSS of the query process after opening and answering one query, and after all "
        "passes. Python workers include the interpreter (about 15–35 MiB before anything is opened). PostgreSQL: the "
        "server backend serving the queries (it counts the shared buffers it touched; the postmaster and the "
        "client are not counted).",
        "- **latency**: one thread, timed inside the engine's process: Kino's `took_ms`; peers: `perf_counter_ns` "
        "around the query and the fetch of the ten ids (PostgreSQL: in the client, so one Unix-socket round trip "
        "and the protocol are included). One warm-up pass, then the timed passes; p50/p95/p99 are nearest-rank "
        "over all timed samples; queries/s = 1 / mean latency.",
        "- **Kino's work per query**: `kino search --no-facets --no-highlight`, so like the peers it answers "
        "the top ten, but it still counts the total and decodes the ten stored films (the peers return ten ids). "
        "With facet counts and highlights, as `/api/v1/search` answers, Benchmarks/RESULTS.md measures about "
        "20% more.",
        "- **S@1, S@5**: a query succeeds at k if any of its target films is in the top k. No peer has a "
        "keyboard-layout or transliteration reading of a query (Kino does), so their layout and transliteration "
        "scores are what plain matching finds by chance; the last column leaves those two categories out.",
        "",
        "What the harness runs for Kino (`KINO` is the binary named below): `KINO index build --snapshot CORPUS --out "
        "/tmp/kino-peers/NAME/kino-index` (timed; it reads the snapshot file as the peers do); `KINO bench relevance --per-category N --seed S "
        "--print-queries --index-dir ...` (the queries, saved under results/); `KINO search --json --no-facets --no-highlight "
        "--limit 10 --index-dir ... -` fed every query once as a warm-up, then the timed passes. For a peer: "
        "`python3 Benchmarks/peers/worker_ENGINE.py build CORPUS DIR`, then `... query DIR QUERIES.tsv PASSES` "
        "(Xapian under /usr/bin/python3).",
        "",
        "Where the peers' time goes (from their configuration, see the latency by category): a query whose words "
        "are all in the index runs one or two plain term queries; a query with a word the index lacks (typos, "
        "other keyboard layout, transliteration) runs each peer's typo fallback — fuzzy term automata (Tantivy), "
        "an OR of the query's trigrams ranked by bm25 (SQLite FTS5), a pg_trgm word_similarity scan of the titles "
        "(PostgreSQL), spelling suggestions for each unknown word (Xapian) — and those make the p95 and p99. "
        "Xapian's build time includes its spelling table (titles and names). The workers are Python, so each "
        "peer figure includes a few µs of binding overhead per query.",
        "",
        "Peer configuration (each worker's docstring says more):",
        "",
    ]
    last = runs[-1]
    for n in engines_of(last):
        e = last["engines"][n]
        if "config" in e:
            ver = e["version"] if isinstance(e["version"], str) else \
                f"binary {e['version']['path']} (sha256 {e['version']['sha256']}, built {e['version']['mtime']})"
            out.append(f"- **{n}** — {ver}: {e['config']}.")
    out.append("")
    for r in runs:
        c = r["corpus"]
        q = r["queries"]
        out += [f"## {c['name']}: {c['films']:,} films, {c.get('people') or 0:,} people", "",
                f"{q['count']} queries ({q['per_category']} per category, seed {q['seed']}, in "
                f"`{q['file']}`), one warm-up pass and {q['passes']} timed passes; run {r['date']}. "
                f"Repository HEAD when run: {r.get('harness_commit') or '?'} (the harness files as committed "
                "next). In brackets: the ratio to Kino (for latencies and sizes below 1 is better than Kino; for "
                "queries/s and S@k above 1 is).", "", table(r), ""]
        if not q["targets"]:
            out += ["The kino binary used printed no target ids with its queries, so Success@k could not be "
                    "scored in this run.", ""]
        else:
            out += ["### Success@1 / Success@5 by category", "", category_table(r), ""]
            svg = f"success-at-1-{c['name']}.svg"
            if svg in svgs:
                out += [f"![Success@1 by category]({svg})", ""]
        out += ["### p50 latency by category", "", latency_category_table(r), ""]
        k = r["engines"]["Kino"]
        out += [f"Kino: {k['extra']['build_output']}; open: {k['open_note']}.", ""]
        for n in engines_of(r):
            e = r["engines"][n]
            if "error" in e:
                out += [f"{n} failed: `{e['error'][-300:]}`", ""]
    if "latency-by-corpus.svg" in svgs:
        out += ["## Latency by corpus size", "", "![p50 and p99 latency by corpus size](latency-by-corpus.svg)", ""]
    with open(os.path.join(args.out, "RESULTS-peers.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print(os.path.join(args.out, "RESULTS-peers.md"))


if __name__ == "__main__":
    main()
