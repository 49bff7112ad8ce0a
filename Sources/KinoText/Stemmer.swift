internal import CStemmer

/// One Snowball stemmer from libstemmer, working on UTF-8.
///
/// A libstemmer stemmer keeps its state between calls, so an instance must only be used by one thread at a time;
/// the analyzer takes care of that by owning stemmers through a ``Workspace``.
final class Stemmer {
    /// The Snowball algorithms Kino uses.
    enum Language: String {
        case russian
        case english
    }

    private let handle: OpaquePointer

    /// Returns nil if libstemmer does not know the algorithm or cannot allocate it.
    init?(_ language: Language) {
        guard let handle = sb_stemmer_new(language.rawValue, "UTF_8") else { return nil }
        self.handle = handle
    }

    deinit {
        sb_stemmer_delete(handle)
    }

    /// Stems a UTF-8 word and passes the stem to `body`; the stem's bytes are valid only inside `body`.
    /// If libstemmer fails (it can only run out of memory), `body` gets the word itself.
    func withStem<R>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = word.baseAddress, word.count > 0, word.count <= Int(Int32.max),
              let stem = sb_stemmer_stem(handle, base, Int32(word.count))
        else { return body(word) }
        return body(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(handle))))
    }

    /// Stems a word given as a string of lower-case letters.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            withStem(of: bytes) { String(decoding: $0, as: UTF8.self) }
        }
    }
}
