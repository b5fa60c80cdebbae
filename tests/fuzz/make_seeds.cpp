// Writes seed inputs for the fuzz targets: for each FILE, the report parse() gives as
// JSON, into OUTDIR (used for fuzz_json's seed corpus, generated at run time from the
// development corpus, never committed).
//
//   reportage_fuzz_seeds OUTDIR FILE...
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: reportage_fuzz_seeds OUTDIR FILE...\n");
        return 2;
    }
    const std::string outdir = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::ofstream out(outdir + "/report-" + std::to_string(i - 1) + ".json", std::ios::binary);
        out << reportage::to_json_string(reportage::parse(text), i % 2 == 0 ? -1 : 1);
    }
    return 0;
}
