"""SQLite FTS5 peer (Python's sqlite3 module): builds an FTS5 database of the corpus and answers the known-item
queries, timing each query inside this process. Run by `harness.py`; by hand:
`python3 worker_sqlite.py build CORPUS DIR` then `python3 worker_sqlite.py query DIR QUERIES.tsv PASSES`.

Configuration (see CONFIG): table `films` (rowid = Kino film id) with columns titles, people, keywords, genres, year,
description, tokenizer `porter unicode61 remove_diacritics 2` (Porter stems English; FTS5 has no Russian stemmer),
prefix indexes of 2 and 3 characters, rank = bm25 with column weights 3, 2, 1, 1, 1, 0.5. Table `titles_tri`
(contentless, tokenizer `trigram`) for typo look-ups. A query runs as an AND of its words (last word as a prefix,
`"w"*`); when that finds fewer than 10 films, the rest comes from the OR of the same words; when the AND finds
nothing (an unknown word, likely a typo), the OR of the query's trigrams over the titles, by bm25, goes first.
"""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import words, worker_main  # noqa: E402

CONFIG = ("fts5 table (titles, people, keywords, genres, year, description) tokenize='porter unicode61 "
          "remove_diacritics 2' prefix='2 3', rank bm25(3,2,1,1,1,0.5) (Porter = English only; FTS5 has no Russian "
          "stemmer); contentless trigram table over titles; query = AND of quoted words with the last as prefix, "
          "filled up from the OR of the words; if the AND finds nothing: OR of the query's trigrams over titles by "
          "bm25 first, then the OR; content stored (FTS5 default)")

SCHEMA = """
CREATE VIRTUAL TABLE films USING fts5(titles, people, keywords, genres, year, description,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
INSERT INTO films(films, rank) VALUES('rank', 'bm25(3.0, 2.0, 1.0, 1.0, 1.0, 0.5)');
CREATE VIRTUAL TABLE titles_tri USING fts5(titles, tokenize = 'trigram case_sensitive 0', content = '');
"""


def build(films, out):
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "fts.sqlite")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO films(rowid, titles, people, keywords, genres, year, description) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((f["id"], "\n".join(f["titles"]), "\n".join(f["people"]), "\n".join(f["keywords"]), " ".join(f["genres"]),
          f["year"], f["description"]) for f in films))
    db.executemany("INSERT INTO titles_tri(rowid, titles) VALUES (?, ?)",
                   ((f["id"], "\n".join(f["titles"])) for f in films))
    db.execute("COMMIT")
    db.execute("INSERT INTO films(films) VALUES('optimize')")
    db.execute("INSERT INTO titles_tri(titles_tri) VALUES('optimize')")
    db.commit()
    db.execute("VACUUM")
    db.close()
    return {}


def quote(w):
    return '"' + w.replace('"', '""') + '"'


def open_engine(index_dir):
    db = sqlite3.connect(os.path.join(index_dir, "fts.sqlite"))
    db.execute("SELECT count(*) FROM films WHERE films MATCH 'a'").fetchall()  # loads the schema and the rank
    fts = "SELECT rowid FROM films WHERE films MATCH ? ORDER BY rank LIMIT 10"
    tri = "SELECT rowid FROM titles_tri WHERE titles_tri MATCH ? ORDER BY rank LIMIT 10"

    def search(text):
        ws = words(text)
        if not ws:
            return []
        terms = [quote(w) for w in ws]
        terms[-1] += "*"
        ids = [r[0] for r in db.execute(fts, (" ".join(terms),))]
        if len(ids) < 10:
            more = []
            if not ids:
                grams = []
                for w in ws:
                    for i in range(len(w) - 2):
                        g = quote(w[i:i + 3])
                        if g not in grams:
                            grams.append(g)
                if grams:
                    more += [r[0] for r in db.execute(tri, (" OR ".join(grams),))]
            if len(ws) > 1:
                more += [r[0] for r in db.execute(fts, (" OR ".join(terms),))]
            for i in more:
                if i not in ids:
                    ids.append(i)
                    if len(ids) == 10:
                        break
        return ids

    return search, db.close, None


def describe():
    return {"engine": "SQLite FTS5", "version": f"SQLite {sqlite3.sqlite_version}", "config": CONFIG}


if __name__ == "__main__":
    worker_main(build, open_engine, describe)
