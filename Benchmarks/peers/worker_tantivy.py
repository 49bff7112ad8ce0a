"""Tantivy peer (tantivy-py, the Python binding of the Rust library): builds an index of the corpus and answers the
known-item queries, timing each query inside this process. Run by `harness.py`; by hand:
`python3 worker_tantivy.py build CORPUS DIR` then `python3 worker_tantivy.py query DIR QUERIES.tsv PASSES`.

Configuration (see CONFIG): one analyzer for every text field, simple tokenizer -> remove_long(40) -> lowercase ->
ascii_fold -> Russian Snowball stemmer -> English Snowball stemmer (each leaves the other alphabet unchanged); an
unstemmed `words` field (titles and people names) for fuzzy and prefix terms. Each word of the query is a
DisjunctionMax (tie 0.1) over term queries on the fields with boosts (titles 3, people 2, keywords/genres/year 1,
description 0.5), plus, for a word of 4+ letters that is in no title or name (for the last word: nor the start of
one), a FuzzyTermQuery on `words` (distance 1, 2 from 8 letters, transposition costs 1; boost 4, as a fuzzy query
scores a constant), plus for the last word a prefix FuzzyTermQuery (distance 0, boost 2) on `words`. The words are
first AND-ed (BooleanQuery of Musts); when that finds fewer than 10 films, the OR (Shoulds) fills the rest. BM25.
"""
import os
import sys

import tantivy
from tantivy import Filter, Occur, Query, TextAnalyzerBuilder, Tokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import worker_main  # noqa: E402

CONFIG = ("analyzer simple>remove_long(40)>lowercase>ascii_fold>stemmer(russian)>stemmer(english) on all text "
          "fields; unstemmed `words` field (titles+names) for fuzzy/prefix; each word a DisMax(0.1) of term queries "
          "titles^3 people^2 keywords genres year description^0.5, + fuzzy(words, d=1, d=2 from 8 letters, "
          "transposition=1)^4 when the word is in no title or name, + prefix(words)^2 on the last word; AND of the "
          "words first, filled up from their OR; BM25 top 10; stored: id, titles; one segment (writer 200 MB heap)")

FUZZY = 4.0   # a fuzzy term query scores a constant (1 × boost), so it needs a boost that competes with BM25
PREFIX = 2.0
FIELDS = (("titles", 3.0), ("people", 2.0), ("keywords", 1.0), ("genres", 1.0), ("year", 1.0), ("description", 0.5))


def analyzers():
    stem = (TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(40)).filter(Filter.lowercase())
            .filter(Filter.ascii_fold()).filter(Filter.stemmer("russian")).filter(Filter.stemmer("english")).build())
    plain = (TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(40)).filter(Filter.lowercase())
             .filter(Filter.ascii_fold()).build())
    return stem, plain


def schema():
    b = tantivy.SchemaBuilder()
    b.add_unsigned_field("id", stored=True, indexed=True)
    b.add_text_field("titles", stored=True, tokenizer_name="kino_stem")
    for name, _ in FIELDS[1:]:
        b.add_text_field(name, stored=False, tokenizer_name="kino_stem")
    b.add_text_field("words", stored=False, tokenizer_name="kino_plain")
    return b.build()


def register(index):
    stem, plain = analyzers()
    index.register_tokenizer("kino_stem", stem)
    index.register_tokenizer("kino_plain", plain)


def build(films, out):
    os.makedirs(out, exist_ok=True)
    index = tantivy.Index(schema(), path=out)
    register(index)
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for f in films:
        doc = tantivy.Document()
        doc.add_unsigned("id", f["id"])
        for t in f["titles"]:
            doc.add_text("titles", t)
            doc.add_text("words", t)
        for p in f["people"]:
            doc.add_text("people", p)
            doc.add_text("words", p)
        for k in f["keywords"]:
            doc.add_text("keywords", k)
        for g in f["genres"]:
            doc.add_text("genres", g)
        if f["year"]:
            doc.add_text("year", f["year"])
        if f["description"]:
            doc.add_text("description", f["description"])
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    return {}


def open_engine(index_dir):
    index = tantivy.Index.open(index_dir)
    register(index)
    index.reload()
    searcher = index.searcher()
    sch = index.schema
    stem, plain = analyzers()

    def word_queries(raw):
        out = []
        for i, w in enumerate(raw):
            stems = stem.analyze(w)
            alts = []
            if stems:
                for name, boost in FIELDS:
                    alts.append(Query.boost_query(Query.term_query(sch, name, stems[0]), boost))
            last = i == len(raw) - 1
            if len(w) >= 4 and searcher.doc_freq("words", w) == 0 and not (last and has_prefix(w)):
                d = 2 if len(w) >= 8 else 1
                alts.append(Query.boost_query(Query.fuzzy_term_query(sch, "words", w, d, True, False), FUZZY))
            if last:
                alts.append(Query.boost_query(Query.fuzzy_term_query(sch, "words", w, 0, True, True), PREFIX))
            if alts:
                out.append(Query.disjunction_max_query(alts, 0.1))
        return out

    def has_prefix(w):
        return bool(searcher.terms_with_prefix("words", w, limit=1))

    def search(text):
        clauses = word_queries(plain.analyze(text))
        if not clauses:
            return []
        hits = searcher.search(Query.boolean_query([(Occur.Must, q) for q in clauses]), 10, count=False).hits
        ids = [searcher.doc(addr)["id"][0] for _, addr in hits]
        if len(ids) < 10 and len(clauses) > 1:
            for _, addr in searcher.search(Query.boolean_query([(Occur.Should, q) for q in clauses]), 10,
                                           count=False).hits:
                i = searcher.doc(addr)["id"][0]
                if i not in ids:
                    ids.append(i)
                    if len(ids) == 10:
                        break
        return ids

    return search, lambda: None, None


def describe():
    return {"engine": "Tantivy", "version": f"tantivy-py {tantivy.__version__}", "config": CONFIG}


if __name__ == "__main__":
    worker_main(build, open_engine, describe)
