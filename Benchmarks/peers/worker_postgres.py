"""PostgreSQL full-text search peer (psycopg 3 over the Unix socket of a throwaway cluster the harness starts):
loads the corpus into a table with a weighted tsvector and a pg_trgm index, and answers the known-item queries,
timing each query in this client process (so each figure includes one local round trip). Run by `harness.py`, which
sets PGHOST and PGPORT; by hand: `python3 worker_postgres.py build CORPUS DIR` (DIR only records the database name)
then `python3 worker_postgres.py query DIR QUERIES.tsv PASSES`.

Configuration (see CONFIG): tsvector = titles (weight A) + people (B) + keywords, genres, year (C) with the `russian`
configuration (Russian Snowball for Cyrillic words, English Snowball for Latin ones, both stop lists), Russian
description (D, `russian`), English description (D, `english`); GIN index on it; pg_trgm GIN index on the titles.
A query runs as the AND of its words (last word as a prefix `w:*`), ranked by ts_rank (weights 0.1/0.2/0.4/1.0),
filled up from the OR of the words; when the AND finds nothing, titles by pg_trgm word_similarity (`<%`, threshold
0.6) go first.
"""
import os
import re
import sys

import psycopg

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import words, worker_main  # noqa: E402

CONFIG = ("tsvector GENERATED column: setweight(russian(titles),A) || setweight(russian(people),B) || "
          "setweight(russian(keywords genres year),C) || setweight(russian(description_ru),D) || "
          "setweight(english(description_en),D) (the russian config stems Latin words with english_stem); GIN on it; "
          "pg_trgm GIN on titles; query = to_tsquery('russian', AND of words, last word :*) by ts_rank, filled up "
          "from the OR; if the AND finds nothing: titles by word_similarity (<%, 0.6) first; fsync off; "
          "timed in the client over the Unix socket")

TSV = ("setweight(to_tsvector('russian'::regconfig, coalesce(titles, '')), 'A') || "
       "setweight(to_tsvector('russian'::regconfig, coalesce(people, '')), 'B') || "
       "setweight(to_tsvector('russian'::regconfig, coalesce(keywords, '') || ' ' || coalesce(genres, '') || ' ' || "
       "coalesce(year, '')), 'C') || "
       "setweight(to_tsvector('russian'::regconfig, coalesce(description_ru, '')), 'D') || "
       "setweight(to_tsvector('english'::regconfig, coalesce(description_en, '')), 'D')")


def dbname(out):
    return "peers_" + re.sub(r"[^a-z0-9]+", "_", os.path.abspath(out).lower()).strip("_")[-40:]


def build(films, out):
    os.makedirs(out, exist_ok=True)
    name = dbname(out)
    with psycopg.connect(dbname="postgres", user="postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    with psycopg.connect(dbname=name, user="postgres", autocommit=True) as db:
        db.execute("CREATE EXTENSION pg_trgm")
        db.execute(f"""CREATE TABLE films (id integer PRIMARY KEY, titles text, people text, keywords text,
            genres text, year text, description_ru text, description_en text,
            tsv tsvector GENERATED ALWAYS AS ({TSV}) STORED)""")
        with db.cursor() as cur:
            with cur.copy("COPY films (id, titles, people, keywords, genres, year, description_ru, description_en) "
                          "FROM STDIN") as copy:
                for f in films:
                    copy.write_row((f["id"], "\n".join(f["titles"]), "\n".join(f["people"]), "\n".join(f["keywords"]),
                                    " ".join(f["genres"]), f["year"], f["description_ru"], f["description_en"]))
        db.execute("CREATE INDEX films_tsv ON films USING gin (tsv)")
        db.execute("CREATE INDEX films_titles_trgm ON films USING gin (titles gin_trgm_ops)")
        db.execute("VACUUM ANALYZE films")
        size = db.execute("SELECT pg_total_relation_size('films')").fetchone()[0]
    with open(os.path.join(out, "database"), "w") as f:
        f.write(name + "\n")
    return {"size_bytes": size, "size_note": "pg_total_relation_size (heap, TOAST, GIN and trigram indexes)"}


def open_engine(index_dir):
    name = open(os.path.join(index_dir, "database")).read().strip()
    db = psycopg.connect(dbname=name, user="postgres", autocommit=True, prepare_threshold=0)
    pid = db.execute("SELECT pg_backend_pid()").fetchone()[0]
    fts = ("SELECT id FROM films, to_tsquery('russian', %s) q WHERE tsv @@ q "
           "ORDER BY ts_rank(tsv, q) DESC LIMIT 10")
    tri = "SELECT id FROM films WHERE %s <%% titles ORDER BY word_similarity(%s, titles) DESC LIMIT 10"

    def search(text):
        ws = words(text)
        if not ws:
            return []
        terms = ["'" + w + "'" for w in ws]
        terms[-1] += ":*"
        ids = [r[0] for r in db.execute(fts, (" & ".join(terms),))]
        if len(ids) < 10:
            more = []
            if not ids:
                q = " ".join(ws)
                more += [r[0] for r in db.execute(tri, (q, q))]
            if len(ws) > 1:
                more += [r[0] for r in db.execute(fts, (" | ".join(terms),))]
            for i in more:
                if i not in ids:
                    ids.append(i)
                    if len(ids) == 10:
                        break
        return ids

    return search, db.close, pid


def describe():
    with psycopg.connect(dbname="postgres", user="postgres") as db:
        server = db.execute("SHOW server_version").fetchone()[0]
    return {"engine": "PostgreSQL FTS", "version": f"PostgreSQL {server}, psycopg {psycopg.__version__}",
            "config": CONFIG}


if __name__ == "__main__":
    worker_main(build, open_engine, describe)
