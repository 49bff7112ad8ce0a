import KinoCatalog
import KinoIndex
import KinoText

/// The people of one generation and their films, read from the stored films: person pages and the people of
/// as-you-type suggestions come from here without the database.
public struct PeopleDirectory: Sendable {
    /// A person with the films the index keeps them on.
    public struct Entry: Sendable, Hashable {
        public var id: Int
        public var name: String
        public var nameEN: String?
        /// The films, the most voted first, with what the person did on each.
        public var films: [(doc: DocID, role: Role)] {
            get { zip(docs, roles).map { ($0, $1) } }
            set {
                docs = newValue.map(\.doc)
                roles = newValue.map(\.role)
            }
        }
        var docs: [DocID] = []
        var roles: [Role] = []
        /// The votes of all their films: the order of suggestions.
        public var votes: Int = 0
    }

    private var entries: [Entry] = []
    private var byID: [Int: Int] = [:]
    /// Every normalized word of every name (Russian, English, and the Russian name in Latin letters), sorted, with
    /// the entry it names.
    private var words: [(word: String, entry: Int)] = []
    private let analyzer: Analyzer

    init(index: FilmIndex, analyzer: Analyzer = Analyzer(stemming: false)) {
        self.analyzer = analyzer
        for position in 0..<index.segment.docCount {
            let doc = DocID(position)
            guard let film = index.film(doc) else { continue }
            for person in film.people {
                let slot: Int
                if let found = byID[person.id] {
                    slot = found
                } else {
                    slot = entries.count
                    byID[person.id] = slot
                    entries.append(Entry(id: person.id, name: person.name, nameEN: person.nameEN))
                }
                guard entries[slot].docs.last != doc else { continue }
                entries[slot].docs.append(doc)
                entries[slot].roles.append(person.role)
                entries[slot].votes += film.votes ?? 0
            }
        }
        for slot in entries.indices {
            let entry = entries[slot]
            var seen = Set<String>()
            var names = [entry.name]
            if let english = entry.nameEN { names.append(english) }
            names += Transliteration.toLatin(analyzer.normalize(entry.name), limit: 1)
            for name in names {
                for word in analyzer.normalize(name).split(separator: " ") where seen.insert(String(word)).inserted {
                    words.append((String(word), slot))
                }
            }
            // Films by votes, then by doc.
            let order = entries[slot].docs.indices.sorted { a, b in
                let left = index.segment.columns.u32(FilmSchema.votes, doc: entry.docs[a]) ?? 0
                let right = index.segment.columns.u32(FilmSchema.votes, doc: entry.docs[b]) ?? 0
                return left != right ? left > right : entry.docs[a] < entry.docs[b]
            }
            entries[slot].docs = order.map { entry.docs[$0] }
            entries[slot].roles = order.map { entry.roles[$0] }
        }
        words.sort { $0.word < $1.word }
    }

    /// How many people the index knows.
    public var count: Int { entries.count }

    /// The person with this catalog id, if any film of the index credits them.
    public func person(id: Int) -> Entry? {
        byID[id].map { entries[$0] }
    }

    /// People whose names have a word starting with every word of `text` (case, "ё" and diacritics folded; the
    /// Russian name matches in Latin letters too), the most voted first.
    public func matching(_ text: String, limit: Int) -> [Entry] {
        let queryWords = analyzer.normalize(String(text.prefix(SearchRequest.maximumQueryCharacters)))
            .split(separator: " ").prefix(SearchRequest.maximumQueryWords).map(String.init)
        guard limit > 0, let longest = queryWords.max(by: { $0.count < $1.count }), longest.count >= 2 else { return [] }
        var candidates = Set<Int>()
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].word < longest { low = middle + 1 } else { high = middle }
        }
        while low < words.count, words[low].word.hasPrefix(longest) {
            candidates.insert(words[low].entry)
            low += 1
        }
        let matches = candidates.filter { slot in
            let entry = entries[slot]
            let names = ([entry.name, entry.nameEN].compactMap { $0 }
                + Transliteration.toLatin(analyzer.normalize(entry.name), limit: 1))
                .flatMap { analyzer.normalize($0).split(separator: " ") }
            return queryWords.allSatisfy { word in names.contains { $0.hasPrefix(word) } }
        }
        return matches.map { entries[$0] }
            .sorted { $0.votes != $1.votes ? $0.votes > $1.votes : $0.id < $1.id }
            .prefix(limit).map { $0 }
    }
}

extension PeopleDirectory {
    /// Every person's catalog id, in the order the index first met them.
    public var ids: [Int] { entries.map(\.id) }
}
