import Foundation

/// Reads Kinopoisk catalogue dumps: the Kinopoisk HD (OTT) catalogue, which repeats films, and the unofficial
/// Kinopoisk API's film lists, which carry IMDb ids.
enum KinopoiskCatalogueImporter {
    static func readHD(_ url: URL, into context: inout ImportContext) throws {
        guard let items = try readJSON(url) as? [Any] else {
            throw CatalogError(.unexpectedLayout, "\(url.path): not a Kinopoisk HD catalogue (no array)")
        }
        context.noteFile(url, for: .kinopoiskHD)
        for (index, item) in items.enumerated() {
            let origin = "\(url.lastPathComponent)#\(index + 1)"
            do {
                guard let doc = item as? [String: Any] else { throw RowRejection("the item is not an object") }
                guard let id = doc.int("kpId"), id > 0 else { throw RowRejection("kpId is missing or not positive") }
                guard let title = doc.string("title") else { throw RowRejection("the film has no title") }
                var record = SourceRecord(source: .kinopoiskHD, sourceID: String(id))
                record.origin = origin
                record.titleRU = title
                if let years = doc.string("years") { record.year = yearOf(date: years) }
                record.type = doc.string("contentType") == "tv-series" ? .series : nil
                record.genres = context.genres(doc.strings("genres"), source: .kinopoiskHD, origin: origin)
                record.countries = context.countries(doc.strings("countries"), source: .kinopoiskHD, origin: origin)
                if record.type == nil { record.type = record.genres.contains(.animation) ? .animated : .film }
                record.descriptionRU = doc.string("shortDescription")
                if let age = doc.int("restrictionAge") { record.ageRating = "\(age)+" }
                if let seconds = doc.int("duration"), seconds > 0 { record.runtimeMinutes = (seconds + 30) / 60 }
                if let rating = doc.double("kpRating"), rating > 0 {
                    record.ratings = [Rating(source: .kinopoisk, value: rating, votes: nil)]
                }
                record.poster = doc.string("posterUrl")
                context.add(record)
            } catch let rejection as RowRejection {
                try context.reject(ImportIssue(origin: origin, message: rejection.message), source: .kinopoiskHD)
            }
        }
    }

    static func readUnofficial(_ url: URL, into context: inout ImportContext) throws {
        guard let items = try readJSON(url) as? [Any] else {
            throw CatalogError(.unexpectedLayout, "\(url.path): not an unofficial Kinopoisk API list (no array)")
        }
        context.noteFile(url, for: .kinopoiskUnofficial)
        for (index, item) in items.enumerated() {
            let origin = "\(url.lastPathComponent)#\(index + 1)"
            do {
                guard let doc = item as? [String: Any] else { throw RowRejection("the item is not an object") }
                guard let id = doc.int("kinopoiskId"), id > 0 else { throw RowRejection("kinopoiskId is missing or not positive") }
                var record = SourceRecord(source: .kinopoiskUnofficial, sourceID: String(id))
                record.origin = origin
                record.titleRU = doc.string("nameRu")
                record.titleEN = doc.string("nameEn")
                record.titleOriginal = doc.string("nameOriginal")
                if record.titleEN == nil, let original = record.titleOriginal, isLatin(original) { record.titleEN = original }
                guard !record.allTitles.isEmpty else { throw RowRejection("the film has no title") }
                if let imdb = doc.string("imdbId") { record.externalIDs[.imdb] = ExternalID(.imdb, imdb).value.nonBlank }
                record.year = doc.int("year").flatMap { (1850...2100).contains($0) ? $0 : nil }
                record.type = KinopoiskAPIImporter.filmType(doc.string("type"))
                record.genres = context.genres(doc.objects("genres").compactMap { $0.string("genre") }, source: .kinopoiskUnofficial, origin: origin)
                record.countries = context.countries(doc.objects("countries").compactMap { $0.string("country") }, source: .kinopoiskUnofficial, origin: origin)
                if let rating = doc.double("ratingKinopoisk"), rating > 0 {
                    record.ratings.append(Rating(source: .kinopoisk, value: rating, votes: nil))
                }
                if let rating = doc.double("ratingImdb"), rating > 0 {
                    record.ratings.append(Rating(source: .imdb, value: rating, votes: nil))
                }
                record.poster = doc.string("posterUrl")
                context.add(record)
            } catch let rejection as RowRejection {
                try context.reject(ImportIssue(origin: origin, message: rejection.message), source: .kinopoiskUnofficial)
            }
        }
    }
}
