/// A ``Tokenizer`` with its resources, borrowed from ``WorkspacePool`` by one analysis call at a time.
final class Workspace {
    var tokenizer = Tokenizer()

    deinit {
        tokenizer.free()
    }
}
