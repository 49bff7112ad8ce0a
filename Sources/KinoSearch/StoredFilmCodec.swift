import KinoCatalog

/// The compact binary form of an ``IndexedFilm`` in the index's stored fields.
///
/// A result page decodes ten of these per request, so the form is read field by field without a general-purpose
/// decoder: a version byte, then each field in a fixed order as LEB128 varints (integers), length-prefixed UTF-8
/// (strings) and counted lists. Absent optionals are a 0 flag byte. A truncated or malformed record decodes to nil.
enum StoredFilmCodec {
    static let version: UInt8 = 1

    static func encode(_ film: IndexedFilm) -> [UInt8] {
        let out = Writer()
        out.bytes.append(version)
        out.int(film.id)
        out.string(film.title)
        out.optional(film.originalTitle, out.string)
        out.optional(film.titleEN, out.string)
        out.list(film.titles, out.string)
        out.optional(film.year, out.int)
        out.int(FilmType.allCases.firstIndex(of: film.type) ?? 0)
        out.list(film.genres) { out.string($0.rawValue) }
        out.list(film.countries, out.string)
        out.optional(film.rating) { out.int(Int(($0 * 1000).rounded())) }
        out.optional(film.votes, out.int)
        out.optional(film.poster, out.string)
        out.list(film.externalIDs.sorted { $0.key < $1.key }) { entry in
            out.string(entry.key.rawValue)
            out.string(entry.value)
        }
        out.optional(film.runtime, out.int)
        out.optional(film.ageRating, out.string)
        out.optional(film.description, out.string)
        out.list(film.keywords, out.string)
        out.list(film.people) { person in
            out.int(person.id)
            out.string(person.name)
            out.optional(person.nameEN, out.string)
            out.string(person.role.rawValue)
        }
        return out.bytes
    }

    /// The film stored in `bytes`; with `listing`, without its English and other titles, keywords and people (left
    /// empty), which result lists do not show and which are most of a film's strings.
    static func decode(_ bytes: some Collection<UInt8>, listing: Bool = false) -> IndexedFilm? {
        Array(bytes).withUnsafeBytes { decode(raw: $0, listing: listing) }
    }

    /// ``decode(_:listing:)`` of bytes in place, such as a document's in the mapped stored fields.
    static func decode(raw bytes: UnsafeRawBufferPointer, listing: Bool = false) -> IndexedFilm? {
        let input = Reader(bytes: bytes)
        guard input.byte() == version,
              let id = input.int(), let title = input.string(),
              let originalTitle = input.optional(input.string),
              let titleEN = listing ? input.skipOptionalString() : input.optional(input.string),
              let titles = listing ? input.skipStrings() : input.list(input.string), let year = input.optional(input.int),
              let typeIndex = input.int(), typeIndex < Self.types.count,
              let genres = input.list({ input.value(among: Self.genres) }),
              let countries = input.list(input.string),
              let rating = input.optional(input.int), let votes = input.optional(input.int),
              let poster = input.optional(input.string),
              let ids = input.list({ () -> (ExternalIDNamespace, String)? in
                  guard let key = input.value(among: Self.namespaces),
                        let value = input.string() else { return nil }
                  return (key, value)
              }),
              let runtime = input.optional(input.int), let ageRating = input.optional(input.string),
              let description = input.optional(input.string),
              let keywords = listing ? [] : input.list(input.string),
              let people = listing ? [] : input.list({ () -> IndexedFilm.Person? in
                  guard let id = input.int(), let name = input.string(), let nameEN = input.optional(input.string),
                        let role = input.string().flatMap(Role.init(rawValue:)) else { return nil }
                  return IndexedFilm.Person(id: id, name: name, nameEN: nameEN, role: role)
              }),
              listing || input.atEnd
        else { return nil }
        return IndexedFilm(
            id: id, title: title, originalTitle: originalTitle, titleEN: titleEN, titles: titles, year: year,
            type: Self.types[typeIndex], genres: genres, countries: countries,
            rating: rating.map { Double($0) / 1000 }, votes: votes, poster: poster,
            externalIDs: Dictionary(ids, uniquingKeysWith: { first, _ in first }), runtime: runtime,
            ageRating: ageRating, description: description, keywords: keywords, people: people)
    }

    /// The film types by stored index (`allCases` makes a new array on every call).
    private static let types = FilmType.allCases
    /// The genres and id namespaces with their stored names' UTF-8, which a record's bytes are compared with
    /// instead of making a string of each and switching on it.
    private static let genres = Genre.allCases.map { (name: Array($0.rawValue.utf8), value: $0) }
    private static let namespaces = ExternalIDNamespace.allCases.map { (name: Array($0.rawValue.utf8), value: $0) }

    private final class Writer {
        var bytes: [UInt8] = []

        func int(_ value: Int) {
            // Zig-zag, so the rare negative value stays short.
            var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        func string(_ value: String) {
            int(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        func optional<T>(_ value: T?, _ write: (T) -> Void) {
            guard let value else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            write(value)
        }

        func list<T>(_ values: [T], _ write: (T) -> Void) {
            int(values.count)
            values.forEach(write)
        }
    }

    private final class Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        var atEnd: Bool { offset == bytes.count }

        func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        func int() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 {
                    let signed = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
                    return Int(signed)
                }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }

        func string() -> String? {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        }

        /// The value among `values` whose name is the next string, or nil when none is.
        func value<Value>(among values: [(name: [UInt8], value: Value)]) -> Value? {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return nil }
            defer { offset += length }
            let name = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
            return values.first { $0.name.count == length && $0.name.elementsEqual(name) }?.value
        }

        /// Moves past an optional string, for a field a listing leaves out: nil (as a value) when it fits.
        func skipOptionalString() -> String?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return skipString() ? .some(nil) : nil
            default: return nil
            }
        }

        /// Moves past a list of strings, for a field a listing leaves out: an empty list when it fits.
        func skipStrings() -> [String]? {
            guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
            for _ in 0..<count where !skipString() {
                return nil
            }
            return []
        }

        private func skipString() -> Bool {
            guard let length = int(), length >= 0, length <= bytes.count - offset else { return false }
            offset += length
            return true
        }

        func optional<T>(_ read: () -> T?) -> T?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return read().map { .some($0) } ?? nil
            default: return nil
            }
        }

        func list<T>(_ read: () -> T?) -> [T]? {
            guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = read() else { return nil }
                values.append(value)
            }
            return values
        }
    }
}
