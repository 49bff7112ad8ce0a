import Testing
import KinoText

/// ЙЦУКЕН ↔ QWERTY conversion of text typed in the wrong layout, punctuation keys included.
struct KeyboardLayoutTests {
    @Test(arguments: [
        ("vfnhbwf", "матрица"),
        (",hfn", "брат"),
        ("ghbdtn", "привет"),
        ("[jnf,sx", "хотабыч"),
        ("`krb", "ёлки"),
        ("Cnfkrth", "Сталкер"),
        ("cjkzhbc", "солярис"),
        ("ntkj ,hfn 2", "тело брат 2"),
        ("ult? pf`v", "где, заём"),
    ])
    func latinKeysGiveRussianLetters(typed: String, meant: String) {
        #expect(KeyboardLayout.toCyrillic(typed) == meant)
    }

    @Test(arguments: [
        ("ыефк цфкы", "star wars"),
        ("ьфекшч", "matrix"),
        ("Рщьу Фдщту", "Home Alone"),
        ("ер\"", "th@"),
        ("ф.и", "a/b"),
    ])
    func russianKeysGiveLatinLetters(typed: String, meant: String) {
        #expect(KeyboardLayout.toLatin(typed) == meant)
    }

    @Test func conversionRoundTripsOnEveryKey() {
        let keys = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&"
        #expect(KeyboardLayout.toLatin(KeyboardLayout.toCyrillic(keys)) == keys)
        let russian = "ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,\"№;:?"
        #expect(KeyboardLayout.toCyrillic(KeyboardLayout.toLatin(russian)) == russian)
    }

    @Test func otherCharactersAreKept() {
        #expect(KeyboardLayout.toCyrillic("1999 東京 !") == "1999 東京 !")
        #expect(KeyboardLayout.toLatin("1999 東京 !") == "1999 東京 !")
    }
}
