// Prints the claims of a news report grouped by source, with the C++ API.
//   claims_by_source_cpp [FILE]   (default: examples/data/sample-report.txt)
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <reportage/reportage.hpp>

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "examples/data/sample-report.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        return 1;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const reportage::Report report = reportage::parse(text);

    std::map<std::string, std::vector<const reportage::Claim*>> by_source;  // source id -> claims
    for (const auto& claim : report.claims) by_source[claim.source.value_or("")].push_back(&claim);

    auto print = [&](const std::string& id) {
        for (const auto* claim : by_source[id])
            std::cout << "  " << claim->id << " [" << reportage::to_string(claim->kind) << "] "
                      << claim->content.text << "\n";
    };
    for (const auto& source : report.sources) {
        std::cout << source.name << " (" << reportage::to_string(source.kind) << ", " << source.id << ")\n";
        print(source.id);
    }
    std::cout << "(no source)\n";
    print("");
}
