"""Xapian peer (Debian's python3-xapian; run with /usr/bin/python3): builds a Xapian (glass) database of the corpus
and answers the known-item queries, timing each query inside this process. Run by `harness.py`; by hand:
`/usr/bin/python3 worker_xapian.py build CORPUS DIR` then `/usr/bin/python3 worker_xapian.py query DIR Q.tsv PASSES`.

Configuration (see CONFIG): each text (a title, a name, a description) is indexed with Xapian's Russian Snowball
stemmer when it is mostly Cyrillic, else with the English one, STEM_SOME (unstemmed terms plus Z-prefixed stems); the
query gets the stemmer of its own script; titles indexed with wdf_inc 3, people 2, keywords, genres, year 1,
description 1, all in the free-text term space so that BM25 sees one document; titles and people names also feed
the spelling table. QueryParser: default OR, FLAG_PHRASE | FLAG_PARTIAL (last word as a prefix, the 100 most frequent
expansions). Spelling correction: each word that is in no document (the last: that starts no term) is replaced by
Database.get_spelling_suggestion (edit distance 2) and the corrected query is OR-ed with the original. (The
QueryParser's FLAG_SPELLING_CORRECTION skips the partial last word, where the typo often is, and cost 15-30 ms a
query on this corpus when applied to every query.)
BM25 (Xapian's defaults), top 10.
"""
import os
import re
import shutil
import sys

import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import worker_main  # noqa: E402

CONFIG = ("TermGenerator, stemmer russian or english by each text's script (query: by its script), STEM_SOME; "
          "titles wdf_inc 3, people 2, keywords/genres/year/description 1, one term space; spelling table from titles "
          "and names; QueryParser OR, FLAG_PHRASE|FLAG_PARTIAL (100 most frequent expansions), spelling suggestion "
          "(get_spelling_suggestion) for each word in no document, corrected query OR-ed with the original; BM25 "
          "defaults; document data = film id")

RU = xapian.Stem("russian")
EN = xapian.Stem("english")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z]")
WORD = re.compile(r"\w+")


def stemmer_for(text):
    """The Russian stemmer for a mostly Cyrillic text, else the English one (Xapian has one stemmer per
    TermGenerator or QueryParser call; switching it per text is how mixed-language documents are indexed)."""
    return RU if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else EN


def build(films, out):
    db = xapian.WritableDatabase(out, xapian.DB_CREATE_OR_OVERWRITE)
    plain = xapian.TermGenerator()
    plain.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    spell = xapian.TermGenerator()
    spell.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    spell.set_database(db)
    spell.set_flags(xapian.TermGenerator.FLAG_SPELLING)
    db.begin_transaction(False)
    for f in films:
        doc = xapian.Document()
        plain.set_document(doc)
        spell.set_document(doc)
        pos = 0

        def add(gen, text, wdf):
            nonlocal pos
            gen.set_stemmer(stemmer_for(text))
            gen.set_termpos(pos)
            gen.index_text(text, wdf)
            pos = gen.get_termpos() + 100

        for t in f["titles"]:
            add(spell, t, 3)
        for p in f["people"]:
            add(spell, p, 2)
        for k in f["keywords"]:
            add(plain, k, 1)
        for g in f["genres"]:
            add(plain, g, 1)
        if f["year"]:
            add(plain, f["year"], 1)
        for key in ("description_ru", "description_en"):
            if f[key]:
                add(plain, f[key], 1)
        doc.set_data(str(f["id"]))
        doc.add_boolean_term(f"Q{f['id']}")
        db.add_document(doc)
    db.commit_transaction()
    db.commit()
    db.compact(out + ".compact")
    db.close()
    shutil.rmtree(out)
    os.rename(out + ".compact", out)
    return {}


def open_engine(index_dir):
    db = xapian.Database(index_dir)
    qp = xapian.QueryParser()
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_OR)
    flags = xapian.QueryParser.FLAG_PHRASE | xapian.QueryParser.FLAG_PARTIAL
    qp.set_max_expansion(100, xapian.Query.WILDCARD_LIMIT_MOST_FREQUENT, xapian.QueryParser.FLAG_PARTIAL)
    enquire = xapian.Enquire(db)

    def corrected(text):
        """The query with each word that is in no document (the last: that starts no term) replaced by
        Database.get_spelling_suggestion (edit distance 2), or None when nothing was corrected. The QueryParser's
        own FLAG_SPELLING_CORRECTION skips the partial last word, where the typo often is."""
        ws = WORD.findall(text.lower())
        changed = False
        out = []
        for i, w in enumerate(ws):
            known = db.term_exists(w) if i < len(ws) - 1 else any(True for _ in db.allterms(w))
            if not known:
                s = db.get_spelling_suggestion(w)
                if s:
                    out.append(s.decode() if isinstance(s, bytes) else s)
                    changed = True
                    continue
            out.append(w)
        return " ".join(out) if changed else None

    def search(text):
        qp.set_stemmer(stemmer_for(text))
        query = qp.parse_query(text, flags)
        fixed = corrected(text)
        if fixed:
            query = xapian.Query(xapian.Query.OP_OR, query, qp.parse_query(fixed, flags))
        enquire.set_query(query)
        return [int(m.document.get_data()) for m in enquire.get_mset(0, 10)]

    return search, db.close, None


def describe():
    return {"engine": "Xapian", "version": f"Xapian {xapian.version_string()} (python3-xapian, Debian)",
            "config": CONFIG}


if __name__ == "__main__":
    worker_main(build, open_engine, describe)
