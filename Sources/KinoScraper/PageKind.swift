/// What a page of a film site is, by its URL (see ``SourceRules``) or its content.
public enum PageKind: String, Codable, Sendable, CaseIterable {
    /// One film: its records are extracted.
    case film
    /// The cast and crew of one film (Kinopoisk's `/film/ID/cast/`).
    case cast
    /// One person: followed for the films it links to.
    case person
    /// A list or search page: followed for the films it links to.
    case list
    /// robots.txt, a sitemap, or a page of no known kind.
    case other
}
