import Foundation

/// A country by ISO 3166-1 alpha-2 code, with Russian and English names.
///
/// - Every current ISO 3166-1 country (249 codes) plus Kosovo under the widely used user-assigned
///   code XK.
/// - Historical states use their former ISO codes: SU СССР, YU Югославия (the SFRY, and also the
///   FR Yugoslavia of 1992–2003 and its 2003–2006 successor Serbia and Montenegro, which held YU
///   until 2003), CS Чехословакия, DD ГДР, AN Netherlands Antilles.
/// - West Germany (ФРГ, "Германия (ФРГ)", "West Germany", also "Западный Берлин") maps to DE:
///   DE was the FRG's own ISO code from 1974, and reunified Germany kept it.
/// - Caveat: CS means Czechoslovakia here. ISO reassigned CS to Serbia and Montenegro in 2003–2006,
///   and TMDB uses it that way (one film, "Coriolanus", 2011: `{"iso_3166_1":"CS","name":"Serbia and
///   Montenegro"}`). An importer holding both a code and a name should look up the name first.
///
/// Encodes as its code string ("US"); decoding accepts only codes of the table.
public struct Country: Hashable, Codable, Sendable, Comparable {
    public let code: String

    /// The country with this code (case-insensitive, e.g. "us", "SU"); nil when not in the table.
    public init?(code: String) {
        let upper = code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard Self.names[upper] != nil else { return nil }
        self.code = upper
    }

    private init(known code: String) {
        self.code = code
    }

    /// The Russian name, e.g. "США", "Южная Корея", "СССР".
    public var nameRU: String { Self.names[code]?.ru ?? code }

    /// The English name, e.g. "United States", "South Korea", "Soviet Union".
    public var nameEN: String { Self.names[code]?.en ?? code }

    /// Every country of the table, in table order (current ISO countries, then historical ones).
    public static let all: [Country] = table.map { Country(known: $0.code) }

    public static func < (lhs: Country, rhs: Country) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let country = Country(code: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Unknown country code \(raw)")
        }
        self = country
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

extension Country: CustomStringConvertible {
    public var description: String { code }
}

// MARK: - Lookup and list parsing

extension Country {
    /// Looks up one country name in Russian or English (any common variant: "США",
    /// "United States of America", "USA", "Великобритания", "UK", "Корея Южная", "Южная Корея",
    /// "South Korea", "Германия (ФРГ)", ...), or an ISO code ("US", "us"); nil when unknown.
    /// Case-insensitive, trims whitespace and trailing dots, ё→е; dashes and the spaces around
    /// them are equivalent ("Папуа — Новая Гвинея" = "Папуа-Новая Гвинея"); Latin look-alike
    /// letters inside a Cyrillic word are read as Cyrillic ("CША" with a Latin C).
    public static func lookup(_ name: String) -> Country? {
        let key = normalize(name)
        guard !key.isEmpty, let code = aliases[key] else { return nil }
        return Country(known: code)
    }

    /// Splits a list of countries as the sources write it and maps each: "США - Великобритания",
    /// "США-Германия", "Россия, Франция", "Франция ,Италия", "США — Канада", "; "-separated —
    /// but keeps names that contain hyphens whole ("Гвинея-Бисау", "Сьерра-Леоне",
    /// "Папуа — Новая Гвинея", "Германия-Италия- Шри-Ланка" → DE, IT, LK). A semicolon inside a
    /// word is a typo and is dropped ("К;анада"). Returns the countries in order without
    /// duplicates, and the pieces it could not map (trimmed, as written).
    public static func parseList(_ raw: String) -> (countries: [Country], unknown: [String]) {
        var countries: [Country] = []
        var seen: Set<String> = []
        var unknown: [String] = []
        func found(_ country: Country) {
            if seen.insert(country.code).inserted { countries.append(country) }
        }

        if let whole = lookup(raw) {
            return ([whole], [])
        }
        for segment in hardSegments(raw) {
            if let country = lookup(segment) {
                found(country)
                continue
            }
            // Dashes are ambiguous (separator or part of a name): take the longest run of
            // dash-separated pieces that is a known name, from left to right.
            let pieces = segment
                .split(whereSeparator: { dashes.contains($0) })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            var i = 0
            while i < pieces.count {
                var matched = false
                var j = pieces.count
                while j > i {
                    if let country = lookup(pieces[i..<j].joined(separator: "-")) {
                        found(country)
                        i = j
                        matched = true
                        break
                    }
                    j -= 1
                }
                if !matched {
                    unknown.append(pieces[i])
                    i += 1
                }
            }
        }
        return (countries, unknown)
    }

    private static let dashes: Set<Character> = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}",
    ]

    /// Splits on commas and on semicolons next to whitespace; other semicolons are dropped.
    private static func hardSegments(_ raw: String) -> [String] {
        var segments: [String] = []
        var current = ""
        let chars = Array(raw)
        for (i, ch) in chars.enumerated() {
            if ch == "," {
                segments.append(current)
                current = ""
            } else if ch == ";" {
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                if before.isWhitespace || after.isWhitespace {
                    segments.append(current)
                    current = ""
                }
            } else {
                current.append(ch)
            }
        }
        segments.append(current)
        return segments
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// Latin letters that look like Cyrillic ones (after lower-casing).
    private static let homoglyphs: [Character: Character] = [
        "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о", "p": "р",
        "t": "т", "x": "х", "y": "у",
    ]

    /// The lookup key: lower case, ё→е, dashes "-", apostrophes "'", no spaces around "-", "(",
    /// ")" or after ".", runs of whitespace one space, trimmed of whitespace and trailing dots.
    static func normalize(_ name: String) -> String {
        var chars: [Character] = []
        var hasLatin = false
        var hasCyrillic = false
        for raw in name.lowercased() {
            var ch = raw
            if ch == "ё" { ch = "е" }
            if dashes.contains(ch) { ch = "-" }
            if ch == "\u{2019}" || ch == "\u{02BC}" || ch == "`" || ch == "\u{2018}" { ch = "'" }
            if ch.isWhitespace { ch = " " }
            if ch.isLetter {
                if ch.isASCII { hasLatin = true }
                else if let scalar = ch.unicodeScalars.first, (0x0400...0x04FF).contains(scalar.value) {
                    hasCyrillic = true
                }
            }
            chars.append(ch)
        }
        if hasLatin && hasCyrillic {
            chars = chars.map { homoglyphs[$0] ?? $0 }
        }
        // Collapse whitespace and drop it next to "-", "(", ")" and after ".".
        var out: [Character] = []
        var pendingSpace = false
        for ch in chars {
            if ch == " " {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last,
               !"-(.".contains(last), !"-)".contains(ch) {
                if ch == "(" {
                    // "германия (фрг)" and "германия(фрг)" are the same key
                } else {
                    out.append(" ")
                }
            }
            pendingSpace = false
            out.append(ch)
        }
        while let last = out.last, last == "." || last == " " { out.removeLast() }
        return String(out)
    }

    /// Normalized alias (names in both languages, variants, codes) → code, built once.
    private static let aliasTable: (map: [String: String], conflicts: [String]) = {
        var map: [String: String] = [:]
        var conflicts: [String] = []
        func add(_ alias: String, _ code: String) {
            let key = normalize(alias)
            guard !key.isEmpty else { return }
            if let existing = map[key] {
                if existing != code { conflicts.append("\(alias): \(existing) vs \(code)") }
            } else {
                map[key] = code
            }
        }
        for row in table {
            add(row.code, row.code)
            add(row.ru, row.code)
            add(row.en, row.code)
        }
        for (alias, code) in variants {
            if names[code] == nil { conflicts.append("\(alias): unknown code \(code)") }
            add(alias, code)
        }
        return (map, conflicts)
    }()

    static var aliases: [String: String] { aliasTable.map }

    /// Aliases that were mapped to two codes, or to a code not in the table (should be empty).
    static var aliasConflicts: [String] { aliasTable.conflicts }

    private static let names: [String: (ru: String, en: String)] = {
        var names: [String: (ru: String, en: String)] = [:]
        for row in table { names[row.code] = (row.ru, row.en) }
        return names
    }()
}

// MARK: - Tables

extension Country {
    /// ISO 3166-1 alpha-2 (all 249 current codes), Kosovo, and historical states.
    /// (code, Russian name, English name).
    static let table: [(code: String, ru: String, en: String)] = [
        ("AD", "Андорра", "Andorra"),
        ("AE", "ОАЭ", "United Arab Emirates"),
        ("AF", "Афганистан", "Afghanistan"),
        ("AG", "Антигуа и Барбуда", "Antigua and Barbuda"),
        ("AI", "Ангилья", "Anguilla"),
        ("AL", "Албания", "Albania"),
        ("AM", "Армения", "Armenia"),
        ("AO", "Ангола", "Angola"),
        ("AQ", "Антарктида", "Antarctica"),
        ("AR", "Аргентина", "Argentina"),
        ("AS", "Американское Самоа", "American Samoa"),
        ("AT", "Австрия", "Austria"),
        ("AU", "Австралия", "Australia"),
        ("AW", "Аруба", "Aruba"),
        ("AX", "Аландские острова", "Åland Islands"),
        ("AZ", "Азербайджан", "Azerbaijan"),
        ("BA", "Босния и Герцеговина", "Bosnia and Herzegovina"),
        ("BB", "Барбадос", "Barbados"),
        ("BD", "Бангладеш", "Bangladesh"),
        ("BE", "Бельгия", "Belgium"),
        ("BF", "Буркина-Фасо", "Burkina Faso"),
        ("BG", "Болгария", "Bulgaria"),
        ("BH", "Бахрейн", "Bahrain"),
        ("BI", "Бурунди", "Burundi"),
        ("BJ", "Бенин", "Benin"),
        ("BL", "Сен-Бартелеми", "Saint Barthélemy"),
        ("BM", "Бермудские Острова", "Bermuda"),
        ("BN", "Бруней", "Brunei"),
        ("BO", "Боливия", "Bolivia"),
        ("BQ", "Бонэйр, Синт-Эстатиус и Саба", "Caribbean Netherlands"),
        ("BR", "Бразилия", "Brazil"),
        ("BS", "Багамы", "Bahamas"),
        ("BT", "Бутан", "Bhutan"),
        ("BV", "Остров Буве", "Bouvet Island"),
        ("BW", "Ботсвана", "Botswana"),
        ("BY", "Беларусь", "Belarus"),
        ("BZ", "Белиз", "Belize"),
        ("CA", "Канада", "Canada"),
        ("CC", "Кокосовые острова", "Cocos (Keeling) Islands"),
        ("CD", "ДР Конго", "DR Congo"),
        ("CF", "ЦАР", "Central African Republic"),
        ("CG", "Республика Конго", "Republic of the Congo"),
        ("CH", "Швейцария", "Switzerland"),
        ("CI", "Кот-д’Ивуар", "Côte d’Ivoire"),
        ("CK", "Острова Кука", "Cook Islands"),
        ("CL", "Чили", "Chile"),
        ("CM", "Камерун", "Cameroon"),
        ("CN", "Китай", "China"),
        ("CO", "Колумбия", "Colombia"),
        ("CR", "Коста-Рика", "Costa Rica"),
        ("CU", "Куба", "Cuba"),
        ("CV", "Кабо-Верде", "Cabo Verde"),
        ("CW", "Кюрасао", "Curaçao"),
        ("CX", "Остров Рождества", "Christmas Island"),
        ("CY", "Кипр", "Cyprus"),
        ("CZ", "Чехия", "Czechia"),
        ("DE", "Германия", "Germany"),
        ("DJ", "Джибути", "Djibouti"),
        ("DK", "Дания", "Denmark"),
        ("DM", "Доминика", "Dominica"),
        ("DO", "Доминиканская Республика", "Dominican Republic"),
        ("DZ", "Алжир", "Algeria"),
        ("EC", "Эквадор", "Ecuador"),
        ("EE", "Эстония", "Estonia"),
        ("EG", "Египет", "Egypt"),
        ("EH", "Западная Сахара", "Western Sahara"),
        ("ER", "Эритрея", "Eritrea"),
        ("ES", "Испания", "Spain"),
        ("ET", "Эфиопия", "Ethiopia"),
        ("FI", "Финляндия", "Finland"),
        ("FJ", "Фиджи", "Fiji"),
        ("FK", "Фолклендские острова", "Falkland Islands"),
        ("FM", "Микронезия", "Micronesia"),
        ("FO", "Фарерские острова", "Faroe Islands"),
        ("FR", "Франция", "France"),
        ("GA", "Габон", "Gabon"),
        ("GB", "Великобритания", "United Kingdom"),
        ("GD", "Гренада", "Grenada"),
        ("GE", "Грузия", "Georgia"),
        ("GF", "Французская Гвиана", "French Guiana"),
        ("GG", "Гернси", "Guernsey"),
        ("GH", "Гана", "Ghana"),
        ("GI", "Гибралтар", "Gibraltar"),
        ("GL", "Гренландия", "Greenland"),
        ("GM", "Гамбия", "Gambia"),
        ("GN", "Гвинея", "Guinea"),
        ("GP", "Гваделупа", "Guadeloupe"),
        ("GQ", "Экваториальная Гвинея", "Equatorial Guinea"),
        ("GR", "Греция", "Greece"),
        ("GS", "Южная Георгия и Южные Сандвичевы острова", "South Georgia and the South Sandwich Islands"),
        ("GT", "Гватемала", "Guatemala"),
        ("GU", "Гуам", "Guam"),
        ("GW", "Гвинея-Бисау", "Guinea-Bissau"),
        ("GY", "Гайана", "Guyana"),
        ("HK", "Гонконг", "Hong Kong"),
        ("HM", "Остров Херд и острова Макдональд", "Heard Island and McDonald Islands"),
        ("HN", "Гондурас", "Honduras"),
        ("HR", "Хорватия", "Croatia"),
        ("HT", "Гаити", "Haiti"),
        ("HU", "Венгрия", "Hungary"),
        ("ID", "Индонезия", "Indonesia"),
        ("IE", "Ирландия", "Ireland"),
        ("IL", "Израиль", "Israel"),
        ("IM", "Остров Мэн", "Isle of Man"),
        ("IN", "Индия", "India"),
        ("IO", "Британская территория в Индийском океане", "British Indian Ocean Territory"),
        ("IQ", "Ирак", "Iraq"),
        ("IR", "Иран", "Iran"),
        ("IS", "Исландия", "Iceland"),
        ("IT", "Италия", "Italy"),
        ("JE", "Джерси", "Jersey"),
        ("JM", "Ямайка", "Jamaica"),
        ("JO", "Иордания", "Jordan"),
        ("JP", "Япония", "Japan"),
        ("KE", "Кения", "Kenya"),
        ("KG", "Киргизия", "Kyrgyzstan"),
        ("KH", "Камбоджа", "Cambodia"),
        ("KI", "Кирибати", "Kiribati"),
        ("KM", "Коморы", "Comoros"),
        ("KN", "Сент-Китс и Невис", "Saint Kitts and Nevis"),
        ("KP", "КНДР", "North Korea"),
        ("KR", "Южная Корея", "South Korea"),
        ("KW", "Кувейт", "Kuwait"),
        ("KY", "Каймановы острова", "Cayman Islands"),
        ("KZ", "Казахстан", "Kazakhstan"),
        ("LA", "Лаос", "Laos"),
        ("LB", "Ливан", "Lebanon"),
        ("LC", "Сент-Люсия", "Saint Lucia"),
        ("LI", "Лихтенштейн", "Liechtenstein"),
        ("LK", "Шри-Ланка", "Sri Lanka"),
        ("LR", "Либерия", "Liberia"),
        ("LS", "Лесото", "Lesotho"),
        ("LT", "Литва", "Lithuania"),
        ("LU", "Люксембург", "Luxembourg"),
        ("LV", "Латвия", "Latvia"),
        ("LY", "Ливия", "Libya"),
        ("MA", "Марокко", "Morocco"),
        ("MC", "Монако", "Monaco"),
        ("MD", "Молдова", "Moldova"),
        ("ME", "Черногория", "Montenegro"),
        ("MF", "Сен-Мартен", "Saint Martin"),
        ("MG", "Мадагаскар", "Madagascar"),
        ("MH", "Маршалловы Острова", "Marshall Islands"),
        ("MK", "Северная Македония", "North Macedonia"),
        ("ML", "Мали", "Mali"),
        ("MM", "Мьянма", "Myanmar"),
        ("MN", "Монголия", "Mongolia"),
        ("MO", "Макао", "Macao"),
        ("MP", "Северные Марианские острова", "Northern Mariana Islands"),
        ("MQ", "Мартиника", "Martinique"),
        ("MR", "Мавритания", "Mauritania"),
        ("MS", "Монтсеррат", "Montserrat"),
        ("MT", "Мальта", "Malta"),
        ("MU", "Маврикий", "Mauritius"),
        ("MV", "Мальдивы", "Maldives"),
        ("MW", "Малави", "Malawi"),
        ("MX", "Мексика", "Mexico"),
        ("MY", "Малайзия", "Malaysia"),
        ("MZ", "Мозамбик", "Mozambique"),
        ("NA", "Намибия", "Namibia"),
        ("NC", "Новая Каледония", "New Caledonia"),
        ("NE", "Нигер", "Niger"),
        ("NF", "Остров Норфолк", "Norfolk Island"),
        ("NG", "Нигерия", "Nigeria"),
        ("NI", "Никарагуа", "Nicaragua"),
        ("NL", "Нидерланды", "Netherlands"),
        ("NO", "Норвегия", "Norway"),
        ("NP", "Непал", "Nepal"),
        ("NR", "Науру", "Nauru"),
        ("NU", "Ниуэ", "Niue"),
        ("NZ", "Новая Зеландия", "New Zealand"),
        ("OM", "Оман", "Oman"),
        ("PA", "Панама", "Panama"),
        ("PE", "Перу", "Peru"),
        ("PF", "Французская Полинезия", "French Polynesia"),
        ("PG", "Папуа — Новая Гвинея", "Papua New Guinea"),
        ("PH", "Филиппины", "Philippines"),
        ("PK", "Пакистан", "Pakistan"),
        ("PL", "Польша", "Poland"),
        ("PM", "Сен-Пьер и Микелон", "Saint Pierre and Miquelon"),
        ("PN", "Острова Питкэрн", "Pitcairn Islands"),
        ("PR", "Пуэрто-Рико", "Puerto Rico"),
        ("PS", "Палестина", "Palestine"),
        ("PT", "Португалия", "Portugal"),
        ("PW", "Палау", "Palau"),
        ("PY", "Парагвай", "Paraguay"),
        ("QA", "Катар", "Qatar"),
        ("RE", "Реюньон", "Réunion"),
        ("RO", "Румыния", "Romania"),
        ("RS", "Сербия", "Serbia"),
        ("RU", "Россия", "Russia"),
        ("RW", "Руанда", "Rwanda"),
        ("SA", "Саудовская Аравия", "Saudi Arabia"),
        ("SB", "Соломоновы Острова", "Solomon Islands"),
        ("SC", "Сейшельские Острова", "Seychelles"),
        ("SD", "Судан", "Sudan"),
        ("SE", "Швеция", "Sweden"),
        ("SG", "Сингапур", "Singapore"),
        ("SH", "Остров Святой Елены", "Saint Helena, Ascension and Tristan da Cunha"),
        ("SI", "Словения", "Slovenia"),
        ("SJ", "Шпицберген и Ян-Майен", "Svalbard and Jan Mayen"),
        ("SK", "Словакия", "Slovakia"),
        ("SL", "Сьерра-Леоне", "Sierra Leone"),
        ("SM", "Сан-Марино", "San Marino"),
        ("SN", "Сенегал", "Senegal"),
        ("SO", "Сомали", "Somalia"),
        ("SR", "Суринам", "Suriname"),
        ("SS", "Южный Судан", "South Sudan"),
        ("ST", "Сан-Томе и Принсипи", "São Tomé and Príncipe"),
        ("SV", "Сальвадор", "El Salvador"),
        ("SX", "Синт-Мартен", "Sint Maarten"),
        ("SY", "Сирия", "Syria"),
        ("SZ", "Эсватини", "Eswatini"),
        ("TC", "Теркс и Кайкос", "Turks and Caicos Islands"),
        ("TD", "Чад", "Chad"),
        ("TF", "Французские Южные и Антарктические территории", "French Southern Territories"),
        ("TG", "Того", "Togo"),
        ("TH", "Таиланд", "Thailand"),
        ("TJ", "Таджикистан", "Tajikistan"),
        ("TK", "Токелау", "Tokelau"),
        ("TL", "Восточный Тимор", "Timor-Leste"),
        ("TM", "Туркменистан", "Turkmenistan"),
        ("TN", "Тунис", "Tunisia"),
        ("TO", "Тонга", "Tonga"),
        ("TR", "Турция", "Turkey"),
        ("TT", "Тринидад и Тобаго", "Trinidad and Tobago"),
        ("TV", "Тувалу", "Tuvalu"),
        ("TW", "Тайвань", "Taiwan"),
        ("TZ", "Танзания", "Tanzania"),
        ("UA", "Украина", "Ukraine"),
        ("UG", "Уганда", "Uganda"),
        ("UM", "Внешние малые острова США", "United States Minor Outlying Islands"),
        ("US", "США", "United States"),
        ("UY", "Уругвай", "Uruguay"),
        ("UZ", "Узбекистан", "Uzbekistan"),
        ("VA", "Ватикан", "Vatican City"),
        ("VC", "Сент-Винсент и Гренадины", "Saint Vincent and the Grenadines"),
        ("VE", "Венесуэла", "Venezuela"),
        ("VG", "Британские Виргинские острова", "British Virgin Islands"),
        ("VI", "Американские Виргинские острова", "U.S. Virgin Islands"),
        ("VN", "Вьетнам", "Vietnam"),
        ("VU", "Вануату", "Vanuatu"),
        ("WF", "Уоллис и Футуна", "Wallis and Futuna"),
        ("WS", "Самоа", "Samoa"),
        ("YE", "Йемен", "Yemen"),
        ("YT", "Майотта", "Mayotte"),
        ("ZA", "ЮАР", "South Africa"),
        ("ZM", "Замбия", "Zambia"),
        ("ZW", "Зимбабве", "Zimbabwe"),
        // User-assigned code, used by the EU, IMF and most film databases.
        ("XK", "Косово", "Kosovo"),
        // Historical states, under their former ISO codes.
        ("SU", "СССР", "Soviet Union"),
        ("YU", "Югославия", "Yugoslavia"),
        ("CS", "Чехословакия", "Czechoslovakia"),
        ("DD", "ГДР", "East Germany"),
        ("AN", "Нидерландские Антильские острова", "Netherlands Antilles"),
    ]

    /// Other spellings → code. Full official names, Kinopoisk's forms, abbreviations, former
    /// names, and the typos the sources contain.
    static let variants: [(String, String)] = [
        // United States
        ("Соединённые Штаты", "US"), ("Соединённые Штаты Америки", "US"), ("Америка", "US"),
        ("United States of America", "US"), ("USA", "US"), ("U.S.A.", "US"), ("U.S.", "US"),
        ("America", "US"),
        // United Kingdom (and its constituent countries, which film sources use loosely)
        ("Соединённое Королевство", "GB"), ("Англия", "GB"), ("Шотландия", "GB"), ("Уэльс", "GB"),
        ("Северная Ирландия", "GB"), ("Британия", "GB"),
        ("UK", "GB"), ("U.K.", "GB"), ("Great Britain", "GB"), ("Britain", "GB"), ("England", "GB"),
        ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        // Russia
        ("Российская Федерация", "RU"), ("РФ", "RU"), ("Russian Federation", "RU"),
        // Soviet Union
        ("Советский Союз", "SU"), ("Союз Советских Социалистических Республик", "SU"),
        ("USSR", "SU"), ("U.S.S.R.", "SU"), ("Soviet Union", "SU"), ("UdSSR", "SU"),
        // Germany; West Germany and West Berlin → DE (the FRG held DE from 1974)
        ("ФРГ", "DE"), ("Германия (ФРГ)", "DE"), ("Западная Германия", "DE"), ("Западный Берлин", "DE"),
        ("Федеративная Республика Германия", "DE"),
        ("West Germany", "DE"), ("West Berlin", "DE"), ("Federal Republic of Germany", "DE"),
        ("Germany (FRG)", "DE"), ("Deutschland", "DE"),
        // East Germany
        ("Германия (ГДР)", "DD"), ("Восточная Германия", "DD"),
        ("Германская Демократическая Республика", "DD"),
        ("East Germany", "DD"), ("GDR", "DD"), ("German Democratic Republic", "DD"),
        ("Germany (GDR)", "DD"), ("DDR", "DD"),
        // Yugoslavia: SFRY, FR Yugoslavia, and Serbia and Montenegro (the FRY renamed in 2003)
        ("СФРЮ", "YU"), ("Югославия (ФР)", "YU"), ("Союзная Республика Югославия", "YU"),
        ("СРЮ", "YU"), ("Сербия и Черногория", "YU"),
        ("Yugoslavia", "YU"), ("Federal Republic of Yugoslavia", "YU"),
        ("Socialist Federal Republic of Yugoslavia", "YU"), ("Serbia and Montenegro", "YU"),
        // Czechoslovakia (ЧССР: its 1960–1990 Russian abbreviation)
        ("ЧССР", "CS"), ("ЧСФР", "CS"), ("ЧСР", "CS"), ("Czechoslovakia", "CS"),
        // Czechia
        ("Чешская Республика", "CZ"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
        // Socialist-era abbreviations of the Warsaw Pact and Asian states
        ("ВНР", "HU"), ("ПНР", "PL"), ("НРБ", "BG"), ("СРР", "RO"), ("МНР", "MN"),
        ("КНР", "CN"), ("ДРВ", "VN"), ("СРВ", "VN"), ("НРА", "AL"),
        // China and around
        ("People's Republic of China", "CN"), ("PRC", "CN"), ("Китайская Народная Республика", "CN"),
        ("Hong Kong SAR China", "HK"), ("Гонконг (Китай)", "HK"), ("Сянган", "HK"),
        ("Macau", "MO"), ("Аомынь", "MO"),
        ("Taiwan, Province of China", "TW"), ("Китайская Республика", "TW"),
        // Korea ("Корея" alone is a South Korean film in every source row that uses it)
        ("Корея Южная", "KR"), ("Республика Корея", "KR"), ("Ю.Корея", "KR"), ("Ю. Корея", "KR"),
        ("Корея", "KR"),
        ("Korea, Republic of", "KR"), ("Republic of Korea", "KR"), ("Korea, South", "KR"),
        ("Korea", "KR"),
        ("Корея Северная", "KP"), ("Северная Корея", "KP"),
        ("Корейская Народно-Демократическая Республика", "KP"),
        ("Korea, Democratic People's Republic of", "KP"), ("DPRK", "KP"), ("Korea, North", "KP"),
        // Kinopoisk and common Russian forms
        ("Беларусь", "BY"), ("Белоруссия", "BY"), ("Республика Беларусь", "BY"), ("Byelorussia", "BY"),
        ("Республика Армения", "AM"), ("Республика Казахстан", "KZ"), ("Республика Узбекистан", "UZ"),
        ("Республика Кипр", "CY"), ("Республика Молдова", "MD"), ("Молдавия", "MD"),
        ("Кыргызстан", "KG"), ("Киргизстан", "KG"), ("Kyrgyz Republic", "KG"), ("Kirghizia", "KG"),
        ("Туркмения", "TM"),
        ("Голландия", "NL"), ("Holland", "NL"), ("The Netherlands", "NL"),
        ("Нидерландские Антилы", "AN"),
        ("Доминикана", "DO"), ("Доминиканская республика", "DO"),
        ("Объединённые Арабские Эмираты", "AE"), ("UAE", "AE"),
        ("Южно-Африканская Республика", "ZA"), ("Южная Африка", "ZA"), ("RSA", "ZA"),
        ("Центральноафриканская Республика", "CF"),
        ("Конго (ДР)", "CD"), ("ДРК", "CD"), ("Демократическая Республика Конго", "CD"),
        ("Заир", "CD"), ("Zaire", "CD"), ("Congo, The Democratic Republic of the", "CD"),
        ("Democratic Republic of the Congo", "CD"), ("Congo (Kinshasa)", "CD"),
        ("Конго", "CG"), ("Congo", "CG"), ("Congo (Brazzaville)", "CG"), ("Congo-Brazzaville", "CG"),
        ("Кот-д'Ивуар", "CI"), ("Кот д'Ивуар", "CI"), ("Берег Слоновой Кости", "CI"),
        ("Cote d'Ivoire", "CI"), ("Ivory Coast", "CI"),
        ("Кабо Верде", "CV"), ("Острова Зелёного Мыса", "CV"), ("Cape Verde", "CV"),
        ("Папуа-Новая Гвинея", "PG"), ("Папуа Новая Гвинея", "PG"),
        ("Пуэрто Рико", "PR"),
        ("Шри Ланка", "LK"), ("Цейлон", "LK"), ("Ceylon", "LK"),
        ("Босния-Герцеговина", "BA"), ("Босния", "BA"), ("Bosnia", "BA"), ("Bosnia-Herzegovina", "BA"),
        ("Македония", "MK"), ("Республика Македония", "MK"), ("Macedonia", "MK"),
        ("Republic of Macedonia", "MK"), ("FYROM", "MK"),
        ("Бирма", "MM"), ("Burma", "MM"),
        ("Таиланд", "TH"), ("Тайланд", "TH"), ("Сиам", "TH"), ("Siam", "TH"),
        ("Кампучия", "KH"), ("Kampuchea", "KH"),
        ("Вьетнам Северный", "VN"), ("Вьетнам Южный", "VN"), ("Viet Nam", "VN"),
        ("North Vietnam", "VN"), ("South Vietnam", "VN"),
        ("Персия", "IR"), ("Persia", "IR"), ("Iran, Islamic Republic of", "IR"),
        ("Сирийская Арабская Республика", "SY"), ("Syrian Arab Republic", "SY"),
        ("Палестинская территория", "PS"), ("Palestinian Territory", "PS"),
        ("Palestinian Territories", "PS"), ("State of Palestine", "PS"),
        ("Libyan Arab Jamahiriya", "LY"),
        ("Lao People's Democratic Republic", "LA"),
        ("Moldova, Republic of", "MD"), ("Republic of Moldova", "MD"),
        ("Tanzania, United Republic of", "TZ"),
        ("Venezuela, Bolivarian Republic of", "VE"), ("Bolivia, Plurinational State of", "BO"),
        ("Micronesia, Federated States of", "FM"), ("Brunei Darussalam", "BN"),
        ("Holy See", "VA"), ("Vatican", "VA"), ("Святой Престол", "VA"),
        ("Swaziland", "SZ"), ("Свазиленд", "SZ"),
        ("Turkey", "TR"), ("Türkiye", "TR"), ("Турецкая Республика", "TR"),
        ("Сейшелы", "SC"), ("Бермуды", "BM"), ("Багамские острова", "BS"), ("Багамские Острова", "BS"),
        ("The Bahamas", "BS"), ("The Gambia", "GM"),
        ("Виргинские Острова (США)", "VI"), ("Виргинские Острова (Британские)", "VG"),
        ("Virgin Islands, U.S.", "VI"), ("Virgin Islands, British", "VG"),
        ("Остров Святой Елены, Вознесения и Тристан-да-Кунья", "SH"), ("Saint Helena", "SH"),
        ("Тимор-Лесте", "TL"), ("East Timor", "TL"),
        ("Guadaloupe", "GP"),
        ("Реюньон", "RE"), ("Reunion", "RE"), ("Curacao", "CW"), ("Aland Islands", "AX"),
        ("Княжество Андорра", "AD"), ("Княжество Монако", "MC"), ("Княжество Лихтенштейн", "LI"),
        ("Великое Герцогство Люксембург", "LU"),
        ("Верхняя Вольта", "BF"), ("Upper Volta", "BF"), ("Дагомея", "BJ"), ("Dahomey", "BJ"),
        ("Родезия", "ZW"), ("Rhodesia", "ZW"),
        ("Netherlands Antilles", "AN"),
        // Typos seen in ru-mkrf production_country ("CША" with a Latin C is handled by normalize)
        ("СЩА", "US"), ("Бенльгия", "BE"), ("Германя", "DE"), ("Изриль", "IL"), ("Норвения", "NO"),
        ("Порртугалия", "PT"), ("Фрация", "FR"), ("Н.Зеландия", "NZ"), ("Н. Зеландия", "NZ"),
    ]
}
