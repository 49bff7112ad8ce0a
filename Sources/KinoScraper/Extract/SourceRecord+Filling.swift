import KinoCatalog

extension SourceRecord {
    /// Whether the record has any title; a record without one is not kept.
    var hasTitle: Bool { titleRU != nil || titleOriginal != nil || titleEN != nil }

    /// Takes from `other` every field this record lacks: empty scalar fields and lists, external ids of namespaces
    /// it has none in, ratings of sources it has none from. What this record says wins.
    mutating func fill(from other: SourceRecord) {
        titleRU = titleRU ?? other.titleRU
        titleOriginal = titleOriginal ?? other.titleOriginal
        titleEN = titleEN ?? other.titleEN
        for title in other.alternativeTitles where !allTitles.contains(title) {
            alternativeTitles.append(title)
        }
        alternativeTitles.removeAll { [titleRU, titleOriginal, titleEN].contains($0) }
        year = year ?? other.year
        releaseDate = releaseDate ?? other.releaseDate
        type = type ?? other.type
        runtimeMinutes = runtimeMinutes ?? other.runtimeMinutes
        if countries.isEmpty { countries = other.countries }
        if genres.isEmpty { genres = other.genres }
        ageRating = ageRating ?? other.ageRating
        mpaaRating = mpaaRating ?? other.mpaaRating
        descriptionRU = descriptionRU ?? other.descriptionRU
        descriptionEN = descriptionEN ?? other.descriptionEN
        taglineRU = taglineRU ?? other.taglineRU
        taglineEN = taglineEN ?? other.taglineEN
        if keywords.isEmpty { keywords = other.keywords }
        if credits.isEmpty { credits = other.credits }
        for rating in other.ratings where !ratings.contains(where: { $0.source == rating.source }) {
            ratings.append(rating)
        }
        popularity = popularity ?? other.popularity
        budget = budget ?? other.budget
        boxOffice = boxOffice ?? other.boxOffice
        poster = poster ?? other.poster
        externalIDs.merge(other.externalIDs) { mine, _ in mine }
    }

    /// Adds a credit unless the same person already has the same role.
    mutating func addCredit(_ credit: SourceCredit) {
        let duplicate = credits.contains {
            $0.role == credit.role && (credit.kinopoiskID != nil ? $0.kinopoiskID == credit.kinopoiskID
                                       : $0.nameRU == credit.nameRU && $0.nameEN == credit.nameEN)
        }
        if !duplicate { credits.append(credit) }
    }
}
