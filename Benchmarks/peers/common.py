"""Shared by the harness and every peer worker (standard library only, so that the Xapian worker can run under
Debian's /usr/bin/python3 while the others run under the default python3).

- `read_films(path)`: the films of a Kino catalog snapshot (gzip JSON Lines: a header line, `{"person": ...}` lines,
  then `{"film": ...}` lines) as flat documents with the fields every engine indexes.
- `read_queries(path)`: the known-item queries (`category<TAB>query[<TAB>id,id,...]`).
- `rss_kb(pid)`: VmRSS of a process.
- `worker_main(...)`: the command line every worker shares (`build CORPUS DIR` and `query DIR QUERIES`).
"""
import gzip
import json
import os
import re
import sys
import time

WORD = re.compile(r"\w+", re.UNICODE)


def _split_camel(code):
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", code).lower()


def film_doc(film):
    """One film as the fields all engines index: lists of strings, and the catalog id."""
    titles = []
    for key in ("title_ru", "original_title", "title_en"):
        value = film.get(key)
        if value and value not in titles:
            titles.append(value)
    for value in film.get("alternative_titles") or []:
        if value and value not in titles:
            titles.append(value)
    people = []
    seen = set()
    for credit in film.get("credits") or []:
        for key in ("name", "name_en"):
            value = credit.get(key)
            if value and value not in seen:
                seen.add(value)
                people.append(value)
    descriptions = [film[k] for k in ("description_ru", "description_en") if film.get(k)]
    return {
        "id": int(film["id"]),
        "titles": titles,
        "people": people,
        "description_ru": film.get("description_ru") or "",
        "description_en": film.get("description_en") or "",
        "description": "\n".join(descriptions),
        "keywords": list(film.get("keywords") or []),
        "genres": [_split_camel(g) for g in film.get("genres") or []],
        "year": str(film["year"]) if film.get("year") else "",
    }


def read_films(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = json.loads(f.readline())
        if header.get("format") != "kino-catalog":
            raise SystemExit(f"{path}: not a Kino catalog snapshot (header {header})")
        for line in f:
            if line.startswith('{"film"'):
                yield film_doc(json.loads(line)["film"])


def corpus_header(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.loads(f.readline())


def read_queries(path):
    """[(category, query, [target ids])]; targets are empty for a query file without a third column."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            targets = [int(x) for x in parts[2].split(",") if x.strip()] if len(parts) > 2 else []
            out.append((parts[0], parts[1], targets))
    return out


def words(text):
    return WORD.findall(text.lower())


def rss_kb(pid="self"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def dir_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def run_queries(search, queries, passes, server_pid=None):
    """Runs every query once as a warm-up and then `passes` times, timing each `search(q)` call (which returns the
    film ids of the top 10) with perf_counter_ns. Returns the first answer's time, the warm-up's hits, the
    timed passes' latencies in nanoseconds, and VmRSS (of the server process, if there is one) after the first
    query and after the warm-up."""
    first_ns = None
    rss_first = None
    hits = []
    for q in queries:
        t0 = time.perf_counter_ns()
        ids = search(q)
        dt = time.perf_counter_ns() - t0
        if first_ns is None:
            first_ns = dt
            rss_first = rss_kb(server_pid) if server_pid else rss_kb()
        hits.append(ids)
    rss_warm = rss_kb()
    lat = []
    for _ in range(passes):
        for q in queries:
            t0 = time.perf_counter_ns()
            search(q)
            lat.append(time.perf_counter_ns() - t0)
    return first_ns, hits, lat, rss_first, rss_warm


def worker_main(build, open_engine, describe):
    """build(films_iterable, dir) -> dict; open_engine(dir) -> (search, close, extra_rss_pid_or_None);
    describe() -> dict of version and configuration."""
    cmd = sys.argv[1]
    if cmd == "describe":
        print(json.dumps(describe()))
        return
    if cmd == "build":
        corpus, out = sys.argv[2], sys.argv[3]
        t0 = time.perf_counter()
        films = list(read_films(corpus))
        t1 = time.perf_counter()
        info = build(films, out) or {}
        t2 = time.perf_counter()
        info.update({"films": len(films), "read_s": t1 - t0, "index_s": t2 - t1, "build_s": t2 - t0})
        info.setdefault("size_bytes", dir_size(out))
        print(json.dumps(info))
        return
    if cmd == "query":
        index_dir, qpath, passes = sys.argv[2], sys.argv[3], int(sys.argv[4])
        queries = [q for _, q, _ in read_queries(qpath)]
        rss_start = rss_kb()
        t0 = time.perf_counter_ns()
        search, close, server_pid = open_engine(index_dir)
        open_ns = time.perf_counter_ns() - t0
        rss_open = rss_kb()
        server_rss_open = rss_kb(server_pid) if server_pid else None
        first_ns, hits, lat, rss_first, rss_warm = run_queries(search, queries, passes, server_pid)
        result = {
            "open_ms": open_ns / 1e6,
            "first_query_ms": first_ns / 1e6,
            "rss_before_open_kb": rss_start,
            "rss_open_kb": rss_open,
            "rss_first_query_kb": rss_first,
            "rss_after_first_pass_kb": rss_warm,
            "rss_after_kb": rss_kb(),
            "hits": hits,
            "latencies_ns": lat,
        }
        if server_pid:
            result["server_rss_open_kb"] = server_rss_open
            result["server_rss_first_query_kb"] = rss_first
            result["rss_first_query_kb"] = None
            result["server_rss_after_kb"] = rss_kb(server_pid)
        close()
        print(json.dumps(result))
        return
    raise SystemExit(f"unknown command {cmd}")
