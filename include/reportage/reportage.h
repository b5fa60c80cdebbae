/*
 * reportage — the C ABI.
 *
 * A stable C interface to the reportage library: parse a news report, read its
 * article, sources, claims, time expressions, events and diagnostics through typed
 * accessors, run a query (docs/query.md), or get the whole report as JSON (schema
 * "reportage/1", docs/format.md). The header is C89 and C99 clean and usable from C++.
 *
 * Conventions (after libgit2):
 *  - Every symbol starts with rpt_, every macro with RPT_.
 *  - Functions return an int status: RPT_OK (0) on success, a negative RPT_E* code on
 *    failure. Outputs are written through the last parameter(s), and only on success.
 *  - After a failure, rpt_last_error() describes it. The message is thread-local.
 *  - A NULL or otherwise invalid argument is reported as RPT_EINVALID, never a crash.
 *    No C++ exception ever crosses this interface.
 *  - Ownership: rpt_report* is owned by the caller and freed with rpt_report_free();
 *    char* results (JSON) are owned by the caller and freed with rpt_string_free() (never
 *    with free()). Every const pointer read out of a report (strings, spans, the
 *    rpt_source, rpt_claim ... records) is BORROWED: it stays valid, unchanged, until
 *    rpt_report_free() is called on that report.
 *  - Strings are UTF-8 and NUL-terminated; a NULL string field means "unknown" (the JSON
 *    null). Spans are half-open UTF-8 byte offsets into the input exactly as given.
 *  - Records (rpt_source ...) are allocated by the library, so later versions may append
 *    fields at their end without breaking callers compiled against this header.
 *
 * Thread safety: rpt_parse() is reentrant. A report is immutable once returned: any
 * number of threads may call the accessors, rpt_report_to_json() and rpt_query() on the
 * same report at once. rpt_report_free() must not run concurrently with other calls on
 * the same report. There is no global initialisation.
 */
#ifndef REPORTAGE_REPORTAGE_H
#define REPORTAGE_REPORTAGE_H

#include <stddef.h>

#if defined(_WIN32) && !defined(RPT_STATIC)
#if defined(RPT_BUILDING_SHARED)
#define RPT_EXTERN __declspec(dllexport)
#else
#define RPT_EXTERN __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define RPT_EXTERN __attribute__((visibility("default")))
#else
#define RPT_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ versions */

#define RPT_VERSION_MAJOR 0
#define RPT_VERSION_MINOR 1
#define RPT_VERSION_PATCH 0
#define RPT_VERSION_STRING "0.1.0"
/* MAJOR * 1000000 + MINOR * 1000 + PATCH, for #if comparisons. */
#define RPT_VERSION_NUMBER 1000
/* The schema tag of the JSON this library writes. */
#define RPT_SCHEMA "reportage/1"

/* The library's version string ("0.1.0"), which may differ from RPT_VERSION_STRING when
 * linked dynamically. Static storage; never NULL. Thread-safe. */
RPT_EXTERN const char *rpt_version(void);

/* The library's RPT_VERSION_NUMBER at run time. Thread-safe. */
RPT_EXTERN int rpt_version_number(void);

/* ------------------------------------------------------------------ errors */

enum {
    RPT_OK = 0,          /* success */
    RPT_ERROR = -1,      /* an unexpected internal error */
    RPT_EINVALID = -2,   /* a NULL or invalid argument (bad option, unknown version) */
    RPT_ERANGE = -3,     /* an index out of range */
    RPT_ENOMEM = -4,     /* out of memory */
    RPT_EQUERY = -5      /* a malformed query; the message gives position and expectation */
};

/* The message of the last failure on the calling thread ("" when none yet). Never NULL.
 * Valid until the next rpt_ call on this thread; copy it to keep it. Thread-local. */
RPT_EXTERN const char *rpt_last_error(void);

/* The status code of the last failure on the calling thread (RPT_OK when none yet).
 * Thread-local. */
RPT_EXTERN int rpt_last_error_code(void);

/* Forgets the calling thread's last failure. Thread-local. */
RPT_EXTERN void rpt_error_clear(void);

/* ------------------------------------------------------------------ parsing */

#define RPT_PARSE_OPTIONS_VERSION 1

typedef struct rpt_parse_options {
    unsigned int version;  /* RPT_PARSE_OPTIONS_VERSION */
    /* Publication date "YYYY-MM-DD", or NULL. Relative dates resolve against it.
     * Borrowed for the duration of rpt_parse() only. */
    const char *published;
    /* A name for the input (a file name), echoed as input.name in the JSON; or NULL. */
    const char *name;
    /* Input beyond this many bytes is not analysed (a diagnostic says so); 0 = no limit. */
    size_t max_bytes;
} rpt_parse_options;

#define RPT_PARSE_OPTIONS_INIT { RPT_PARSE_OPTIONS_VERSION, NULL, NULL, ((size_t)256 * 1024 * 1024) }

/* Fills *opts with the defaults of RPT_PARSE_OPTIONS_INIT for the given struct version
 * (pass RPT_PARSE_OPTIONS_VERSION). RPT_EINVALID for NULL or an unknown version. */
RPT_EXTERN int rpt_parse_options_init(rpt_parse_options *opts, unsigned int version);

/* An analysed report. Opaque; owned by the caller. */
typedef struct rpt_report rpt_report;

/* Parses len bytes at text (any bytes: invalid UTF-8, NUL bytes and binary data give a
 * report with diagnostics). opts may be NULL for the defaults. On success *out receives
 * a new report that the caller frees with rpt_report_free(). The text is copied: the
 * caller may free it at once.
 * Errors: RPT_EINVALID (text or out NULL, invalid options: the message names the field),
 * RPT_ENOMEM. Reentrant: any number of threads may parse at once. */
RPT_EXTERN int rpt_parse(const char *text, size_t len, const rpt_parse_options *opts,
                         rpt_report **out);

/* Frees a report and everything borrowed from it. NULL is allowed and does nothing. */
RPT_EXTERN void rpt_report_free(rpt_report *report);

/* ------------------------------------------------------------------ JSON and queries */

#define RPT_JSON_COMPACT 0u  /* one line */
#define RPT_JSON_PRETTY 1u   /* indented by two spaces */

/* The report as JSON text (schema "reportage/1"). On success *out receives a
 * NUL-terminated string owned by the caller (free it with rpt_string_free()) and, when
 * out_len is not NULL, *out_len its length in bytes. Errors: RPT_EINVALID (report or out
 * NULL, unknown flags), RPT_ENOMEM. Thread-safe on a shared report. */
RPT_EXTERN int rpt_report_to_json(const rpt_report *report, unsigned int flags, char **out,
                                  size_t *out_len);

/* Runs a query (docs/query.md), e.g. "claims where source.name ~ \"Doe\"". On success
 * *out receives the matching items as a JSON array (owned; rpt_string_free()).
 * Errors: RPT_EINVALID (a NULL argument), RPT_EQUERY (malformed query: the message reads
 * "query error at position N: expected X, found Y"), RPT_ENOMEM. Linear in the report's
 * size; bounded nesting. Thread-safe on a shared report. */
RPT_EXTERN int rpt_query(const rpt_report *report, const char *query, char **out);

/* Frees a string returned by this library. NULL is allowed and does nothing. */
RPT_EXTERN void rpt_string_free(char *str);

/* ------------------------------------------------------------------ records */

/* No index: the value of a *_index field whose link is absent. */
#define RPT_NONE ((size_t)-1)

typedef struct rpt_span {
    size_t begin;  /* byte offset of the first byte */
    size_t end;    /* byte offset one past the last byte */
} rpt_span;

/* A piece of text and its span. text is NULL when the item is absent (e.g. no headline). */
typedef struct rpt_text {
    const char *text;
    size_t length;  /* bytes in text, without the NUL */
    rpt_span span;
} rpt_text;

typedef struct rpt_author {
    const char *name;
    const char *role;  /* or NULL */
    rpt_span span;
} rpt_author;

typedef struct rpt_media {
    rpt_text caption;
    const char *credit;  /* or NULL */
} rpt_media;

typedef struct rpt_article {
    const char *outlet_name;     /* or NULL */
    const char *outlet_tagline;  /* or NULL */
    rpt_text headline;           /* text NULL when none */
    rpt_text standfirst;         /* text NULL when none */
    size_t author_count;
    const rpt_author *authors;
    size_t agency_count;
    const char *const *agencies;
    const char *published;         /* "YYYY-MM-DD" or NULL */
    const char *published_origin;  /* "given", "text", "inferred" or "unknown" */
    int has_dateline;
    const char *dateline_place;    /* NULL when no dateline */
    const char *dateline_agency;   /* or NULL */
    rpt_span dateline_span;
    size_t media_count;
    const rpt_media *media;
    size_t paragraph_count;
    const rpt_text *paragraphs;
    size_t see_also_count;
    const rpt_text *see_also;
    rpt_text author_bio;           /* text NULL when none */
    size_t boilerplate_count;
    const rpt_text *boilerplate;
} rpt_article;

typedef struct rpt_source {
    const char *id;           /* "s1" ... */
    const char *name;
    const char *kind;         /* "person", "organization", "group", "media", "document", "unknown" */
    int named;                /* 0 or 1 */
    int official;             /* 0 or 1 */
    const char *role;         /* or NULL */
    const char *affiliation;  /* or NULL */
    size_t mention_count;
    const rpt_span *mentions;
} rpt_source;

typedef struct rpt_claim {
    const char *id;             /* "c1" ... */
    const char *kind;           /* "direct", "mixed", "indirect", "according_to" */
    const char *content;        /* the claimed text */
    size_t content_length;
    size_t span_count;          /* one span per paragraph of the content */
    const rpt_span *spans;
    const char *source_id;      /* or NULL when no speaker was found */
    size_t source_index;        /* index for rpt_report_source(), or RPT_NONE */
    int has_source_mention;
    rpt_span source_mention;
    const char *cue;            /* "said", "according to" ...; NULL when none */
    const char *cue_lemma;      /* NULL when no cue */
    rpt_span cue_span;
    int inherited;              /* 0 or 1 */
    const char *nested_in_id;   /* or NULL */
    size_t nested_in_index;     /* index for rpt_report_claim(), or RPT_NONE */
    size_t paragraph;           /* index into the article's paragraphs, or RPT_NONE */
} rpt_claim;

typedef struct rpt_timex {
    const char *id;     /* "t1" ... */
    const char *text;
    rpt_span span;
    const char *type;   /* "DATE", "TIME", "DURATION", "SET" */
    const char *value;  /* TimeML value */
    const char *anchor; /* "published", a timex id, or NULL */
    size_t anchor_index; /* index for rpt_report_timex() when anchored to a timex, else RPT_NONE */
} rpt_timex;

/* A count of people. Values beyond the range of long are clamped to it. */
typedef struct rpt_count {
    const char *key;        /* "killed", "injured", "detained", "participants", "displaced" */
    int has_value;
    long value;
    int has_low;
    long low;
    int has_high;
    long high;
    const char *qualifier;  /* "exact", "approx", "at_least", "more_than", "at_most", "range", "vague" */
    const char *text;
    rpt_span span;
} rpt_count;

typedef struct rpt_actor {
    const char *role;       /* "agent" or "target" */
    const char *name;
    rpt_span span;
    const char *source_id;  /* or NULL */
    size_t source_index;    /* or RPT_NONE */
} rpt_actor;

typedef struct rpt_event {
    const char *id;                    /* "e1" ... */
    const char *type;                  /* "attack", "protest" ... */
    const char *acled_event_type;      /* or NULL */
    const char *acled_sub_event_type;  /* or NULL */
    rpt_text trigger;
    const char *date;                  /* TimeML value or NULL */
    size_t date_timex_index;           /* or RPT_NONE */
    const char *end_date;              /* or NULL */
    size_t end_date_timex_index;       /* or RPT_NONE */
    const char *place;                 /* or NULL */
    rpt_span place_span;
    size_t actor_count;
    const rpt_actor *actors;
    size_t count_count;
    const rpt_count *counts;
    size_t claim_count;
    const size_t *claims;              /* indices for rpt_report_claim() */
    size_t source_count;
    const size_t *sources;             /* indices for rpt_report_source() */
} rpt_event;

typedef struct rpt_diagnostic {
    const char *code;
    const char *severity;  /* "info", "warning", "error" */
    const char *message;
    int has_span;
    rpt_span span;
} rpt_diagnostic;

/* ------------------------------------------------------------------ accessors
 *
 * Each *_count function writes a count to *out; each by-index function writes a
 * borrowed pointer to *out (valid until rpt_report_free()). Errors: RPT_EINVALID for a
 * NULL argument, RPT_ERANGE for an index >= the count. All are O(1) and thread-safe.
 */

/* The article: outlet, headline, byline, dateline, body paragraphs, captions ... */
RPT_EXTERN int rpt_report_article(const rpt_report *report, const rpt_article **out);

/* The size in bytes of the input the report was made from. */
RPT_EXTERN int rpt_report_input_bytes(const rpt_report *report, size_t *out);

RPT_EXTERN int rpt_report_paragraph_count(const rpt_report *report, size_t *out);
RPT_EXTERN int rpt_report_paragraph(const rpt_report *report, size_t index, const rpt_text **out);

RPT_EXTERN int rpt_report_source_count(const rpt_report *report, size_t *out);
RPT_EXTERN int rpt_report_source(const rpt_report *report, size_t index, const rpt_source **out);

RPT_EXTERN int rpt_report_claim_count(const rpt_report *report, size_t *out);
RPT_EXTERN int rpt_report_claim(const rpt_report *report, size_t index, const rpt_claim **out);

RPT_EXTERN int rpt_report_timex_count(const rpt_report *report, size_t *out);
RPT_EXTERN int rpt_report_timex(const rpt_report *report, size_t index, const rpt_timex **out);

RPT_EXTERN int rpt_report_event_count(const rpt_report *report, size_t *out);
RPT_EXTERN int rpt_report_event(const rpt_report *report, size_t index, const rpt_event **out);

RPT_EXTERN int rpt_report_diagnostic_count(const rpt_report *report, size_t *out);
RPT_EXTERN int rpt_report_diagnostic(const rpt_report *report, size_t index,
                                     const rpt_diagnostic **out);

#ifdef __cplusplus
}
#endif

#endif /* REPORTAGE_REPORTAGE_H */
