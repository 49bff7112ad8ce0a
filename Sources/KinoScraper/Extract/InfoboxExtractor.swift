import KinoCatalog

/// A record from a Wikipedia film infobox (`<table class="infobox">`): the title row, the people rows, release date,
/// running time, countries, budget and box office, and the article's first paragraph as the English description.
enum InfoboxExtractor {
    /// Infobox row labels and the role of the people they list.
    private static let roles: [String: Role] = [
        "directed by": .director, "written by": .writer, "screenplay by": .writer, "story by": .writer,
        "created by": .writer, "starring": .actor, "voices of": .voice, "music by": .composer,
        "composer": .composer, "produced by": .producer, "cinematography": .cinematographer, "edited by": .editor,
    ]

    /// Labels only a film or series infobox has: without one, the infobox is of something else (a person, a city).
    private static let filmLabels: Set<String> = [
        "directed by", "running time", "release date", "release dates", "original release", "starring",
        "no. of episodes", "no. of seasons",
    ]

    static func record(_ table: HTMLNode, context: PageContext) -> SourceRecord? {
        var record = context.newRecord()
        var isFilm = false
        for row in rows(of: table) {
            let header = row.children.first { $0.is("th") }
            let cell = row.children.first { $0.is("td") }
            if let header, cell == nil, record.titleEN == nil {
                record.titleEN = header.text(skipping: isNoise).nonEmpty
                continue
            }
            guard let header, let cell else { continue }
            let label = header.text(skipping: isNoise).lowercased()
            isFilm = isFilm || filmLabels.contains(label)
            read(label: label, cell: cell, into: &record)
        }
        guard isFilm else { return nil }
        record.type = record.type ?? .film
        record.descriptionEN = firstParagraph(after: table)
        return record
    }

    private static func read(label: String, cell: HTMLNode, into record: inout SourceRecord) {
        if let role = roles[label] {
            for name in items(of: cell) { record.addCredit(SourceCredit(nameEN: name, role: role)) }
            return
        }
        switch label {
        case "release date", "release dates", "original release", "first aired":
            let text = cell.text(skipping: { $0.is("sup") })
            record.releaseDate = FieldText.isoDate(in: text)
            record.year = record.releaseDate.flatMap { FieldText.year(in: $0) } ?? FieldText.year(in: text)
        case "running time":
            let text = cell.text(skipping: isNoise)
            record.runtimeMinutes = text.split(separator: " ").first.flatMap { FieldText.minutes(String($0)) }
        case "country", "countries", "country of origin":
            for name in items(of: cell) {
                for country in Country.parseList(name).countries where !record.countries.contains(country.code) {
                    record.countries.append(country.code)
                }
            }
        case "budget":
            record.budget = FieldText.money(cell.text(skipping: isNoise))
        case "box office":
            record.boxOffice = FieldText.money(cell.text(skipping: isNoise))
        case "no. of episodes", "no. of seasons":
            record.type = .series
        default:
            break
        }
    }

    /// The table's rows, including those of a `<tbody>`, but not those of nested tables.
    private static func rows(of table: HTMLNode) -> [HTMLNode] {
        var rows: [HTMLNode] = []
        table.walkElements { element in
            if element.is("tr") {
                rows.append(element)
                return .skipChildren
            }
            return element.is("table") ? .skipChildren : .descend
        }
        return rows
    }

    /// The entries of a cell: its list items, or its lines between `<br>`s; without footnote marks and hidden text.
    static func items(of cell: HTMLNode) -> [String] {
        cell.rawText(skipping: isNoise)
            .split(separator: "\n")
            .map { String($0).collapsingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// Footnote marks (`<sup class="reference">[1]</sup>`) and hidden spans.
    static func isNoise(_ element: HTMLNode) -> Bool {
        if element.is("sup") { return true }
        guard let style = element.attribute("style") else { return false }
        return style.replacingOccurrences(of: " ", with: "").lowercased().contains("display:none")
    }

    /// The first paragraph of article text after the infobox, without footnote marks.
    private static func firstParagraph(after table: HTMLNode) -> String? {
        for sibling in table.followingSiblings where sibling.is("p") {
            let text = sibling.text(skipping: isNoise)
            if text.count >= 40 { return text }
        }
        return nil
    }
}
