/// The site's stylesheet and script, served from memory so the binary needs no files beside it.
enum Assets {
    static let css = #"""
    :root {
      --ink: #1d1d22; --muted: #6a6a75; --line: #e4e4ea; --paper: #fbfbfc; --card: #ffffff;
      --accent: #c2410c; --accent-soft: #fff1e8; --mark: #ffe8a3;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); background: var(--paper); line-height: 1.5;
    }
    * { box-sizing: border-box; }
    body { margin: 0; }
    a { color: inherit; text-decoration-color: var(--line); text-underline-offset: 3px; }
    a:hover { color: var(--accent); text-decoration-color: currentColor; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: .5rem 0 1rem; }
    h2 { font-size: 1.15rem; margin: 1.5rem 0 .6rem; }
    mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
    .count, .year, .original, .meta, .role, .character { color: var(--muted); }
    .count { font-size: .85em; }

    .site-header { position: sticky; top: 0; z-index: 10; display: flex; gap: .75rem; align-items: center;
      padding: .6rem 1rem; background: var(--card); border-bottom: 1px solid var(--line); }
    .brand { font-weight: 800; font-size: 1.3rem; text-decoration: none; color: var(--accent); }
    .search-form { position: relative; flex: 1; display: flex; gap: .4rem; max-width: 40rem; }
    .search-form input { flex: 1; min-width: 0; font: inherit; padding: .5rem .75rem; border: 1px solid var(--line);
      border-radius: .5rem; background: var(--paper); }
    .search-form input:focus { outline: 2px solid var(--accent); outline-offset: -1px; background: var(--card); }
    .search-form button { font: inherit; padding: .5rem 1rem; border: 0; border-radius: .5rem; color: #fff;
      background: var(--accent); cursor: pointer; }
    .lang-switch { font-size: .9rem; white-space: nowrap; }
    .suggestions { position: absolute; top: 100%; left: 0; right: 0; margin: .25rem 0 0; padding: .25rem 0;
      list-style: none; background: var(--card); border: 1px solid var(--line); border-radius: .5rem;
      box-shadow: 0 8px 24px rgba(0,0,0,.12); }
    .suggestions a { display: block; padding: .4rem .75rem; text-decoration: none; }
    .suggestions a[aria-selected="true"], .suggestions a:hover { background: var(--accent-soft); color: inherit; }
    .suggestions .kind { float: right; color: var(--muted); font-size: .8rem; }
    .suggestions .sub { color: var(--muted); font-size: .85rem; }

    .intro p { color: var(--muted); margin-top: -.5rem; }
    .cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .9rem;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); }
    .card a { display: flex; flex-direction: column; gap: .25rem; text-decoration: none; }
    .card img, .no-poster { width: 100%; aspect-ratio: 2 / 3; object-fit: cover; border-radius: .4rem;
      background: var(--line); }
    .no-poster { display: grid; place-items: center; font-size: 2.5rem; color: var(--muted); }
    .card-title { font-weight: 600; line-height: 1.25; }
    .card-meta { font-size: .85rem; color: var(--muted); }
    .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem .9rem; }

    .search-page { display: grid; grid-template-columns: 15rem 1fr; gap: 2rem; }
    .facets h2 { font-size: .95rem; margin: 1rem 0 .3rem; text-transform: uppercase; letter-spacing: .04em;
      color: var(--muted); }
    .facets ul { list-style: none; padding: 0; margin: 0; }
    .facet-value { display: block; padding: .15rem 0; text-decoration: none; }
    .facet-value::before { content: ""; display: inline-block; width: .9em; height: .9em; margin-right: .45em;
      vertical-align: -.1em; border: 1.5px solid var(--muted); border-radius: .2em; }
    .facet-value.selected { font-weight: 600; }
    .facet-value.selected::before { background: var(--accent); border-color: var(--accent);
      box-shadow: inset 0 0 0 2px var(--card); }
    .summary, .sorts, .corrected { color: var(--muted); margin: .25rem 0; }
    .sorts strong { color: var(--ink); }
    .result-list { list-style: none; padding: 0; margin: 1rem 0; }
    .result { display: flex; gap: .9rem; padding: .8rem 0; border-bottom: 1px solid var(--line); }
    .result .thumb { width: 4rem; aspect-ratio: 2 / 3; object-fit: cover; border-radius: .3rem; flex: none; }
    .result-title { font-size: 1.1rem; font-weight: 600; }
    .snippet { margin: .3rem 0 0; font-size: .95rem; }
    .pages { display: flex; gap: 1rem; justify-content: center; margin: 1.5rem 0; }

    .film-head { display: flex; gap: 1.5rem; align-items: flex-start; }
    .poster { width: 14rem; max-width: 40%; border-radius: .5rem; }
    .tagline { font-style: italic; color: var(--muted); }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0; }
    .facts dt, .people dt { color: var(--muted); }
    .facts dd, .people dd { margin: 0; }
    .people dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
    .ratings { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
    .ratings strong { font-size: 1.3rem; }
    .description p { max-width: 48rem; }
    .filmography { padding-left: 1.2rem; }
    .filmography li { margin: .25rem 0; }
    .error-page { text-align: center; padding: 3rem 0; }
    .site-footer { max-width: 72rem; margin: 2rem auto; padding: 1rem; color: var(--muted); font-size: .85rem;
      border-top: 1px solid var(--line); }

    @media (max-width: 720px) {
      .site-header { flex-wrap: wrap; }
      .search-form { order: 3; flex-basis: 100%; max-width: none; }
      .lang-switch { margin-left: auto; }
      .search-page { grid-template-columns: 1fr; gap: 0; }
      .facets { order: 2; display: flex; gap: 1rem; overflow-x: auto; }
      .facets section { min-width: 13rem; }
      .facet-value { white-space: nowrap; }
      .film-head { flex-direction: column; }
      .poster { max-width: 60%; }
      .facts, .people dl { grid-template-columns: 1fr; }
      .cards { grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); }
    }
    """#

    /// As-you-type suggestions: asks `/api/v1/suggest` after a short pause, shows films and people under the
    /// search box, and lets arrow keys, Enter and Escape drive the list. Text goes in with `textContent` only.
    static let javascript = #"""
    (function () {
      "use strict";
      var input = document.getElementById("q");
      var list = document.getElementById("suggestions");
      if (!input || !list || !window.fetch) return;
      var timer = null, latest = 0, active = -1;
      var lang = document.documentElement.lang || "ru";
      var kinds = lang === "ru" ? { film: "фильм", person: "персона" } : { film: "film", person: "person" };

      function hide() { list.hidden = true; list.textContent = ""; active = -1; input.setAttribute("aria-expanded", "false"); }
      function links() { return list.querySelectorAll("a.suggestion"); }
      function mark(index) {
        var items = links();
        for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === index ? "true" : "false");
        active = index;
      }
      function show(items) {
        list.textContent = "";
        items.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.className = "suggestion";
          a.href = item.url;
          a.setAttribute("role", "option");
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = kinds[item.kind] || item.kind;
          a.appendChild(kind);
          a.appendChild(document.createTextNode(item.title + (item.year ? " (" + item.year + ")" : "")));
          if (item.subtitle) {
            var sub = document.createElement("div");
            sub.className = "sub";
            sub.textContent = item.subtitle;
            a.appendChild(sub);
          }
          li.appendChild(a);
          list.appendChild(li);
        });
        list.hidden = items.length === 0;
        input.setAttribute("aria-expanded", items.length ? "true" : "false");
        active = -1;
      }
      function ask() {
        var text = input.value;
        if (!text.trim()) { hide(); return; }
        var ticket = ++latest;
        fetch("/api/v1/suggest?lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(text))
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (body) { if (ticket === latest) show(body.suggestions || []); })
          .catch(function () { if (ticket === latest) hide(); });
      }
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 120); });
      input.addEventListener("keydown", function (event) {
        var items = links();
        if (event.key === "ArrowDown" && items.length) { event.preventDefault(); mark((active + 1) % items.length); }
        else if (event.key === "ArrowUp" && items.length) { event.preventDefault(); mark((active - 1 + items.length) % items.length); }
        else if (event.key === "Enter" && active >= 0 && items[active]) { event.preventDefault(); window.location.href = items[active].href; }
        else if (event.key === "Escape") { hide(); }
      });
      document.addEventListener("click", function (event) { if (!list.contains(event.target) && event.target !== input) hide(); });
    })();
    """#
}
