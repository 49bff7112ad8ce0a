import Testing

/// The suites that start other programs (Chromium through chromedriver, `kino` itself): they run one at a time, so
/// that on a small machine they do not starve the timing-sensitive crawl tests running beside them.
@Suite(.serialized)
enum ProcessTests {}
