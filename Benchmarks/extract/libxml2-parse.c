/*
 * The floor under page extraction: libxml2's HTML parser alone (parse to a tree, free it) on the same saved pages
 * that `kino bench extract` reads, with the options Kino uses. Prints pages/s and MB/s of the median of `runs` runs.
 * `Benchmarks/extract/run` builds it and runs it side by side with Kino's extraction.
 */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s RUNS PAGE.html...\n", argv[0]);
        return 2;
    }
    int runs = atoi(argv[1]), count = argc - 2;
    if (runs < 1) runs = 1;
    char **pages = calloc(count, sizeof *pages);
    long *sizes = calloc(count, sizeof *sizes), total = 0;
    for (int i = 0; i < count; i++) {
        FILE *file = fopen(argv[i + 2], "rb");
        if (!file) { perror(argv[i + 2]); return 1; }
        fseek(file, 0, SEEK_END);
        sizes[i] = ftell(file);
        fseek(file, 0, SEEK_SET);
        pages[i] = malloc(sizes[i]);
        if (fread(pages[i], 1, sizes[i], file) != (size_t)sizes[i]) { perror(argv[i + 2]); return 1; }
        fclose(file);
        total += sizes[i];
    }
    xmlInitParser();
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    double *times = calloc(runs, sizeof *times);
    for (int run = -1; run < runs; run++) {
        double start = seconds();
        for (int i = 0; i < count; i++) xmlFreeDoc(htmlReadMemory(pages[i], (int)sizes[i], "page", "UTF-8", options));
        if (run >= 0) times[run] = seconds() - start;
    }
    qsort(times, runs, sizeof *times, compare);
    double median = times[runs / 2];
    printf("libxml2 parse only: %d pages, %.2f MB, %d runs: pages/s %.1f   MB/s %.1f\n", count, total / 1e6, runs,
           count / median, total / 1e6 / median);
    return 0;
}
