// reportage.h compiles as C++ with C linkage.
#include "reportage/reportage.h"

int reportage_cxx_header_check() {
    rpt_parse_options opts = RPT_PARSE_OPTIONS_INIT;
    return static_cast<int>(opts.version) + RPT_OK;
}
