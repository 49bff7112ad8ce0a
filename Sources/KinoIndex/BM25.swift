#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The arithmetic of BM25 and BM25F, shared by the term, prefix, fuzzy and phrase queries.
///
/// - `idf(df) = ln(1 + (N − df + 0.5) / (df + 0.5))`, with `N` the searcher's document count (always positive).
/// - A field's length normalisation is `B_f = 1 − b_f + b_f · len_f(d) / avglen_f` (1 when `avglen_f` is 0).
/// - The saturated score of a pseudo-frequency `t` is `idf · t · (k1 + 1) / (k1 + t)`; it stays below
///   `idf · (k1 + 1)`, which is every term's score upper bound.
enum BM25 {
    /// The default term-frequency saturation.
    static let defaultK1 = 1.2
    /// The default length normalisation strength.
    static let defaultB = 0.75

    static func idf(docFrequency: Int, docCount: Int) -> Double {
        let n = Double(docCount)
        let df = Double(docFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    static func lengthNorm(length: Double, averageLength: Double, b: Double) -> Double {
        averageLength > 0 ? 1 - b + b * length / averageLength : 1
    }

    static func saturate(_ pseudoFrequency: Double, k1: Double) -> Double {
        pseudoFrequency * (k1 + 1) / (k1 + pseudoFrequency)
    }
}
