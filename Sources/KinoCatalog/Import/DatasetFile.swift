import Foundation

/// A file that holds one of the datasets Kino can import, recognised by its columns or its JSON shape rather than
/// by its name.
public struct DatasetFile: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case tmdbMovies = "TMDB 5000 films"
        case movielensMovies = "MovieLens films"
        case movielensLinks = "MovieLens links"
        case movielensRatings = "MovieLens ratings"
        case movielensTags = "MovieLens tags"
        case mkrfMovies = "Ministry of Culture registry"
        case mkrfShows = "Ministry of Culture box office"
        case kinopoisk400 = "Kinopoisk 400 CSV"
        case imdbTop = "IMDb top 1000"
        case kinopoiskList = "Kinopoisk API list"
        case kinopoiskFull = "Kinopoisk API film"
        case kinopoiskHD = "Kinopoisk HD catalogue"
        case kinopoiskUnofficial = "Kinopoisk unofficial API"
    }

    public var kind: Kind
    public var url: URL

    /// CSV headers that identify a dataset (the first columns are enough).
    static let csvHeaders: [(prefix: String, kind: Kind)] = [
        ("budget,genres,homepage,id,keywords", .tmdbMovies),
        ("movieId,title,genres", .movielensMovies),
        ("movieId,imdbId,tmdbId", .movielensLinks),
        ("userId,movieId,rating,timestamp", .movielensRatings),
        ("userId,movieId,tag,timestamp", .movielensTags),
        ("title,puNumber,show_start_date", .mkrfMovies),
        ("puNumber,box_office", .mkrfShows),
        ("id_kinopoisk,title,genres,actors", .kinopoisk400),
        ("Poster_Link,Series_Title,Released_Year", .imdbTop),
    ]

    /// Finds every dataset file under the given files and folders. Returns them with the files of the folders that
    /// are not datasets (skipped; a broken JSON file is listed with what is wrong with it). A file named on its own
    /// that is not a dataset, or not valid JSON, is an error.
    public static func discover(_ paths: [String]) throws -> (files: [DatasetFile], skipped: [String]) {
        var found: [DatasetFile] = []
        var skipped: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CatalogError(.unreadable, "\(path): no such file or folder")
            }
            var candidates: [URL] = []
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey]) else {
                    throw CatalogError(.unreadable, "\(path): cannot list the folder")
                }
                for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    candidates.append(url)
                }
            } else {
                candidates.append(URL(fileURLWithPath: path))
            }
            for url in candidates.sorted(by: { $0.path < $1.path }) {
                do {
                    if let kind = try detect(url) {
                        found.append(DatasetFile(kind: kind, url: url))
                    } else if isDirectory.boolValue {
                        skipped.append(url.path)
                    } else {
                        throw CatalogError(.unexpectedLayout, "\(url.path): not a dataset Kino knows (see kino import --help)")
                    }
                } catch let error as CatalogError where error.code == .malformedRecord && isDirectory.boolValue {
                    // A broken JSON file inside a folder is named, and the rest of the folder still imports.
                    skipped.append(error.message)
                }
            }
        }
        return (found, skipped)
    }

    /// The dataset a file holds, nil when it is none of them.
    static func detect(_ url: URL) throws -> Kind? {
        switch url.pathExtension.lowercased() {
        case "csv":
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw CatalogError(.unreadable, "\(url.path): cannot open the file")
            }
            defer { try? handle.close() }
            let head = String(decoding: handle.readData(ofLength: 256), as: UTF8.self)
                .trimmingPrefix("\u{FEFF}")
            return csvHeaders.first { head.hasPrefix($0.prefix) }?.kind
        case "json":
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CatalogError(.unreadable, "\(url.path): cannot read the file")
            }
            let json = try parseJSON(data, name: url.path)
            if let object = json as? [String: Any] {
                if object["docs"] is [Any] { return .kinopoiskList }
                if object["id"] != nil, object["name"] != nil, object["persons"] != nil || object["externalId"] != nil {
                    return .kinopoiskFull
                }
            } else if let array = json as? [[String: Any]], let first = array.first {
                if first["kpId"] != nil { return .kinopoiskHD }
                if first["kinopoiskId"] != nil { return .kinopoiskUnofficial }
            }
            return nil
        default:
            return nil
        }
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
