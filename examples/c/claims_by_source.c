/* Prints the claims of a news report grouped by source, with the C API.
 *   claims_by_source [FILE]   (default: examples/data/sample-report.txt) */
#include <stdio.h>
#include <stdlib.h>

#include <reportage/reportage.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = (char *)malloc((size_t)size + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)size, f);
    }
    fclose(f);
    return buf;
}

static void print_claims_of(const rpt_report *report, size_t source_index)
{
    size_t i, n = 0;
    const rpt_claim *claim;
    rpt_report_claim_count(report, &n);
    for (i = 0; i < n; ++i) {
        rpt_report_claim(report, i, &claim);
        if (claim->source_index == source_index)
            printf("  %s [%s] %s\n", claim->id, claim->kind, claim->content);
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/data/sample-report.txt";
    size_t len = 0, i, n = 0;
    char *text = read_file(path, &len);
    rpt_report *report = NULL;
    const rpt_source *source;

    if (text == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    if (rpt_parse(text, len, NULL, &report) != RPT_OK) {
        fprintf(stderr, "reportage: %s\n", rpt_last_error());
        free(text);
        return 1;
    }
    free(text); /* the report keeps its own copy of what it needs */

    rpt_report_source_count(report, &n);
    for (i = 0; i < n; ++i) {
        rpt_report_source(report, i, &source);
        printf("%s (%s, %s)\n", source->name, source->kind, source->id);
        print_claims_of(report, i);
    }
    printf("(no source)\n");
    print_claims_of(report, RPT_NONE);
    rpt_report_free(report);
    return 0;
}
