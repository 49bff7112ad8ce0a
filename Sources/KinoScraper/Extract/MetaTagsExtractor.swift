import KinoCatalog

/// A record from the page's OpenGraph and meta tags and, when those say nothing, its `<title>` and first heading.
///
/// It fills the fields JSON-LD lacks, and stands alone only on pages that look like a film's: an OpenGraph type of
/// `video.movie` or `video.tv_show`, or a title line with a year (`Uncle Buck (1989) - IMDb`).
enum MetaTagsExtractor {
    static func record(_ scan: PageScan, context: PageContext) -> (record: SourceRecord, looksLikeFilm: Bool)? {
        let ogType = scan.meta("og:type")?.lowercased()
        let lines = [scan.meta("og:title"), scan.title, scan.heading].compactMap { $0.flatMap(TitleLine.init) }
        guard let line = lines.first(where: { $0.year != nil }) ?? lines.first else { return nil }
        var record = context.newRecord()
        let isFilmType = ogType == "video.movie" || ogType == "video.tv_show"
        record.type = ogType == "video.tv_show" || line.isSeries ? .series : isFilmType ? .film : nil
        if FieldText.isCyrillic(line.title) {
            record.titleRU = line.title
            if let other = line.otherTitle, !FieldText.isCyrillic(other) { record.titleOriginal = other }
        } else {
            record.titleEN = line.title
        }
        record.year = line.year
        if let description = scan.meta("og:description") ?? scan.meta("description") {
            if FieldText.isCyrillic(description) { record.descriptionRU = description } else { record.descriptionEN = description }
        }
        record.poster = scan.meta("og:image").flatMap { context.resolve($0)?.absoluteString }
        if let link = scan.meta("og:url"), let url = context.resolve(link), let id = FilmSite.filmID(in: url) {
            record.externalIDs[id.namespace] = record.externalIDs[id.namespace] ?? id.value
        }
        return (record, isFilmType || line.year != nil)
    }
}
