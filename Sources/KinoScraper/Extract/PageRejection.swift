/// Why part of a page gave no record (a JSON-LD script that is not JSON, a film object without a name, a cast page
/// without its film's title): the message goes to ``ExtractedPage/rejections``.
struct PageRejection: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
