/// Identifies people across sources: by Kinopoisk person id when a source gives one, else by full name in either
/// script. Names learnt from one source (a Kinopoisk record's Russian and English names) let later sources that
/// give only one of them find the same person.
struct PeopleRegistry {
    private(set) var people: [Int: Person] = [:]
    private var byKinopoisk: [Int: Int] = [:]
    private var byName: [String: Int] = [:]
    private var nextID = 1
    /// People created or changed since the registry was loaded.
    private(set) var changed: Set<Int> = []

    init(_ existing: [Person]) {
        for person in existing.sorted(by: { $0.id < $1.id }) {
            people[person.id] = person
            index(person)
            nextID = max(nextID, person.id + 1)
        }
    }

    /// The person a credit names, created when nobody matches.
    mutating func resolve(_ credit: SourceCredit) -> Person {
        let nameKeys = [credit.nameRU, credit.nameEN].compactMap { $0.map(MatchKey.title) }.filter { !$0.isEmpty }
        let found = credit.kinopoiskID.flatMap { byKinopoisk[$0] } ?? nameKeys.compactMap { byName[$0] }.first
        var person = found.flatMap { people[$0] } ?? Person(id: nextID, nameRU: nil, nameEN: nil, kinopoiskID: nil)
        if found == nil { nextID += 1 }
        let before = person
        if person.nameRU == nil, let name = credit.nameRU { person.nameRU = name }
        if person.nameEN == nil, let name = credit.nameEN { person.nameEN = name }
        if person.kinopoiskID == nil, let id = credit.kinopoiskID, byKinopoisk[id] == nil { person.kinopoiskID = id }
        if person != before || found == nil {
            people[person.id] = person
            index(person)
            changed.insert(person.id)
        }
        return person
    }

    private mutating func index(_ person: Person) {
        if let id = person.kinopoiskID { byKinopoisk[id] = person.id }
        for name in [person.nameRU, person.nameEN].compactMap({ $0 }) {
            let key = MatchKey.title(name)
            if !key.isEmpty, byName[key] == nil { byName[key] = person.id }
        }
    }
}
