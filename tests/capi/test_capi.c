/* Tests of the C ABI, in plain C (compiled as C99 with -pedantic -Werror).
 *
 * Each check prints what it pins down when it fails; the program exits non-zero when any
 * check failed. The texts are written for these tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reportage/reportage.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond, what)                                                             \
    do {                                                                              \
        ++checks;                                                                     \
        if (!(cond)) {                                                                \
            ++failures;                                                               \
            fprintf(stderr, "%s:%d: FAILED: %s (%s)\n", __FILE__, __LINE__, what, #cond); \
        }                                                                             \
    } while (0)

/* A NULL argument gives RPT_EINVALID and a non-empty message, never a crash. */
#define CHECK_NULL_ARG(call)                                                              \
    do {                                                                                  \
        int rc_;                                                                          \
        rpt_error_clear();                                                                \
        rc_ = (call);                                                                     \
        CHECK(rc_ == RPT_EINVALID, "NULL argument is RPT_EINVALID: " #call);              \
        CHECK(rpt_last_error()[0] != '\0', "NULL argument sets a message: " #call);       \
        CHECK(rpt_last_error_code() == RPT_EINVALID, "NULL argument sets the code: " #call); \
    } while (0)

static const char sample[] =
    "Harbour reopens after storm\n"
    "\n"
    "By Ana Pell\n"
    "\n"
    "PORT ELLIS (Northwire) \xE2\x80\x94 The harbour reopened on Tuesday, officials said.\n"
    "\n"
    "\"We are open for business,\" said Mara Quell, the harbour master.\n"
    "\n"
    "Fishing crews returned to the quay by noon, according to the port authority.\n";

static rpt_report *parse_sample(void)
{
    rpt_parse_options opts = RPT_PARSE_OPTIONS_INIT;
    rpt_report *report = NULL;
    opts.published = "2025-03-18";
    opts.name = "sample.txt";
    CHECK(rpt_parse(sample, sizeof sample - 1, &opts, &report) == RPT_OK, "the sample parses");
    CHECK(report != NULL, "rpt_parse writes the report");
    return report;
}

static void test_versions(void)
{
    CHECK(strcmp(rpt_version(), RPT_VERSION_STRING) == 0, "rpt_version matches the header");
    CHECK(rpt_version_number() == RPT_VERSION_NUMBER, "rpt_version_number matches the header");
    CHECK(RPT_VERSION_NUMBER == RPT_VERSION_MAJOR * 1000000 + RPT_VERSION_MINOR * 1000 + RPT_VERSION_PATCH,
          "RPT_VERSION_NUMBER is composed of the parts");
}

static void test_every_function_rejects_null_arguments(void)
{
    rpt_report *report = parse_sample();
    rpt_parse_options opts = RPT_PARSE_OPTIONS_INIT;
    rpt_report *out_report = NULL;
    char *str = NULL;
    size_t n = 0;
    const rpt_article *article = NULL;
    const rpt_text *text = NULL;
    const rpt_source *source = NULL;
    const rpt_claim *claim = NULL;
    const rpt_timex *timex = NULL;
    const rpt_event *event = NULL;
    const rpt_diagnostic *diagnostic = NULL;

    CHECK_NULL_ARG(rpt_parse_options_init(NULL, RPT_PARSE_OPTIONS_VERSION));
    CHECK_NULL_ARG(rpt_parse(NULL, 3, &opts, &out_report));
    CHECK_NULL_ARG(rpt_parse(NULL, 0, NULL, &out_report));
    CHECK_NULL_ARG(rpt_parse("abc", 3, &opts, NULL));
    CHECK(out_report == NULL, "a failed rpt_parse leaves *out alone");

    CHECK_NULL_ARG(rpt_report_to_json(NULL, 0, &str, &n));
    CHECK_NULL_ARG(rpt_report_to_json(report, 0, NULL, &n));
    CHECK_NULL_ARG(rpt_query(NULL, "claims", &str));
    CHECK_NULL_ARG(rpt_query(report, NULL, &str));
    CHECK_NULL_ARG(rpt_query(report, "claims", NULL));
    CHECK(str == NULL, "failed calls leave *out alone");

    CHECK_NULL_ARG(rpt_report_article(NULL, &article));
    CHECK_NULL_ARG(rpt_report_article(report, NULL));
    CHECK_NULL_ARG(rpt_report_input_bytes(NULL, &n));
    CHECK_NULL_ARG(rpt_report_input_bytes(report, NULL));
    CHECK_NULL_ARG(rpt_report_paragraph_count(NULL, &n));
    CHECK_NULL_ARG(rpt_report_paragraph_count(report, NULL));
    CHECK_NULL_ARG(rpt_report_paragraph(NULL, 0, &text));
    CHECK_NULL_ARG(rpt_report_paragraph(report, 0, NULL));
    CHECK_NULL_ARG(rpt_report_source_count(NULL, &n));
    CHECK_NULL_ARG(rpt_report_source_count(report, NULL));
    CHECK_NULL_ARG(rpt_report_source(NULL, 0, &source));
    CHECK_NULL_ARG(rpt_report_source(report, 0, NULL));
    CHECK_NULL_ARG(rpt_report_claim_count(NULL, &n));
    CHECK_NULL_ARG(rpt_report_claim_count(report, NULL));
    CHECK_NULL_ARG(rpt_report_claim(NULL, 0, &claim));
    CHECK_NULL_ARG(rpt_report_claim(report, 0, NULL));
    CHECK_NULL_ARG(rpt_report_timex_count(NULL, &n));
    CHECK_NULL_ARG(rpt_report_timex_count(report, NULL));
    CHECK_NULL_ARG(rpt_report_timex(NULL, 0, &timex));
    CHECK_NULL_ARG(rpt_report_timex(report, 0, NULL));
    CHECK_NULL_ARG(rpt_report_event_count(NULL, &n));
    CHECK_NULL_ARG(rpt_report_event_count(report, NULL));
    CHECK_NULL_ARG(rpt_report_event(NULL, 0, &event));
    CHECK_NULL_ARG(rpt_report_event(report, 0, NULL));
    CHECK_NULL_ARG(rpt_report_diagnostic_count(NULL, &n));
    CHECK_NULL_ARG(rpt_report_diagnostic_count(report, NULL));
    CHECK_NULL_ARG(rpt_report_diagnostic(NULL, 0, &diagnostic));
    CHECK_NULL_ARG(rpt_report_diagnostic(report, 0, NULL));

    /* The void functions accept NULL and do nothing. */
    rpt_report_free(NULL);
    rpt_string_free(NULL);
    rpt_error_clear();
    CHECK(rpt_last_error() != NULL && rpt_last_error()[0] == '\0', "rpt_error_clear empties the message");
    CHECK(rpt_last_error_code() == RPT_OK, "rpt_error_clear resets the code");
    rpt_report_free(report);
}

static void test_options(void)
{
    rpt_parse_options opts;
    rpt_report *report = NULL;
    memset(&opts, 0xAB, sizeof opts);
    CHECK(rpt_parse_options_init(&opts, RPT_PARSE_OPTIONS_VERSION) == RPT_OK, "options init succeeds");
    CHECK(opts.version == RPT_PARSE_OPTIONS_VERSION && opts.published == NULL && opts.name == NULL,
          "options init fills the defaults");
    CHECK(rpt_parse_options_init(&opts, 999) == RPT_EINVALID, "an unknown options version is refused");

    rpt_parse_options_init(&opts, RPT_PARSE_OPTIONS_VERSION);
    opts.published = "2025-02-30";
    CHECK(rpt_parse("x", 1, &opts, &report) == RPT_EINVALID, "an invalid publication date is refused");
    CHECK(strstr(rpt_last_error(), "published") != NULL, "the message names the field");
    CHECK(report == NULL, "no report on failure");

    opts.published = NULL;
    opts.version = 42;
    CHECK(rpt_parse("x", 1, &opts, &report) == RPT_EINVALID, "options with an unknown version are refused");

    CHECK(rpt_parse("", 0, NULL, &report) == RPT_OK, "empty input with default options parses");
    rpt_report_free(report);
    report = NULL;
    CHECK(rpt_parse("a\0b\xff\xfe", 5, NULL, &report) == RPT_OK, "binary input parses");
    rpt_report_free(report);
}

static void test_accessors(void)
{
    rpt_report *report = parse_sample();
    const rpt_article *article = NULL;
    const rpt_text *paragraph = NULL;
    const rpt_source *source = NULL;
    const rpt_claim *claim = NULL;
    size_t n = 0, i, count;

    CHECK(rpt_report_input_bytes(report, &n) == RPT_OK && n == sizeof sample - 1, "input bytes");
    CHECK(rpt_report_article(report, &article) == RPT_OK, "article");
    CHECK(strcmp(article->published_origin, "given") == 0, "published date given by the caller");
    CHECK(article->published != NULL && strcmp(article->published, "2025-03-18") == 0, "published date");
    CHECK(rpt_report_paragraph_count(report, &n) == RPT_OK && n == article->paragraph_count,
          "paragraph count agrees with the article");
    for (i = 0; i < n; ++i) {
        CHECK(rpt_report_paragraph(report, i, &paragraph) == RPT_OK, "paragraph by index");
        CHECK(paragraph->span.end <= sizeof sample - 1 && paragraph->span.begin <= paragraph->span.end,
              "paragraph span inside the input");
        CHECK(strlen(paragraph->text) == paragraph->length, "paragraph length");
    }
    CHECK(rpt_report_paragraph(report, n, &paragraph) == RPT_ERANGE, "index past the end is RPT_ERANGE");
    CHECK(strstr(rpt_last_error(), "out of range") != NULL, "range message");

    CHECK(rpt_report_source_count(report, &count) == RPT_OK, "source count");
    CHECK(rpt_report_claim_count(report, &n) == RPT_OK, "claim count");
    for (i = 0; i < n; ++i) {
        CHECK(rpt_report_claim(report, i, &claim) == RPT_OK, "claim by index");
        CHECK(claim->id != NULL && claim->kind != NULL && claim->content != NULL, "claim strings set");
        if (claim->source_id != NULL) {
            CHECK(claim->source_index < count, "the claim's source index is valid");
            CHECK(rpt_report_source(report, claim->source_index, &source) == RPT_OK, "linked source");
            CHECK(strcmp(source->id, claim->source_id) == 0, "the link leads to the source with that id");
        } else {
            CHECK(claim->source_index == RPT_NONE, "no source: RPT_NONE");
        }
    }
    CHECK(rpt_report_claim(report, n, &claim) == RPT_ERANGE, "claim past the end is RPT_ERANGE");
    rpt_report_free(report);
}

static void test_json_and_query(void)
{
    rpt_report *report = parse_sample();
    char *json = NULL;
    size_t len = 0;
    char *deep;
    size_t i;
    const size_t depth = 50000;

    CHECK(rpt_report_to_json(report, RPT_JSON_COMPACT, &json, &len) == RPT_OK, "to_json");
    CHECK(json != NULL && strlen(json) == len, "to_json length");
    CHECK(json != NULL && strstr(json, "\"schema\":\"reportage/1\"") != NULL, "schema tag");
    rpt_string_free(json);
    json = NULL;
    CHECK(rpt_report_to_json(report, RPT_JSON_PRETTY, &json, NULL) == RPT_OK, "pretty to_json without length");
    CHECK(json != NULL && strchr(json, '\n') != NULL, "pretty JSON has lines");
    rpt_string_free(json);
    json = NULL;
    CHECK(rpt_report_to_json(report, 0x80u, &json, NULL) == RPT_EINVALID, "unknown flags are refused");

    CHECK(rpt_query(report, "paragraphs where text ~ \"HARBOUR\" limit 1", &json) == RPT_OK, "query");
    CHECK(json != NULL && json[0] == '[', "a query gives a JSON array");
    rpt_string_free(json);
    json = NULL;

    CHECK(rpt_query(report, "claims where source.name ~", &json) == RPT_EQUERY, "malformed query");
    CHECK(strstr(rpt_last_error(), "position 27") != NULL, "the message gives the position");
    CHECK(strstr(rpt_last_error(), "expected a value") != NULL, "the message says what was expected");
    CHECK(rpt_last_error_code() == RPT_EQUERY, "last error code");
    CHECK(json == NULL, "no output on failure");

    deep = (char *)malloc(2 * depth + 32);
    CHECK(deep != NULL, "allocation");
    if (deep != NULL) {
        strcpy(deep, "claims where ");
        len = strlen(deep);
        for (i = 0; i < depth; ++i) deep[len++] = '(';
        memcpy(deep + len, "inherited", 9);
        len += 9;
        for (i = 0; i < depth; ++i) deep[len++] = ')';
        deep[len] = '\0';
        CHECK(rpt_query(report, deep, &json) == RPT_EQUERY, "50,000 nested parentheses: an error, not a crash");
        CHECK(strstr(rpt_last_error(), "nested") != NULL, "the message explains the nesting limit");
        free(deep);
    }
    rpt_report_free(report);
}

int main(void)
{
    test_versions();
    test_every_function_rejects_null_arguments();
    test_options();
    test_accessors();
    test_json_and_query();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
