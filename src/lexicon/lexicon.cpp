#include "lexicon/lexicon.hpp"

#include <memory>
#include <stdexcept>
#include <string>

namespace reportage::lexicon {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// All tables, parsed once on first use. The map is built completely before it is
// published, so readers never see it change.
const std::unordered_map<std::string_view, std::unique_ptr<Table>>& all_tables() {
    static const auto tables = [] {
        std::unordered_map<std::string_view, std::unique_ptr<Table>> m;
        for (const auto& f : embedded_files()) m.emplace(f.name, std::make_unique<Table>(f.content));
        return m;
    }();
    return tables;
}

}  // namespace

Table::Table(std::string_view content) {
    while (!content.empty()) {
        auto nl = content.find('\n');
        std::string_view line = content.substr(0, nl);
        content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string_view> fields;
        while (true) {
            auto tab = line.find('\t');
            fields.push_back(trim(line.substr(0, tab)));
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        std::string_view key = fields.front();
        fields.erase(fields.begin());
        rows_.emplace(key, std::move(fields));
    }
}

const std::vector<std::string_view>* Table::find(std::string_view key) const {
    auto it = rows_.find(key);
    return it == rows_.end() ? nullptr : &it->second;
}

std::string_view field(const Table& t, std::string_view key, std::size_t i) {
    const auto* row = t.find(key);
    if (!row || row->size() <= i) return {};
    return (*row)[i];
}

const Table& table(std::string_view name) {
    const auto& tables = all_tables();
    auto it = tables.find(name);
    if (it == tables.end()) throw std::out_of_range("reportage: no lexicon named " + std::string(name));
    return *it->second;
}

}  // namespace reportage::lexicon
