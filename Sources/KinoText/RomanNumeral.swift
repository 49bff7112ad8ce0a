/// Upper-case Roman numerals in titles ("Rocky II", "Часть IV", "Людовик XIV"), read as numbers so that
/// "rocky 2" finds "Rocky II".
enum RomanNumeral {
    /// The value of a numeral written with I, V and X in canonical form, if it is between 2 and 39.
    /// Single letters are refused: "I, Robot" and "V for Vendetta" are words.
    static func value(ofUppercase text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count >= 2, text.count <= 8, text[0] == 73 || text[0] == 86 || text[0] == 88 else { return nil }
        var total = 0
        var previous = 0
        for byte in text.reversed() {
            let digit: Int
            switch byte {
            case UInt8(ascii: "I"): digit = 1
            case UInt8(ascii: "V"): digit = 5
            case UInt8(ascii: "X"): digit = 10
            default: return nil
            }
            if digit < previous {
                total -= digit
            } else {
                total += digit
                previous = digit
            }
        }
        guard (2...39).contains(total), canonical(total).elementsEqual(text) else { return nil }
        return total
    }

    /// The canonical spelling of 1...39 as ASCII bytes.
    private static func canonical(_ value: Int) -> [UInt8] {
        let tens = Array(repeating: UInt8(ascii: "X"), count: value / 10)
        let ones: [[UInt8]] = [[], [73], [73, 73], [73, 73, 73], [73, 86], [86], [86, 73], [86, 73, 73],
                               [86, 73, 73, 73], [73, 88]]
        return tens + ones[value % 10]
    }
}
