// The local HTTP server of the scraper's tests and benchmarks; its routes are added by the files beside this one.
