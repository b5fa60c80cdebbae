// Dates on structure lines: a line that states when the article was published or
// updated ("Published: March 3, 2012", "Updated 10:32 GMT, 4 May 2019", "December 20,
// 2011"), and the dateline that opens the first body paragraph ("MEXICO CITY (AP) —",
// "LONDON, March 3 (Reuters) -").
#include <cstdio>
#include <string_view>

#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

const std::vector<std::string_view>* date_row(const Page& page, std::uint32_t t) {
    static const lexicon::Table& dates = lexicon::table("layout_dates");
    return dates.find(page.tok(t).lex);
}

int month_of(const Page& page, std::uint32_t t) {
    const auto* row = date_row(page, t);
    if (!row || row->size() < 2 || (*row)[0] != "month") return 0;
    int m = 0;
    for (char c : (*row)[1]) m = m * 10 + (c - '0');
    return m;
}

// A number token 1..31, or "9th", "21st".
int day_of(const Page& page, std::uint32_t t) {
    std::string_view nm = page.norm(t);
    int d = 0;
    std::size_t i = 0;
    while (i < nm.size() && i < 2 && nm[i] >= '0' && nm[i] <= '9') d = d * 10 + (nm[i++] - '0');
    if (i == 0) return 0;
    std::string_view rest = nm.substr(i);
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
    return d >= 1 && d <= 31 ? d : 0;
}

int year_of(const Page& page, std::uint32_t t) {
    std::string_view nm = page.norm(t);
    if (nm.size() != 4) return 0;
    int y = 0;
    for (char c : nm) {
        if (c < '0' || c > '9') return 0;
        y = y * 10 + (c - '0');
    }
    return y >= 1900 && y <= 2100 ? y : 0;
}

bool valid_date(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
    if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return true;
}

std::string iso(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// "12/16/2011" or "2011/12/16" when the reading is unambiguous; "2011-12-16" in one token.
std::optional<std::string> numeric_date(std::string_view s) {
    int part[3] = {0, 0, 0};
    int len[3] = {0, 0, 0};
    int n = 0;
    char sep = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (len[n] >= 4) return std::nullopt;
            part[n] = part[n] * 10 + (c - '0');
            ++len[n];
        } else if ((c == '/' || c == '-' || c == '.') && (sep == 0 || sep == c) && n < 2 && len[n] > 0) {
            sep = c;
            ++n;
        } else {
            return std::nullopt;
        }
    }
    if (n != 2 || len[2] == 0) return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (len[0] == 4) {
        y = part[0], m = part[1], d = part[2];
    } else if (len[2] == 4) {
        y = part[2];
        if (part[0] > 12 && part[1] <= 12) d = part[0], m = part[1];
        else if (part[1] > 12 && part[0] <= 12) m = part[0], d = part[1];
        else if (part[0] == part[1]) m = d = part[0];
        else return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (y < 1900 || y > 2100 || !valid_date(y, m, d)) return std::nullopt;
    return iso(y, m, d);
}

bool is_dash(std::string_view nm) { return nm == "-" || nm == "--" || nm == "---"; }

}  // namespace

std::optional<FoundDate> find_full_date(const Page& page, std::uint32_t begin, std::uint32_t end) {
    for (std::uint32_t k = begin; k < end; ++k) {
        const auto kind = page.tok(k).kind;
        if (kind == text::TokenKind::number) {
            if (auto s = numeric_date(page.norm(k))) return FoundDate{*s, k, k + 1};
            // 2019 - 05 - 04 as five tokens
            if (k + 4 < end && year_of(page, k) && page.norm(k + 1) == "-" && page.norm(k + 3) == "-") {
                std::string joined = std::string(page.norm(k)) + "-" + std::string(page.norm(k + 2)) + "-" +
                                     std::string(page.norm(k + 4));
                if (auto s = numeric_date(joined)) return FoundDate{*s, k, k + 5};
            }
            continue;
        }
        int m = month_of(page, k);
        if (!m) continue;
        // Month Day[,] Year
        if (k + 2 < end) {
            int d = day_of(page, k + 1);
            std::uint32_t y_at = k + 2;
            if (d && y_at < end && page.norm(y_at) == ",") ++y_at;
            if (d && y_at < end) {
                int y = year_of(page, y_at);
                if (y && valid_date(y, m, d)) return FoundDate{iso(y, m, d), k, y_at + 1};
            }
        }
        // Day [of] Month[,] Year
        if (k > begin && k + 1 < end) {
            std::uint32_t d_at = k - 1;
            if (page.norm(d_at) == "of" && d_at > begin) --d_at;
            int d = day_of(page, d_at);
            std::uint32_t y_at = k + 1;
            if (page.norm(y_at) == "," && y_at + 1 < end) ++y_at;
            int y = year_of(page, y_at);
            if (d && y && valid_date(y, m, d)) return FoundDate{iso(y, m, d), d_at, y_at + 1};
        }
    }
    return std::nullopt;
}

bool is_date_token(const Page& page, std::uint32_t t) {
    const auto& tk = page.tok(t);
    if (tk.kind == text::TokenKind::number) return true;
    if (tk.kind == text::TokenKind::punct || tk.kind == text::TokenKind::symbol) return true;
    if (tk.kind == text::TokenKind::quote) return false;
    if (date_row(page, t)) return true;
    if (day_of(page, t)) return true;
    // "10:28am", "8:15"
    std::string_view nm = page.norm(t);
    if (!nm.empty() && nm[0] >= '0' && nm[0] <= '9') return true;
    return false;
}

bool is_date_line(const Page& page, const Block& b) {
    if (b.words == 0 || b.words > 14) return false;
    if (!find_full_date(page, b.content_token, b.end_token)) return false;
    for (std::uint32_t k = b.content_token; k < b.end_token; ++k)
        if (page.is_word(k) && !is_date_token(page, k)) return false;
    return true;
}

void mark_date_line(const Page& page, Block& b) {
    if (b.role == Role::none && is_date_line(page, b)) b.role = Role::dateline_date;
}

std::optional<Dateline> find_dateline(const Page& page, const Block& first_body,
                                      std::vector<std::string>& agencies) {
    const std::uint32_t begin = first_body.content_token;
    const std::uint32_t end = std::min<std::uint32_t>(first_body.end_token, begin + 16);
    std::uint32_t k = begin;
    // The place: upper-case words ("MEXICO CITY", "WASHINGTON, D.C.") or capitalised
    // words when an agency in brackets follows ("Kabul (Reuters) -").
    bool caps = false;
    while (k < end && page.tok(k).kind == text::TokenKind::word && page.tok(k).has(text::tf_all_caps)) {
        caps = true;
        ++k;
    }
    std::uint32_t place_end = k;
    if (!caps) {
        while (k < end && page.tok(k).kind == text::TokenKind::word && page.tok(k).has(text::tf_capitalized) &&
               k - begin < 4)
            ++k;
        place_end = k;
        if (place_end == begin) return std::nullopt;
    }
    // ", D.C." / ", March 3" / ", Afghanistan"
    std::uint32_t window_end = std::min<std::uint32_t>(end, k + 8);
    std::optional<std::string> agency;
    std::uint32_t j = k;
    while (j < window_end) {
        std::string_view nm = page.norm(j);
        if (is_dash(nm)) break;
        if (nm == "(") {
            const std::vector<std::string_view>* row = nullptr;
            std::uint32_t n = match_phrase(page, agency_names(), j + 1, end, &row, 4);
            if (!n || !row || row->empty() || j + 1 + n >= end || page.norm(j + 1 + n) != ")") return std::nullopt;
            agency = std::string((*row)[0]);
            j += n + 2;
            continue;
        }
        const auto& t = page.tok(j);
        bool ok = nm == "," || nm == "." || t.kind == text::TokenKind::number ||
                  (t.kind == text::TokenKind::word && (t.has(text::tf_capitalized) || t.has(text::tf_all_caps)));
        if (!ok) return std::nullopt;
        ++j;
    }
    if (j >= window_end || !is_dash(page.norm(j))) return std::nullopt;
    if (!caps && !agency) return std::nullopt;
    // The dash must be followed by the sentence.
    if (j + 1 >= first_body.end_token) return std::nullopt;
    Dateline dl;
    dl.place = page.raw(page.token_span(begin, place_end));
    if (!dl.place.empty() && dl.place.back() == ',') dl.place.pop_back();
    dl.agency = agency;
    dl.span = page.token_span(begin, j + 1);
    if (agency) add_agency(agencies, *agency);
    return dl;
}

}  // namespace reportage::layout
