/* reportage.h compiles as strict C89 (-std=c89 -pedantic -Werror). */
#include "reportage/reportage.h"

int reportage_c89_header_check(void);

int reportage_c89_header_check(void)
{
    rpt_parse_options opts = RPT_PARSE_OPTIONS_INIT;
    rpt_span span;
    span.begin = 0;
    span.end = RPT_NONE;
    return (int)opts.version + (int)(span.end - span.begin) + RPT_OK;
}
