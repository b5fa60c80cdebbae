// reportage — version numbers.
#ifndef REPORTAGE_VERSION_HPP
#define REPORTAGE_VERSION_HPP

#define REPORTAGE_VERSION_MAJOR 0
#define REPORTAGE_VERSION_MINOR 1
#define REPORTAGE_VERSION_PATCH 0
#define REPORTAGE_VERSION_STRING "0.1.0"

#include "reportage/export.hpp"

namespace reportage {

// The library's version at run time (may differ from the header's when linked shared).
REPORTAGE_API const char* version() noexcept;

}  // namespace reportage

#endif  // REPORTAGE_VERSION_HPP
