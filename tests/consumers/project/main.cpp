// A C++ consumer: parses a file and prints its paragraph and claim counts.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <reportage/query.hpp>
#include <reportage/reportage.hpp>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    std::ifstream in(argv[1], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const reportage::Report report = reportage::parse(text);
    const auto paragraphs = reportage::query(report, "paragraphs");
    std::cout << "cpp: reportage " << reportage::version() << ", " << paragraphs.size() << " paragraphs, "
              << report.claims.size() << " claims\n";
    return paragraphs.size() == report.article.paragraphs.size() ? 0 : 1;
}
