/// The site's Mustache templates. Every page starts with the `top` partial and ends with `bottom`. `{{x}}` escapes
/// HTML; `{{{x}}}` is used only for text the server escaped itself (highlights) and for JSON-LD made safe for a
/// `<script>` element.
enum Templates {
    static let all: [String: String] = [
        "top": top, "bottom": bottom, "filmCards": filmCards, "home": home, "search": search, "film": film,
        "person": person, "error": error,
    ]

    static let top = #"""
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{pageTitle}}</title>
    <meta name="description" content="{{description}}">
    <link rel="canonical" href="{{canonical}}">
    {{#alternates}}<link rel="alternate" hreflang="{{hreflang}}" href="{{href}}">
    {{/alternates}}<meta property="og:site_name" content="{{t.siteName}}">
    <meta property="og:title" content="{{pageTitle}}">
    <meta property="og:description" content="{{description}}">
    <meta property="og:type" content="{{ogType}}">
    <meta property="og:url" content="{{canonical}}">
    {{#ogImage}}<meta property="og:image" content="{{ogImage}}">
    {{/ogImage}}{{#noindex}}<meta name="robots" content="noindex">
    {{/noindex}}<link rel="stylesheet" href="/static/kino.css">
    {{#jsonLD}}<script type="application/ld+json">{{{jsonLD}}}</script>
    {{/jsonLD}}<script src="/static/kino.js" defer></script>
    </head>
    <body>
    <header class="site-header">
      <a class="brand" href="/">{{t.siteName}}</a>
      <form id="search-form" class="search-form" action="/search" method="get" role="search" autocomplete="off">
        <input id="q" name="q" type="search" value="{{q}}" placeholder="{{t.searchPlaceholder}}" aria-label="{{t.searchPlaceholder}}" aria-autocomplete="list" aria-controls="suggestions">
        <button type="submit">{{t.searchButton}}</button>
        <ul id="suggestions" class="suggestions" role="listbox" hidden></ul>
      </form>
      <a id="lang-switch" class="lang-switch" href="{{langSwitchURL}}" hreflang="{{otherLang}}" lang="{{otherLang}}">{{t.otherLanguage}}</a>
    </header>
    <main>
    """#

    static let bottom = #"""
    </main>
    <footer class="site-footer">{{t.footer}}</footer>
    </body>
    </html>
    """#

    static let filmCards = #"""
    <ul class="cards">
    {{#films}}<li class="card"><a href="/films/{{id}}">{{#poster}}<img src="{{poster}}" alt="" loading="lazy">{{/poster}}{{^poster}}<span class="no-poster" aria-hidden="true">{{initial}}</span>{{/poster}}<span class="card-title">{{title}}</span><span class="card-meta">{{year}}{{#rating}} · ★ {{rating}}{{/rating}}</span></a></li>
    {{/films}}</ul>
    """#

    static let home = #"""
    {{> top}}
    <section class="intro"><h1>{{t.siteName}}</h1><p>{{t.tagline}}</p></section>
    <section><h2>{{t.popular}}</h2>{{#popular}}{{> filmCards}}{{/popular}}</section>
    <section><h2>{{t.topRated}}</h2>{{#topRated}}{{> filmCards}}{{/topRated}}</section>
    <section><h2>{{t.genres}}</h2><ul class="tags">{{#genres}}<li><a href="/genres/{{value}}">{{label}}</a> <span class="count">{{count}}</span></li>{{/genres}}</ul></section>
    <section><h2>{{t.decades}}</h2><ul class="tags">{{#decades}}<li><a href="/decades/{{value}}">{{label}}</a> <span class="count">{{count}}</span></li>{{/decades}}</ul></section>
    <section><h2>{{t.countries}}</h2><ul class="tags">{{#countries}}<li><a href="/countries/{{value}}">{{label}}</a> <span class="count">{{count}}</span></li>{{/countries}}</ul></section>
    {{> bottom}}
    """#

    static let search = #"""
    {{> top}}
    <div class="search-page">
    <nav id="facets" class="facets" aria-label="{{t.results}}">
    {{#anySelected}}<p><a class="clear" href="{{clearURL}}">{{t.clearFilters}}</a></p>{{/anySelected}}
    {{#facets}}<section class="facet" data-facet="{{name}}"><h2>{{label}}</h2><ul>
    {{#values}}<li><a class="facet-value{{#selected}} selected{{/selected}}" data-value="{{value}}" href="{{href}}" role="checkbox" aria-checked="{{#selected}}true{{/selected}}{{^selected}}false{{/selected}}" rel="nofollow">{{label}} <span class="count">{{count}}</span></a></li>
    {{/values}}</ul></section>
    {{/facets}}</nav>
    <section class="results">
    <h1>{{heading}}</h1>
    {{#corrected}}<p class="corrected">{{t.showingFor}} «{{corrected}}»</p>{{/corrected}}
    <p class="summary">{{t.found}}: <span id="total">{{total}}</span> {{filmsWord}}</p>
    <p class="sorts">{{t.sortBy}}: {{#sorts}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}" rel="nofollow">{{label}}</a>{{/current}} {{/sorts}}</p>
    {{^hits}}<p class="empty">{{t.nothingFound}}</p>{{/hits}}
    <ol id="results" class="result-list" start="{{first}}">
    {{#hits}}<li class="result">{{#poster}}<img class="thumb" src="{{poster}}" alt="" loading="lazy">{{/poster}}<div>
    <a class="result-title" href="/films/{{id}}">{{{titleHTML}}}</a>{{#year}} <span class="year">({{year}})</span>{{/year}}
    {{#originalTitle}}<div class="original">{{originalTitle}}</div>{{/originalTitle}}
    <div class="meta">{{#rating}}★ {{rating}}{{/rating}}{{#votes}} · {{votes}}{{/votes}}{{#genres}} · {{genres}}{{/genres}}</div>
    {{#snippetHTML}}<p class="snippet">{{{snippetHTML}}}</p>{{/snippetHTML}}
    </div></li>
    {{/hits}}</ol>
    <nav class="pages">{{#previousURL}}<a rel="prev" href="{{previousURL}}">{{t.previous}}</a>{{/previousURL}} <span>{{t.page}} {{page}}</span> {{#nextURL}}<a rel="next" href="{{nextURL}}">{{t.next}}</a>{{/nextURL}}</nav>
    </section>
    </div>
    {{> bottom}}
    """#

    static let film = #"""
    {{> top}}
    <article class="film" itemscope>
    <div class="film-head">
    {{#poster}}<img class="poster" src="{{poster}}" alt="{{title}}">{{/poster}}
    <div>
    <h1 id="film-title">{{title}}{{#year}} <span class="year">({{year}})</span>{{/year}}</h1>
    {{#originalTitle}}<p class="original">{{originalTitle}}</p>{{/originalTitle}}
    {{#tagline}}<p class="tagline">«{{tagline}}»</p>{{/tagline}}
    <dl class="facts">
    {{#typeLabel}}<dt>{{t.facet_type}}</dt><dd>{{typeLabel}}</dd>{{/typeLabel}}
    {{#hasGenres}}<dt>{{t.genre}}</dt><dd>{{#genres}}<a href="/genres/{{value}}">{{label}}</a> {{/genres}}</dd>{{/hasGenres}}
    {{#hasCountries}}<dt>{{t.country}}</dt><dd>{{#countries}}<a href="/countries/{{value}}">{{label}}</a> {{/countries}}</dd>{{/hasCountries}}
    {{#releaseDate}}<dt>{{t.releaseDate}}</dt><dd>{{releaseDate}}</dd>{{/releaseDate}}
    {{#runtime}}<dt>{{t.runtime}}</dt><dd>{{runtime}} {{t.minutes}}</dd>{{/runtime}}
    {{#ageRating}}<dt>{{t.ageRating}}</dt><dd>{{ageRating}}</dd>{{/ageRating}}
    {{#budget}}<dt>{{t.budget}}</dt><dd>{{budget}}</dd>{{/budget}}
    {{#boxOffice}}<dt>{{t.boxOffice}}</dt><dd>{{boxOffice}}</dd>{{/boxOffice}}
    {{#otherTitles}}<dt>{{t.alsoKnownAs}}</dt><dd>{{otherTitles}}</dd>{{/otherTitles}}
    </dl>
    {{#hasRatings}}<ul class="ratings">{{#ratings}}<li><strong>{{value}}</strong> {{source}}{{#votes}} <span class="count">{{votes}}</span>{{/votes}}</li>{{/ratings}}</ul>{{/hasRatings}}
    </div>
    </div>
    {{#descriptions}}<section class="description"><h2>{{t.description}}</h2><p lang="{{lang}}">{{text}}</p></section>{{/descriptions}}
    {{#hasRoles}}<section class="people"><h2>{{t.people}}</h2><dl>{{#roles}}<dt>{{label}}</dt><dd>{{#people}}<a href="/people/{{id}}">{{name}}</a>{{#character}} <span class="character">({{character}})</span>{{/character}}{{^last}}, {{/last}}{{/people}}</dd>{{/roles}}</dl></section>{{/hasRoles}}
    {{#keywords}}<section class="keywords"><h2>{{t.keywords}}</h2><p>{{keywords}}</p></section>{{/keywords}}
    {{#hasLinks}}<section class="links"><h2>{{t.externalLinks}}</h2><ul class="tags">{{#links}}<li><a href="{{href}}" rel="nofollow noopener">{{label}}</a></li>{{/links}}</ul></section>{{/hasLinks}}
    <section id="similar" class="similar"><h2>{{t.similar}}</h2>{{#similar}}{{> filmCards}}{{/similar}}</section>
    </article>
    {{> bottom}}
    """#

    static let person = #"""
    {{> top}}
    <article class="person">
    <h1 id="person-name">{{name}}</h1>
    {{#otherName}}<p class="original">{{otherName}}</p>{{/otherName}}
    <h2>{{t.filmography}}</h2>
    <ul class="filmography">{{#films}}<li><a href="/films/{{id}}">{{title}}</a>{{#year}} ({{year}}){{/year}} <span class="role">{{role}}</span>{{#rating}} <span class="count">★ {{rating}}</span>{{/rating}}</li>{{/films}}</ul>
    </article>
    {{> bottom}}
    """#

    static let error = #"""
    {{> top}}
    <section class="error-page">
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    <p><a href="/">{{t.home}}</a></p>
    </section>
    {{> bottom}}
    """#
}
