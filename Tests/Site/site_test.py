#!/usr/bin/env python3
"""The Kino web site as a person uses it, in a real headless Chromium (Debian's /usr/bin/chromium through Playwright).

Starts `kino serve` on a free port with a throwaway catalog and index (seeded from the demo catalog), then:
  - checks every route of the site and the API answers as the contract says (plain HTTP);
  - at 1280x800: opens the home page, types "брат" slowly and waits for the suggestion for "Брат", submits the search,
    opens "Брат" (1997) from the results (title, similar films, JSON-LD Movie, canonical link, og:title), a person
    from it, goes back, applies a genre facet by clicking it and clears it again, switches the language, opens a
    missing page, and searches for `<script>alert(1)</script>` (rendered as text, no dialog);
  - at 390x844 (a phone): the home page, suggestions, search, film page and 404, and no sideways scrolling.
A screenshot is taken after each step. Every failed check is reported with its URL, what was expected and what came.

Run (after scripts/install-test-tools, with a kino built with `serve`):
    python3 Tests/Site/site_test.py [--kino PATH] [--artifacts DIR]
KINO_BIN may name the binary instead (default .build/debug/kino); artifacts default to .build/test-artifacts/site/.
Exits 0 when every check passed, 1 otherwise.
"""

import argparse
import json
import os
import re
import sys
import time
import traceback
import urllib.parse
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kino_server import REPO, KinoServer, ServerError, default_binary, get_json, http_get  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
XSS = "<script>alert(1)</script>"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


class StepAborted(Exception):
    pass


class ServerDied(Exception):
    pass


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, ok, what, url="", expected="", got=""):
        if ok:
            self.passed += 1
            return True
        self.failures.append((what, url, expected, got))
        print(f"  FAIL {what}\n       url:      {url}\n       expected: {expected}\n       got:      {got}", flush=True)
        return False

    def require(self, ok, what, url="", expected="", got=""):
        if not self.check(ok, what, url, expected, got):
            raise StepAborted(what)


def first_number(text):
    match = re.search(r"\d[\d\s\u00a0\u202f]*", text or "")
    return int(re.sub(r"\D", "", match.group(0))) if match else None


def path_of(url):
    return urllib.parse.urlsplit(url).path


def query_of(url):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)


def movie_in_json_ld(data):
    """The first object whose @type is (or includes) Movie, in a JSON-LD value of any shape."""
    if isinstance(data, list):
        for item in data:
            found = movie_in_json_ld(item)
            if found:
                return found
    elif isinstance(data, dict):
        kind = data.get("@type")
        if kind == "Movie" or (isinstance(kind, list) and "Movie" in kind):
            return data
        if "@graph" in data:
            return movie_in_json_ld(data["@graph"])
    return None


class SiteTest:
    def __init__(self, server, browser, artifacts, checks):
        self.server = server
        self.base = server.base
        self.browser = browser
        self.artifacts = artifacts
        self.checks = checks
        self.brat = None  # the API's hit for "Брат" (1997)

    # HTTP-level checks of the contract, no browser

    def http_checks(self):
        c, base = self.checks, self.base
        print("step: routes over plain HTTP", flush=True)
        url = base + "/healthz"
        status, _, _ = http_get(url)
        c.check(status == 200, "healthz answers 200", url, 200, status)

        url = base + "/api/v1/search?" + urllib.parse.urlencode({"q": "брат"})
        status, headers, body = http_get(url)
        c.require(status == 200, "API search answers 200", url, 200, f"{status} {body[:200]!r}")
        result = json.loads(body)
        c.check("application/json" in headers.get("Content-Type", ""), "API search is JSON", url,
                "Content-Type application/json", headers.get("Content-Type"))
        for key in ("query", "total", "page", "per_page", "hits", "facets"):
            c.check(key in result, f"API search response has '{key}'", url, key, sorted(result))
        brat = [h for h in result.get("hits", []) if h.get("title") == "Брат" and h.get("year") == 1997]
        c.require(brat, "API search for 'брат' finds Брат (1997)", url, "a hit titled Брат, 1997",
                  [(h.get("title"), h.get("year")) for h in result.get("hits", [])[:5]])
        self.brat = brat[0]
        film_id = self.brat["id"]

        for path, what in ((f"/api/v1/films/{film_id}", "API film"),
                           (f"/api/v1/films/{film_id}/similar?limit=5", "API similar films"),
                           ("/api/v1/suggest?" + urllib.parse.urlencode({"q": "бра"}), "API suggest"),
                           ("/api/v1/openapi.json", "OpenAPI document")):
            status, headers, body = http_get(base + path)
            if c.check(status == 200, f"{what} answers 200", base + path, 200, f"{status} {body[:200]!r}"):
                try:
                    json.loads(body)
                    c.passed += 1
                except ValueError as error:
                    c.check(False, f"{what} is JSON", base + path, "JSON", f"{error}: {body[:200]!r}")
        status, _, body = http_get(base + "/api/v1/openapi.json")
        if status == 200:
            version = str(json.loads(body).get("openapi", ""))
            c.check(version.startswith("3.0") or version.startswith("3.1"), "OpenAPI document is 3.0 or 3.1",
                    base + "/api/v1/openapi.json", "openapi: 3.0.x or 3.1.x", version)

        for path, code in (("/api/v1/films/999999999", 404), ("/api/v1/search?page=abc", 400)):
            status, _, body = http_get(base + path)
            c.check(status == code, f"API error status for {path}", base + path, code, f"{status} {body[:200]!r}")
            try:
                error = json.loads(body).get("error", {})
                ok = isinstance(error.get("code"), str) and isinstance(error.get("message"), str)
            except (ValueError, AttributeError):
                ok = False
            c.check(ok, f"API error body for {path}", base + path,
                    '{"error":{"code":"...","message":"..."}}', body[:200])

        status, headers, body = http_get(base + "/metrics")
        c.check(status == 200 and b"# TYPE" in body, "metrics in Prometheus text format", base + "/metrics",
                "200 with '# TYPE' lines", f"{status} {body[:120]!r}")

        status, headers, body = http_get(base + "/robots.txt")
        c.check(status == 200 and "text/plain" in headers.get("Content-Type", ""), "robots.txt", base + "/robots.txt",
                "200 text/plain", f"{status} {headers.get('Content-Type')}")
        status, headers, body = http_get(base + "/sitemap.xml")
        locs, tree = [], None
        if c.check(status == 200, "sitemap.xml answers 200", base + "/sitemap.xml", 200, status):
            try:
                tree = ElementTree.fromstring(body)
                locs = [e.text for e in tree.iter() if e.tag.endswith("loc")]
            except ElementTree.ParseError as error:
                c.check(False, "sitemap.xml is XML", base + "/sitemap.xml", "well-formed XML", error)
            if tree is not None and tree.tag.endswith("sitemapindex"):
                # A sitemap index: the film pages are in the sitemaps it names, on this server.
                children, locs = locs, []
                for child in children[:5]:
                    child_url = base + path_of(child or "")
                    status, _, child_body = http_get(child_url)
                    if c.check(status == 200, "a sitemap named by the index answers", child_url, 200, status):
                        try:
                            locs += [e.text for e in ElementTree.fromstring(child_body).iter() if e.tag.endswith("loc")]
                        except ElementTree.ParseError as error:
                            c.check(False, "a child sitemap is XML", child_url, "well-formed XML", error)
            c.check(any(re.fullmatch(r"/films/[^/?#]+", path_of(loc or "")) for loc in locs),
                    "sitemap lists film pages", base + "/sitemap.xml", "<loc> entries with /films/ID", locs[:3])
        for path, kind in (("/static/kino.css", "text/css"), ("/static/kino.js", "javascript")):
            status, headers, body = http_get(base + path)
            c.check(status == 200 and kind in headers.get("Content-Type", ""), f"{path} served", base + path,
                    f"200 {kind}", f"{status} {headers.get('Content-Type')}")
        for path in ("/genres/drama", "/countries/RU", "/decades/1990"):
            status, headers, body = http_get(base + path)
            c.check(status == 200 and b"/films/" in body, f"browse page {path}", base + path,
                    "200 HTML linking films", f"{status}, {body.count(b'/films/')} film links")
        for path in ("/films/999999999", "/people/999999999", "/no/such/page"):
            status, headers, _ = http_get(base + path)
            c.check(status == 404 and "text/html" in headers.get("Content-Type", ""), f"missing page {path}",
                    base + path, "404 text/html", f"{status} {headers.get('Content-Type')}")

        # The language: ?lang= wins and sets a cookie, then the cookie, then Accept-Language, else Russian.
        def html_lang(body):
            match = re.search(rb"<html[^>]*\slang=\"?([a-zA-Z-]+)", body)
            return match.group(1).decode() if match else None
        status, _, body = http_get(base + "/")
        c.check(html_lang(body) == "ru", "default language", base + "/", 'lang="ru" without Accept-Language',
                html_lang(body))
        status, _, body = http_get(base + "/", {"Accept-Language": "en-US,en;q=0.9"})
        c.check(html_lang(body) == "en", "Accept-Language: en", base + "/", 'lang="en"', html_lang(body))
        status, headers, body = http_get(base + "/?lang=en", {"Accept-Language": "ru"})
        cookies = headers.get_all("Set-Cookie") or []
        c.check(html_lang(body) == "en", "?lang=en beats Accept-Language", base + "/?lang=en", 'lang="en"',
                html_lang(body))
        c.check(any(re.match(r"\s*lang=en\b", cookie) for cookie in cookies), "?lang=en sets the lang cookie",
                base + "/?lang=en", "Set-Cookie: lang=en", cookies)
        status, _, body = http_get(base + "/", {"Cookie": "lang=en", "Accept-Language": "ru"})
        c.check(html_lang(body) == "en", "lang cookie beats Accept-Language", base + "/", 'lang="en"',
                html_lang(body))

    # The browser

    def new_page(self, viewport, prefix):
        context = self.browser.new_context(viewport=viewport, locale="ru-RU",
                                           is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
        context.set_default_timeout(20_000)
        page = context.new_page()
        page.kino_prefix = prefix
        page.kino_shots = 0
        page.kino_dialogs = []
        page.kino_errors = []
        page.kino_bad_requests = []
        page.on("dialog", lambda dialog: (page.kino_dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: page.kino_errors.append(str(error)))
        page.on("response", lambda response: response.status >= 400 and "/static/" in response.url
                and page.kino_bad_requests.append(f"{response.status} {response.url}"))
        return page

    def shot(self, page, name):
        page.kino_shots += 1
        path = os.path.join(self.artifacts, f"{page.kino_prefix}-{page.kino_shots:02d}-{name}.png")
        try:
            page.screenshot(path=path, full_page=True)
        except Exception as error:  # a screenshot is evidence, not a check
            print(f"  (screenshot {path} failed: {error})")

    def goto(self, page, path):
        response = page.goto(self.base + path, wait_until="load")
        return response

    def step(self, page, name, function):
        print(f"step: {page.kino_prefix} {name}", flush=True)
        try:
            function(page)
        except StepAborted:
            pass
        except Exception as error:
            self.checks.check(False, f"{page.kino_prefix} step '{name}' ran to its end", page.url, "no exception",
                              f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
            traceback.print_exc(limit=3)
        self.shot(page, name)
        if not self.server.alive():
            self.checks.check(False, "kino serve still running", self.base, "alive",
                              f"exited with {self.server.process.returncode}; log:\n{self.server.crash_summary()}")
            raise ServerDied()

    def every_page(self, page, where):
        c = self.checks
        c.check(page.locator('form#search-form[action="/search"]').count() == 1, f"{where}: search form",
                page.url, 'one form#search-form[action="/search"]',
                page.locator("form#search-form").count())
        method = (page.locator("form#search-form").first.get_attribute("method") or "get").lower() \
            if page.locator("form#search-form").count() else None
        c.check(method == "get", f"{where}: search form method", page.url, "GET", method)
        c.check(page.locator('form#search-form input#q[name="q"]').count() == 1, f"{where}: search box",
                page.url, 'input#q[name="q"] inside the form', page.locator("input#q").count())
        c.check(page.locator("a#lang-switch").count() == 1, f"{where}: language switch", page.url,
                "one a#lang-switch", page.locator("a#lang-switch").count())

    def home(self, page):
        response = self.goto(page, "/")
        c = self.checks
        c.require(response.status == 200, "home page answers 200", page.url, 200, response.status)
        c.check(page.locator("html").get_attribute("lang") == "ru", "home page in Russian", page.url, 'lang="ru"',
                page.locator("html").get_attribute("lang"))
        self.every_page(page, "home")
        films = page.locator('a[href^="/films/"]').count()
        c.check(films >= 5, "home page lists films (popular, top rated)", page.url, "at least 5 film links", films)
        genres = page.locator('a[href^="/genres/"]').count()
        c.check(genres >= 3, "home page links genres", page.url, "at least 3 /genres/ links", genres)

    def suggest(self, page):
        c = self.checks
        page.locator("#q").click()
        page.locator("#q").press_sequentially("брат", delay=180)
        suggestions = page.locator("ul#suggestions li > a.suggestion")
        try:
            suggestions.first.wait_for(state="visible", timeout=10_000)
        except Exception:
            c.require(False, "suggestions appear while typing", page.url,
                      "visible ul#suggestions li > a.suggestion within 10 s of typing 'брат'",
                      f"{suggestions.count()} suggestions, ul#suggestions count {page.locator('ul#suggestions').count()}")
        page.wait_for_timeout(500)  # let the last keystroke's answer land
        items = [(s.inner_text().strip(), s.get_attribute("href") or "") for s in suggestions.all()]
        brat = [(text, href) for text, href in items if "Брат" in text and re.fullmatch(r"/films/[^/?#]+", path_of(href))]
        c.check(brat, "a suggestion for Брат linking its film page", page.url,
                "li > a.suggestion with 'Брат' and href /films/ID", items)
        wrong = [(text, href) for text, href in items
                 if not re.fullmatch(r"/(films|people)/[^/?#]+", path_of(href))]
        c.check(not wrong, "suggestions link films or people", page.url, "hrefs /films/ID or /people/ID", wrong)

    def submit_search(self, page):
        c = self.checks
        with page.expect_navigation():
            page.locator("#q").press("Enter")
        c.check(path_of(page.url) == "/search" and query_of(page.url).get("q") == ["брат"],
                "submitting the form opens /search?q=брат", page.url, "/search?q=брат", page.url)
        self.check_results(page, "search")
        c.check(page.locator("#q").input_value() == "брат", "the search box keeps the query", page.url,
                "брат", page.locator("#q").input_value())
        titles = page.locator("ol#results > li.result a.result-title")
        hrefs = [path_of(t.get_attribute("href") or "") for t in titles.all()]
        c.check(f"/films/{self.brat['id']}" in hrefs, "the results include Брат (1997)", page.url,
                f"a.result-title href=/films/{self.brat['id']}", hrefs[:10])
        facets = page.locator("nav#facets section.facet")
        kinds = {s.get_attribute("data-facet") for s in facets.all()}
        for kind in ("genre", "country", "decade", "type", "age_rating"):
            c.check(kind in kinds, f"facet '{kind}' shown", page.url, f'section.facet[data-facet="{kind}"]',
                    sorted(k for k in kinds if k))
        self.every_page(page, "search")

    def check_results(self, page, where):
        c = self.checks
        results = page.locator("ol#results > li.result")
        c.require(results.count() > 0, f"{where}: results listed", page.url, "ol#results > li.result", 0)
        titles = page.locator("ol#results > li.result a.result-title")
        bad = [t.get_attribute("href") for t in titles.all()
               if not re.fullmatch(r"/films/[^/?#]+", path_of(t.get_attribute("href") or ""))]
        c.check(titles.count() == results.count() and not bad, f"{where}: every result has a film title link",
                page.url, 'each li.result has a.result-title[href="/films/ID"]',
                f"{results.count()} results, {titles.count()} title links, bad hrefs {bad[:3]}")
        total = first_number(page.locator("#total").first.inner_text()) if page.locator("#total").count() else None
        c.check(total is not None and total >= results.count(), f"{where}: #total shows the count", page.url,
                f"a number >= {results.count()}",
                page.locator("#total").first.inner_text() if page.locator("#total").count() else "no #total")
        return total

    def film(self, page):
        c = self.checks
        link = page.locator(f'ol#results a.result-title[href="/films/{self.brat["id"]}"]').first
        with page.expect_navigation():
            link.click()
        c.check(path_of(page.url) == f"/films/{self.brat['id']}", "clicking the result opens its film page",
                page.url, f"/films/{self.brat['id']}", page.url)
        title = page.locator("h1#film-title")
        heading = title.inner_text().strip() if title.count() else "no h1#film-title"
        c.check(title.count() == 1 and "Брат" in heading, "film page title", page.url, "h1#film-title with Брат",
                heading)
        # The heading names the film, not the page: no site name, no year twice.
        c.check(not re.search(r"\b(Кино|Kino)\b", heading) and heading.count("1997") <= 1,
                "the film heading is the film's title alone", page.url, "Брат (1997), without '— Кино'", heading)
        similar = [path_of(a.get_attribute("href") or "") for a in page.locator('section#similar a[href*="/films/"]').all()]
        c.check(len(similar) > 0, "similar films listed", page.url, "section#similar with /films/ID links",
                f"{len(similar)} links; section#similar count {page.locator('section#similar').count()}")
        c.check(f"/films/{self.brat['id']}" not in similar, "a film is not similar to itself", page.url,
                "no link to the film itself in section#similar", similar[:10])
        movie, errors = None, []
        for script in page.locator('script[type="application/ld+json"]').all():
            try:
                movie = movie or movie_in_json_ld(json.loads(script.text_content()))
            except ValueError as error:
                errors.append(str(error))
        c.check(movie is not None and not errors, "JSON-LD Movie parses", page.url,
                'script[type="application/ld+json"] with "@type": "Movie"', errors or "no Movie object")
        if movie:
            c.check("Брат" in str(movie.get("name", "")), "JSON-LD Movie names the film", page.url, "name Брат",
                    movie.get("name"))
        canonical = page.locator('link[rel="canonical"]')
        href = canonical.first.get_attribute("href") if canonical.count() else None
        c.check(href is not None and path_of(href) == f"/films/{self.brat['id']}", "canonical link", page.url,
                f'<link rel="canonical"> to /films/{self.brat["id"]}', href)
        og = page.locator('meta[property="og:title"]')
        content = og.first.get_attribute("content") if og.count() else None
        c.check(content and "Брат" in content, "og:title", page.url, "og:title with Брат", content)
        c.check("Брат" in page.title(), "page <title> names the film", page.url, "Брат in <title>", page.title())
        self.every_page(page, "film")

    def person(self, page):
        c = self.checks
        film_url = page.url
        people = page.locator('a[href^="/people/"]')
        c.require(people.count() > 0, "film page links its people", page.url, 'a[href^="/people/"]', 0)
        name = people.first.inner_text().strip()
        with page.expect_navigation():
            people.first.click()
        c.check(re.fullmatch(r"/people/[^/?#]+", path_of(page.url)), "person link opens a person page", film_url,
                "/people/ID", page.url)
        heading = page.locator("h1#person-name")
        c.check(heading.count() == 1 and heading.inner_text().strip(), "person page heading", page.url,
                f"h1#person-name ({name})", heading.inner_text() if heading.count() else "no h1#person-name")
        films = page.locator('main a[href^="/films/"], a[href^="/films/"]').count()
        c.check(films > 0, "person page links films", page.url, "links to /films/ID", films)
        self.every_page(page, "person")
        page.go_back(wait_until="load")

    def facet(self, page):
        c = self.checks
        page.go_back(wait_until="load")
        if path_of(page.url) != "/search":
            self.goto(page, "/search?" + urllib.parse.urlencode({"q": "брат"}))
        c.check(path_of(page.url) == "/search", "back from the film page to the search", page.url, "/search",
                page.url)
        before_total = self.check_results(page, "search before the facet")
        before = [a.get_attribute("href") for a in page.locator("ol#results a.result-title").all()]
        values = page.locator('nav#facets section.facet[data-facet="genre"] a.facet-value')
        c.require(values.count() > 0, "genre facet has values", page.url,
                  'section.facet[data-facet="genre"] a.facet-value', 0)
        # Prefer a genre that does not cover every result, so the results must change.
        chosen = None
        for value in values.all():
            count = first_number(value.inner_text())
            if count is not None and before_total is not None and count < before_total:
                chosen = value
                break
        chosen = chosen or values.first
        genre = chosen.get_attribute("data-value")
        label = chosen.inner_text().strip()
        c.check("selected" not in (chosen.get_attribute("class") or "").split(), "facet value not selected yet",
                page.url, "no class selected", chosen.get_attribute("class"))
        with page.expect_navigation():
            chosen.click()
        c.check(genre in query_of(page.url).get("genre", []) and query_of(page.url).get("q") == ["брат"],
                "clicking a genre puts it in the URL and keeps the query", page.url,
                f"genre={genre} and q=брат", page.url)
        after_total = self.check_results(page, f"search with genre={genre}")
        after = [a.get_attribute("href") for a in page.locator("ol#results a.result-title").all()]
        c.check((after_total, after) != (before_total, before), "the facet changes the results", page.url,
                f"results or total different from {before_total} results {before[:3]}",
                f"{after_total} results {after[:3]}")
        c.check(after_total is not None and before_total is not None and after_total <= before_total,
                "total decreased or stayed", page.url, f"<= {before_total}", after_total)
        selected = page.locator(f'nav#facets section.facet[data-facet="genre"] a.facet-value[data-value="{genre}"]')
        c.check(selected.count() == 1 and "selected" in (selected.first.get_attribute("class") or "").split(),
                "the applied facet is marked selected", page.url, f'a.facet-value.selected[data-value="{genre}"]',
                selected.first.get_attribute("class") if selected.count() else "value missing")
        api = get_json(self.base + "/api/v1/search?" + urllib.parse.urlencode({"q": "брат", "genre": genre}))
        c.check(api.get("total") == after_total, "the page's total matches the API", page.url,
                f"API total {api.get('total')} for genre={genre}", after_total)
        self.shot(page, f"facet-{genre}")
        print(f"  applied genre {genre} ({label}): {before_total} -> {after_total}")
        with page.expect_navigation():
            selected.first.click()
        c.check(genre not in query_of(page.url).get("genre", []), "clicking the selected facet removes it",
                page.url, f"no genre={genre}", page.url)
        again = self.check_results(page, "search after removing the facet")
        c.check(again == before_total, "removing the facet restores the total", page.url, before_total, again)

    def language(self, page):
        c = self.checks
        if path_of(page.url) != "/search":
            self.goto(page, "/search?" + urllib.parse.urlencode({"q": "брат"}))
        interface = """() => {
            const text = (s) => { const e = document.querySelector(s); return e ? e.innerText.trim() : null; };
            const q = document.querySelector('#q');
            return {title: document.title, placeholder: q && q.getAttribute('placeholder'),
                    form: text('form#search-form'), switcher: text('a#lang-switch'),
                    header: text('header'), nav: text('nav#facets'), footer: text('footer')};
        }"""
        before = page.evaluate(interface)
        with page.expect_navigation():
            page.locator("a#lang-switch").click()
        lang = page.locator("html").get_attribute("lang")
        c.check(lang == "en", "the switch renders English", page.url, 'lang="en"', lang)
        after = page.evaluate(interface)
        changed = [key for key in before if before[key] != after[key] and before[key] is not None]
        c.check(changed, "interface text changed with the language", page.url, "some of title, placeholder, "
                "form, switch, header, facets, footer differ", f"before {before} after {after}")
        print(f"  changed: {changed}; switch now reads {after.get('switcher')!r}")
        c.check(path_of(page.url) == "/search" and query_of(page.url).get("q") == ["брат"],
                "the switch keeps the page and query", page.url, "/search?q=брат…", page.url)
        cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
        c.check(cookies.get("lang") == "en", "the lang cookie is set", page.url, "lang=en", cookies)
        self.shot(page, "english-search")
        self.goto(page, "/")
        c.check(page.locator("html").get_attribute("lang") == "en", "English stays on the next page (cookie)",
                page.url, 'lang="en"', page.locator("html").get_attribute("lang"))
        with page.expect_navigation():
            page.locator("a#lang-switch").click()
        c.check(page.locator("html").get_attribute("lang") == "ru", "the switch goes back to Russian", page.url,
                'lang="ru"', page.locator("html").get_attribute("lang"))

    def not_found(self, page):
        c = self.checks
        response = self.goto(page, "/no-such-page/at-all")
        c.check(response.status == 404, "a missing page answers 404", page.url, 404, response.status)
        c.check("text/html" in (response.headers.get("content-type") or ""), "the 404 page is HTML", page.url,
                "text/html", response.headers.get("content-type"))
        c.check(page.locator("html").get_attribute("lang") in ("ru", "en"), "the 404 page has a language",
                page.url, 'lang="ru"', page.locator("html").get_attribute("lang"))
        self.every_page(page, "404")

    def script_query(self, page):
        c = self.checks
        url = "/search?" + urllib.parse.urlencode({"q": XSS})
        response = self.goto(page, url)
        raw = response.text()
        page.wait_for_timeout(1000)
        c.check(response.status == 200, "a query with markup is searched", page.url, 200, response.status)
        c.check(XSS not in raw, "the query is not echoed as markup", page.url, "no raw <script>alert(1)</script>",
                raw[max(0, raw.find(XSS) - 80):raw.find(XSS) + 80] if XSS in raw else "")
        c.check("&lt;script&gt;alert(1)&lt;/script&gt;" in raw or "&lt;script>alert(1)&lt;/script>" in raw,
                "the query appears escaped in the HTML", page.url, "&lt;script&gt;alert(1)&lt;/script&gt;",
                "not found in the page source")
        c.check(page.locator("#q").input_value() == XSS, "the search box shows the query as text", page.url, XSS,
                page.locator("#q").input_value())
        # And typed by hand, so the suggestions script sees it too.
        self.goto(page, "/")
        page.locator("#q").press_sequentially(XSS, delay=40)
        page.wait_for_timeout(1500)
        with page.expect_navigation():
            page.locator("#q").press("Enter")
        page.wait_for_timeout(1000)
        c.check(query_of(page.url).get("q") == [XSS], "the typed query is submitted as text", page.url, XSS,
                page.url)
        c.check(not page.kino_dialogs, "no dialog fired", page.url, "no alert()", page.kino_dialogs)
        injected = page.evaluate("() => [...document.scripts].filter(s => s.text.includes('alert(1)')).length")
        c.check(injected == 0, "no injected script element", page.url, 0, injected)

    def phone_layout(self, page):
        width = page.evaluate("() => document.documentElement.scrollWidth")
        self.checks.check(width <= PHONE["width"], "no sideways scrolling on a phone", page.url,
                          f"scrollWidth <= {PHONE['width']}", width)

    def run(self):
        try:
            self.http_checks()
        except StepAborted:
            pass

        page = self.new_page(DESKTOP, "desktop")
        self.step(page, "home", self.home)
        self.step(page, "suggestions", self.suggest)
        self.step(page, "search", self.submit_search)
        self.step(page, "film", self.film)
        self.step(page, "person", self.person)
        self.step(page, "facet", self.facet)
        self.step(page, "language", self.language)
        self.step(page, "not-found", self.not_found)
        self.step(page, "script-query", self.script_query)
        self.page_health(page)
        page.context.close()

        page = self.new_page(PHONE, "phone")
        for name, function in (("home", self.home), ("suggestions", self.suggest), ("search", self.submit_search),
                               ("film", self.film), ("not-found", self.not_found)):
            self.step(page, name, lambda p, f=function: (f(p), self.phone_layout(p)))
        self.page_health(page)
        page.context.close()

    def page_health(self, page):
        c = self.checks
        c.check(not page.kino_errors, f"{page.kino_prefix}: no uncaught script errors", "", "none",
                page.kino_errors[:5])
        c.check(not page.kino_bad_requests, f"{page.kino_prefix}: static files load", "", "no 4xx/5xx",
                page.kino_bad_requests[:5])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kino", default=default_binary("debug"), help="the kino binary (env KINO_BIN)")
    parser.add_argument("--artifacts", default=os.path.join(REPO, ".build", "test-artifacts", "site"),
                        help="screenshots and the server log")
    parser.add_argument("--headed", action="store_true", help="show the browser (needs a display)")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    for old in os.listdir(args.artifacts):
        if old.endswith(".png"):
            os.remove(os.path.join(args.artifacts, old))

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("site test: Playwright is missing; run scripts/install-test-tools")
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"site test: no Chromium at {CHROMIUM}; run scripts/install-test-tools")

    checks = Checks()
    started = time.monotonic()
    try:
        with KinoServer(args.kino, os.path.join(args.artifacts, "kino-serve.log")) as server:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=not args.headed)
                try:
                    SiteTest(server, browser, args.artifacts, checks).run()
                except (StepAborted, ServerDied):
                    pass
                finally:
                    browser.close()
    except ServerError as error:
        checks.check(False, "kino serve starts", "", "/healthz 200", str(error))

    print(f"\nsite test: {time.monotonic() - started:.0f} s; screenshots and server log in {args.artifacts}")
    if checks.failures:
        print(f"\n{len(checks.failures)} failed checks:")
        for what, url, expected, got in checks.failures:
            print(f"  - {what}: {url} expected {expected}, got {got}")
    print(f"\n{checks.passed} passed, {len(checks.failures)} failed")
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
