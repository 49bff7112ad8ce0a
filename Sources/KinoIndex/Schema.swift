/// The fields and columns of an index: which texts are searchable, which keep word positions, and which numeric
/// values every document carries. A segment stores its schema in its `meta` file.
public struct Schema: Sendable, Hashable {
    /// A searchable text field.
    public struct Field: Sendable, Hashable {
        /// The number terms are keyed by.
        public var id: FieldID
        /// The field's name, unique in the schema.
        public var name: String
        /// Whether word positions are kept (needed for phrase and whole-title matches).
        public var positions: Bool
        /// Whether terms are stems (``Token/stem``) or whole normalized words (``Token/normalized``): a field of
        /// whole words lets typo and prefix look-ups see words as they are typed.
        public var stemmed: Bool

        /// Describes a text field.
        public init(id: FieldID, name: String, positions: Bool, stemmed: Bool = true) {
            self.id = id
            self.name = name
            self.positions = positions
            self.stemmed = stemmed
        }
    }

    /// A per-document numeric column.
    public struct Column: Sendable, Hashable {
        /// The number values are looked up by.
        public var id: ColumnID
        /// The column's name, unique in the schema.
        public var name: String
        /// What each document holds in the column.
        public var type: ColumnType

        /// Describes a column.
        public init(id: ColumnID, name: String, type: ColumnType) {
            self.id = id
            self.name = name
            self.type = type
        }
    }

    /// The text fields, in the order given.
    public let fields: [Field]
    /// The columns, in the order given.
    public let columns: [Column]

    /// Makes a schema; field ids, field names, column ids and column names must each be unique.
    public init(fields: [Field], columns: [Column] = []) throws(IndexError) {
        guard Set(fields.map(\.id)).count == fields.count, Set(fields.map(\.name)).count == fields.count else {
            throw IndexError(.invalidArgument, "schema: field ids and names must be unique")
        }
        guard Set(columns.map(\.id)).count == columns.count, Set(columns.map(\.name)).count == columns.count else {
            throw IndexError(.invalidArgument, "schema: column ids and names must be unique")
        }
        self.fields = fields
        self.columns = columns
    }

    /// The field with this id.
    public func field(_ id: FieldID) -> Field? {
        fields.first { $0.id == id }
    }

    /// The field with this name.
    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// The column with this id.
    public func column(_ id: ColumnID) -> Column? {
        columns.first { $0.id == id }
    }

    /// The column with this name.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}
