#!/usr/bin/env python3
"""Cuts the test fixtures under datasets/ from the real datasets in ../shared/data (see each SOURCE.txt there).

Run from the project root: python3 Tests/KinoCatalogTests/Fixtures/cut-fixtures.py
The films are chosen so that the sources overlap: Avatar, The Green Mile, The Matrix, Solaris (1972 and 2002),
King Kong (1933, 1976, 2005), Batman (1966 and 1989), Brat (1997), plus dirty rows of the registry.
"""
import csv, io, json, os, sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets")


def write(path, text):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def cut_csv(src, dst, keep, limit=None):
    with open(os.path.join(data, src), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    chosen = [row for row in body if keep(dict(zip(header, row)))][:limit]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(chosen)
    write(dst, buffer.getvalue())
    return chosen


tmdb_ids = {"19995", "497", "603", "254", "268", "2661", "398", "10131"}
cut_csv("tmdb-5000/tmdb_5000_movies.csv", "tmdb-5000/tmdb_5000_movies.csv", lambda r: r["id"] in tmdb_ids)

movie_ids = {"72998", "3147", "2571", "3503", "5881", "2366", "2367", "41569", "5888", "4640"}
for name in ["movies.csv", "links.csv"]:
    cut_csv(f"movielens-small/{name}", f"movielens-small/{name}", lambda r: r["movieId"] in movie_ids)
cut_csv("movielens-small/ratings.csv", "movielens-small/ratings.csv", lambda r: r["movieId"] in movie_ids)
cut_csv("movielens-small/tags.csv", "movielens-small/tags.csv", lambda r: r["movieId"] in movie_ids)

imdb_titles = {"Avatar", "The Green Mile", "The Matrix", "Solaris", "Apollo 13"}
cut_csv("imdb-top-1000/imdb_top_1000.csv", "imdb-top-1000/imdb_top_1000.csv", lambda r: r["Series_Title"] in imdb_titles)

mkrf_numbers = {"121008910", "221067810", "221082410", "221048915", "111013716"}
dirty = {"rating %": 0, "no number": 0, "country separators": 0}
def mkrf_keep(r):
    if r["puNumber"].strip() in mkrf_numbers:
        return True
    kind = ("rating %" if r["ratings"].endswith("%") else "no number" if r["puNumber"] == "нет"
            else "country separators" if r["production_country"] in ("США - Великобритания", "США-Германия") else None)
    if kind and dirty[kind] < 2:
        dirty[kind] += 1
        return True
    return False
chosen = cut_csv("ru-mkrf/mkrf_movies.csv", "ru-mkrf/mkrf_movies.csv", mkrf_keep)
numbers = {row[1] for row in chosen}
cut_csv("ru-mkrf/mkrf_shows.csv", "ru-mkrf/mkrf_shows.csv", lambda r: r["puNumber"] in numbers)

cut_csv("ru-kinopoisk-400/kinopoisk_movies.csv", "ru-kinopoisk-400/kinopoisk_movies.csv", lambda r: True, limit=8)

lists = "ru-kinopoisk-api-json/kinopoisk.dev-lists"
for name, ids in [("rus-movies.json", {41519, 41520}), ("ussr-movies.json", {43911, 43970}), ("serials1.json", None)]:
    page = json.load(open(os.path.join(data, lists, name), encoding="utf-8"))
    docs = [d for d in page["docs"] if ids is None or d["id"] in ids][: (3 if ids is None else None)]
    page.update(docs=docs, total=len(docs), pages=1)
    write(f"{lists}/{name}", json.dumps(page, ensure_ascii=False, indent=1))

full = "ru-kinopoisk-api-json/kinopoisk.dev-full/movie_435.json"
write(full, open(os.path.join(data, full), encoding="utf-8").read())

hd = json.load(open(os.path.join(data, "ru-kinopoisk-api-json/kinopoisk-hd-catalog/official-kinopoisk.json"), encoding="utf-8"))
seen, repeated = {}, None
for item in hd:
    seen[item["kpId"]] = seen.get(item["kpId"], 0) + 1
repeated = next(k for k, n in seen.items() if n >= 3)
items = [i for i in hd if i["kpId"] == repeated] + [i for i in hd if seen[i["kpId"]] == 1][:4]
write("ru-kinopoisk-api-json/kinopoisk-hd-catalog/official-kinopoisk.json", json.dumps(items, ensure_ascii=False, indent=1))

unofficial = json.load(open(os.path.join(data, "ru-kinopoisk-api-json/kinopoisk-hd-catalog/unofficial-kinopoisk.json"), encoding="utf-8"))
picked = [u for u in unofficial if u["kinopoiskId"] == 435] + unofficial[:5]
write("ru-kinopoisk-api-json/kinopoisk-hd-catalog/unofficial-kinopoisk.json", json.dumps(picked, ensure_ascii=False, indent=1))
