// Every *.txt file of the development corpus (REPORTAGE_CORPUS_DIR) parses into a report
// whose JSON conforms to docs/report.schema.json, round-trips through json.hpp unchanged,
// and whose input.bytes and spans agree with the file. Skips, saying "[skipped]", when the
// corpus folder is missing.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"
#include "report_spans.hpp"
#include "unit/schema_validator.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using report_spans::all_spans;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}


// Problems found, by kind; the first few of each kind are kept in full.
struct Problems {
    static constexpr std::size_t kept = 10;
    std::map<std::string, std::size_t> counts;
    std::map<std::string, std::vector<std::string>> examples;

    void add(const std::string& kind, const std::string& detail) {
        if (counts[kind]++ < kept) examples[kind].push_back(detail);
    }
    std::size_t total() const {
        std::size_t n = 0;
        for (const auto& kv : counts) n += kv.second;
        return n;
    }
    std::string report() const {
        std::string s;
        for (const auto& [kind, n] : counts) {
            s += "\n" + kind + ": " + std::to_string(n) + " file(s)";
            for (const auto& e : examples.at(kind)) s += "\n    " + e;
        }
        return s;
    }
};

}  // namespace

TEST_CASE("every corpus text gives schema-valid JSON that round-trips, with spans inside the input") {
    const fs::path root(REPORTAGE_CORPUS_DIR);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        MESSAGE("[skipped] corpus folder not found: " << root.string());
        return;
    }

    const fs::path schema_path = fs::path(REPORTAGE_SOURCE_DIR) / "docs" / "report.schema.json";
    const std::string schema_text = slurp(schema_path);
    REQUIRE_MESSAGE(!schema_text.empty(), "cannot read " << schema_path.string());
    const schema_check::Validator validator(json::parse(schema_text));
    REQUIRE(validator.unsupported_keywords().empty());

    // gva/ is JSON lines and timeml/ is .tml: only *.txt files are articles.
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::follow_directory_symlink);
         it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    REQUIRE_MESSAGE(!files.empty(), "no *.txt files under " << root.string());

    Problems problems;
    std::size_t total_bytes = 0, total_spans = 0, total_diagnostics = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const fs::path& path : files) {
        const std::string name = fs::relative(path, root).generic_string();
        const std::string input = slurp(path);
        total_bytes += input.size();
        const auto on_disk = fs::file_size(path, ec);

        reportage::Report report;
        try {
            reportage::ParseOptions options;
            options.name = path.filename().string();
            report = reportage::parse(input, options);
        } catch (const std::exception& e) {
            problems.add("parse() threw", name + ": " + e.what());
            continue;
        }

        const json j = reportage::to_json(report);

        // (a) the JSON conforms to the schema
        const auto errors = validator.validate(j);
        if (!errors.empty()) {
            std::string first = errors.front();
            if (errors.size() > 1) first += " (+" + std::to_string(errors.size() - 1) + " more)";
            problems.add("schema violations", name + ": " + first);
        }

        // (b) round trip, through the value and through the text
        try {
            if (reportage::to_json(reportage::from_json(j)) != j)
                problems.add("value round trip differs", name);
            const std::string text = reportage::to_json_string(report);
            if (reportage::to_json(reportage::report_from_json_string(text)) != j)
                problems.add("text round trip differs (invalid UTF-8 in a string?)", name);
        } catch (const std::exception& e) {
            problems.add("round trip threw", name + ": " + e.what());
        }

        // (c) sizes and spans agree with the input
        if (ec || report.input.bytes != on_disk || report.input.bytes != input.size())
            problems.add("input.bytes differs from the file size",
                         name + ": input.bytes " + std::to_string(report.input.bytes) + ", file " +
                             std::to_string(static_cast<unsigned long long>(on_disk)));
        for (const auto& labelled : all_spans(report)) {
            const reportage::Span s = labelled.second;
            ++total_spans;
            if (s.begin > s.end || s.end > input.size()) {
                problems.add("span reversed or beyond the input", name + ": " + labelled.first + " [" + std::to_string(s.begin) +
                                                           ", " + std::to_string(s.end) + "] in " +
                                                           std::to_string(input.size()) + " bytes");
                break;
            }
        }
        total_diagnostics += report.diagnostics.size();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    MESSAGE(files.size() << " files, " << total_bytes << " bytes, " << total_spans << " spans, "
                         << total_diagnostics << " diagnostics checked in " << seconds << " s");
    CHECK_MESSAGE(problems.total() == 0, problems.total() << " problem(s):" << problems.report());
}
