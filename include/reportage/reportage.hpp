// reportage — umbrella header: the model, parse(), JSON conversion and queries.
#ifndef REPORTAGE_REPORTAGE_HPP
#define REPORTAGE_REPORTAGE_HPP

#include "reportage/json.hpp"
#include "reportage/model.hpp"
#include "reportage/parse.hpp"
#include "reportage/query.hpp"
#include "reportage/version.hpp"

#endif  // REPORTAGE_REPORTAGE_HPP
