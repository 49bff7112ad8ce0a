internal import CICU

/// Bare ICU word breaking, the baseline the analysis benchmark compares against.
@_spi(Benchmarks)
public enum WordBreakBaseline {
    /// Counts the word and number segments ICU finds in UTF-16 text, with one break iterator for all of it.
    public static func countWords(in texts: [[UInt16]]) -> Int {
        WorkspacePool.shared.withWorkspace { workspace in
            var count = 0
            for text in texts {
                text.withUnsafeBufferPointer { units in
                    var status: Int32 = 0
                    kino_ubrk_set_text(workspace.tokenizer.breaker, units.baseAddress, Int32(units.count), &status)
                    guard status <= 0 else { return }
                    _ = kino_ubrk_first(workspace.tokenizer.breaker)
                    while kino_ubrk_next(workspace.tokenizer.breaker) >= 0 {
                        if kino_ubrk_rule_status(workspace.tokenizer.breaker) >= KINO_UBRK_WORD_NONE_LIMIT {
                            count += 1
                        }
                    }
                }
            }
            return count
        }
    }
}
