#include "reportage/version.hpp"

namespace reportage {

const char* version() noexcept { return REPORTAGE_VERSION_STRING; }

}  // namespace reportage
