/// One user's rating of a film in an external ratings set (MovieLens), kept for the recommender.
public struct ExternalRating: Hashable, Codable, Sendable {
    public var userID: Int
    public var movieID: Int
    public var rating: Double
    public var timestamp: Int

    public init(userID: Int, movieID: Int, rating: Double, timestamp: Int) {
        self.userID = userID
        self.movieID = movieID
        self.rating = rating
        self.timestamp = timestamp
    }
}

/// One user's tag on a film in an external ratings set (MovieLens).
public struct ExternalTag: Hashable, Codable, Sendable {
    public var userID: Int
    public var movieID: Int
    public var tag: String
    public var timestamp: Int

    public init(userID: Int, movieID: Int, tag: String, timestamp: Int) {
        self.userID = userID
        self.movieID = movieID
        self.tag = tag
        self.timestamp = timestamp
    }
}
