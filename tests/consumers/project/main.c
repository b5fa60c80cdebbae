/* A C consumer: parses a file with the C ABI and prints its paragraph and claim counts. */
#include <stdio.h>
#include <stdlib.h>

#include <reportage/reportage.h>

int main(int argc, char **argv)
{
    FILE *f;
    char *text;
    long size;
    rpt_report *report = NULL;
    size_t paragraphs = 0, claims = 0;

    if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) return 2;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = (char *)malloc((size_t)size + 1);
    if (text == NULL || fread(text, 1, (size_t)size, f) != (size_t)size) return 2;
    fclose(f);

    if (rpt_parse(text, (size_t)size, NULL, &report) != RPT_OK) {
        fprintf(stderr, "c: %s\n", rpt_last_error());
        return 1;
    }
    free(text);
    rpt_report_paragraph_count(report, &paragraphs);
    rpt_report_claim_count(report, &claims);
    printf("c: reportage %s, %lu paragraphs, %lu claims\n", rpt_version(), (unsigned long)paragraphs,
           (unsigned long)claims);
    rpt_report_free(report);
    return 0;
}
