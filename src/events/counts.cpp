// Counts: a number (digits, words, or a vague amount), the qualifier before it, a range
// after it, and the person noun it counts.
#include "events/counts.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "lexicon/lexicon.hpp"
#include "sources/word_flags.hpp"

namespace reportage::events {

namespace {

using text::Document;
using text::Token;
using text::TokenKind;

struct Number {
    double value = 0;
    std::uint32_t next = 0;  // first token after the number
    bool article = false;    // "a", "an", "another": one, but only before a singular noun
    bool vague = false;
    std::int64_t low = 0;    // for vague amounts
};

const lexicon::Table& numbers() {
    static const lexicon::Table& t = lexicon::table("count_numbers");
    return t;
}
const lexicon::Table& vague_words() {
    static const lexicon::Table& t = lexicon::table("count_vague");
    return t;
}
const lexicon::Table& persons() {
    static const lexicon::Table& t = lexicon::table("count_persons");
    return t;
}
const lexicon::Table& units() {
    static const lexicon::Table& t = lexicon::table("count_units");
    return t;
}
const lexicon::Table& qualifiers() {
    static const lexicon::Table& t = lexicon::table("count_qualifiers");
    return t;
}
// The words that end a qualifier phrase ("at least", "some") or "between": a number
// after any other word has no qualifier.
const sources::WordFlags<std::uint8_t>& qualifier_ends() {
    static const sources::WordFlags<std::uint8_t> ends = [] {
        sources::WordFlags<std::uint8_t> f;
        for (const auto& row : qualifiers().rows()) f.add(row.first.substr(row.first.rfind(' ') + 1), 1);
        f.add("between", 1);
        return f;
    }();
    return ends;
}

using lexicon::field;

std::int64_t to_int(std::string_view s) {
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        if (v > 100000000000LL) return -1;
        v = v * 10 + (c - '0');
    }
    return s.empty() ? -1 : v;
}

// "14", "1,500", "2.5" (a decimal only makes sense before "million"). -1 when not a number.
double parse_digits(std::string_view s) {
    if (s.empty() || s.size() > 18) return -1;
    std::string digits;
    std::size_t dot = std::string_view::npos;
    std::size_t group = 0;
    bool comma = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            ++group;
        } else if (c == ',' && dot == std::string_view::npos) {
            if ((comma && group != 3) || (!comma && (group == 0 || group > 3))) return -1;
            comma = true;
            group = 0;
        } else if (c == '.' && dot == std::string_view::npos) {
            dot = digits.size();
        } else {
            return -1;
        }
    }
    if (comma && group != 3) return -1;
    if (digits.empty()) return -1;
    std::int64_t whole = to_int(dot == std::string_view::npos ? std::string_view(digits)
                                                              : std::string_view(digits).substr(0, dot));
    if (whole < 0) return -1;
    double v = static_cast<double>(whole);
    if (dot != std::string_view::npos) {
        double scale = 0.1;
        for (std::size_t i = dot; i < digits.size(); ++i, scale /= 10) v += (digits[i] - '0') * scale;
    }
    return v;
}

class Scanner {
public:
    Scanner(const Document& doc, std::uint32_t first, std::uint32_t end)
        : doc_(doc), first_(first), end_(end) {}

    std::string_view norm(std::uint32_t i) const {
        return i < end_ ? doc_.norm(doc_.tokens[i]) : std::string_view();
    }
    // The lexeme id of token i (0 past the range, as norm(i) is ""): tables are read by it.
    lexicon::LexId lex(std::uint32_t i) const { return i < end_ ? doc_.tokens[i].lex : 0; }
    bool is_word(std::uint32_t i) const { return i < end_ && doc_.tokens[i].kind == TokenKind::word; }

    // The value of one number word ("fourteen", "twenty-five"), or -1.
    double word_value(std::string_view w) const { return word_value(w, numbers().find(w)); }
    double word_value_at(std::uint32_t i) const { return word_value(norm(i), numbers().find(lex(i))); }
    // The same, `f` being the row of `w` in count_numbers (nullptr when it has none).
    double word_value(std::string_view w, const lexicon::Row* f) const {
        if (f) {
            std::string_view k = f->size() > 1 ? (*f)[1] : std::string_view();
            if (k == "article" || k == "article_only") return -1;
            return static_cast<double>(to_int((*f)[0]));
        }
        auto dash = w.find('-');
        if (dash != std::string_view::npos) {
            double a = word_value(w.substr(0, dash)), b = word_value(w.substr(dash + 1));
            if (a >= 20 && a < 100 && b >= 1 && b < 10) return a + b;
        }
        return -1;
    }
    bool is_mult(std::uint32_t i) const {
        auto k = field(numbers().find(lex(i)), 1);
        return k == "mult" || k == "dozen";
    }
    double mult_value(std::uint32_t i) const { return static_cast<double>(to_int(field(numbers().find(lex(i)), 0))); }

    // A number starting at token i, or nullopt.
    bool number_at(std::uint32_t i, Number& out) const {
        if (i >= end_) return false;
        const Token& t = doc_.tokens[i];
        std::string_view w = norm(i);
        if (t.kind == TokenKind::number) {
            double v = parse_digits(w);
            if (v < 0) return false;
            std::uint32_t j = i + 1;
            if (is_mult(j)) {
                v *= mult_value(j);
                ++j;
            }
            if (std::floor(v) != v) return false;
            out = Number{v, j};
            return true;
        }
        if (t.kind != TokenKind::word) return false;
        // Articles: "a dozen", "a hundred", "a couple of", "a few", else one before a noun.
        const lexicon::Row* number_row = numbers().find(t.lex);
        auto kind = field(number_row, 1);
        if (kind == "article") {
            std::string_view n1 = norm(i + 1);
            if (is_mult(i + 1)) {
                out = Number{mult_value(i + 1), i + 2};
                return true;
            }
            if (w != "another" && (n1 == "few" || n1 == "handful")) {
                out.vague = true;
                out.low = to_int(field(vague_words().find(lex(i + 1)), 0));
                out.next = i + 2;
                if (is_mult(out.next)) {
                    out.low = 2 * static_cast<std::int64_t>(mult_value(out.next));
                    ++out.next;
                }
                return true;
            }
            if (w != "another" && n1 == "couple" && norm(i + 2) == "of") {
                out = Number{2, i + 2};
                return true;
            }
            out = Number{1, i + 1};
            out.article = true;
            return true;
        }
        if (const lexicon::Row* vague = vague_words().find(t.lex)) {
            if (w == "few" || w == "handful") return false;  // only after "a"
            out = Number{};
            out.vague = true;
            out.low = to_int(field(vague, 0));
            out.next = i + 1;
            if ((w == "several" || w == "many") && is_mult(i + 1)) {
                out.low = 2 * static_cast<std::int64_t>(mult_value(i + 1));
                out.next = i + 2;
            } else if (norm(i + 1) == "of" && vague_words().contains(lex(i + 2)) &&
                       norm(i + 2).back() == 's' && w.back() == 's') {
                // "hundreds of thousands", "tens of thousands"
                std::int64_t base = to_int(field(vague_words().find(lex(i + 2)), 0)) / 2;
                out.low *= base;
                out.next = i + 3;
            }
            return true;
        }
        double v = word_value(w, number_row);
        if (v < 0) return false;
        double total = 0, cur = v;
        std::uint32_t j = i + 1;
        for (int steps = 0; steps < 8 && j < end_; ++steps) {
            std::string_view n = norm(j);
            if (is_mult(j)) {
                double m = mult_value(j);
                cur = (cur == 0 ? 1 : cur) * m;
                if (m >= 1000) {
                    total += cur;
                    cur = 0;
                }
                ++j;
            } else if (n == "and" && cur + total >= 100 && word_value_at(j + 1) > 0) {
                ++j;
            } else if (double u = word_value_at(j); u > 0 && u < 100 && std::fmod(cur, 100) == 0) {
                cur += u;
                ++j;
            } else {
                break;
            }
        }
        out = Number{total + cur, j};
        return true;
    }

    // The qualifier phrase that ends right before token i: its first token, or i if none.
    std::uint32_t qualifier_before(std::uint32_t i, CountQualifier& q, bool& between) const {
        between = false;
        if (i == first_ || !is_word(i - 1) || !qualifier_ends().of(doc_, doc_.tokens[i - 1])) return i;
        for (std::uint32_t len = 3; len >= 1; --len) {
            if (i < first_ + len) continue;
            std::string phrase;
            for (std::uint32_t k = i - len; k < i; ++k) {
                if (!is_word(k)) {
                    phrase.clear();
                    break;
                }
                if (!phrase.empty()) phrase.push_back(' ');
                phrase.append(norm(k));
            }
            if (phrase.empty()) continue;
            if (len == 1 && phrase == "between") {
                between = true;
                return i - 1;
            }
            std::string_view f = field(qualifiers(), phrase, 0);
            if (f.empty()) continue;
            if (f == "approx") q = CountQualifier::approx;
            else if (f == "at_least") q = CountQualifier::at_least;
            else if (f == "more_than") q = CountQualifier::more_than;
            else if (f == "at_most") q = CountQualifier::at_most;
            else continue;
            return i - len;
        }
        return i;
    }

    // The token before an age makes it a modifier or a plural: "a 17-year-old", "two 18-year-olds".
    bool number_at_is_quantity(std::uint32_t i) const {
        Number n;
        return number_at(i, n) || one_of_words(norm(i), {"the", "his", "her", "their", "our", "my", "that", "this"});
    }
    static bool one_of_words(std::string_view w, std::initializer_list<std::string_view> list) {
        for (std::string_view s : list)
            if (w == s) return true;
        return false;
    }
    bool is_age(std::string_view w) const {
        // "17-year-old", "17-year-olds", "ten-year-old", "9-month-old"
        std::size_t p = std::string_view::npos;
        if (w.find("-old") == std::string_view::npos) return false;
        for (std::string_view unit : {std::string_view("-year-old"), std::string_view("-month-old"),
                                      std::string_view("-week-old"), std::string_view("-day-old")})
            if ((p = w.find(unit)) != std::string_view::npos) break;
        if (p == std::string_view::npos || p == 0) return false;
        std::string_view n = w.substr(0, p);
        return to_int(n) >= 0 || word_value(n) > 0;
    }
    bool is_person_noun(std::uint32_t i) const {
        auto k = field(persons().find(lex(i)), 0);
        return (k == "sg" || k == "pl") || is_age(norm(i));
    }
    bool is_singular_noun(std::uint32_t i) const {
        std::string_view w = norm(i);
        return field(persons().find(lex(i)), 0) == "sg" || (is_age(w) && w.back() != 's');
    }
    // Words that end a noun phrase: a person noun is not looked for beyond them.
    bool stops_phrase(std::uint32_t i) const {
        static constexpr std::string_view stop[] = {"of", "and", "or", "were", "was", "are", "is", "have",
                                           "has", "had", "who", "that", "in", "on", "at", "by",
                                           "to", "from", "with", "for", "been", "be", "will",
                                           "would", "the", "a", "an", "said", "say", "says"};
        std::string_view w = norm(i);
        for (std::string_view s : stop)
            if (w == s) return true;
        return false;
    }

    // The person noun of the phrase that starts at token i ("protesters", "young men",
    // "of them", "of the victims"), or -1. `next` is one past the phrase.
    int person_noun(std::uint32_t i, std::uint32_t& next) const {
        std::uint32_t k = i;
        if (norm(k) == "of") {
            ++k;
            std::string_view d = norm(k);
            if (d == "them" || d == "us" || d == "whom") {
                next = k + 1;
                return static_cast<int>(k);
            }
            if (d == "the" || d == "those" || d == "their" || d == "these") ++k;
        }
        for (std::uint32_t n = 0; n < 4 && k < end_; ++n, ++k) {
            if (!is_word(k) && !(doc_.tokens[k].kind == TokenKind::number && is_age(norm(k)))) break;
            if (is_person_noun(k) && field(persons().find(lex(k)), 0) != "adj") {
                // "a 17-year-old boy": the age is a modifier when a noun follows
                if (is_age(norm(k)) && k + 1 < end_ && is_person_noun(k + 1)) continue;
                next = k + 1;
                return static_cast<int>(k);
            }
            if (stops_phrase(k)) break;
        }
        return -1;
    }

    // Numbers that measure something else: a unit after it, money or a rank before it.
    bool measures_something_else(std::uint32_t i, std::uint32_t next) const {
        if (units().contains(lex(next))) return true;
        if (i > first_) {
            std::string_view before = norm(i - 1);
            if (before == "$" || before == "#" || before == "no." || before == "number" ||
                before == "aged" || before == "age" || before == "route" || before == "highway" ||
                before == "interstate" || before == "page" || before == "channel" || before == "£" ||
                before == "€" || before == "ages" || before == "station")
                return true;
        }
        return false;
    }

    std::vector<CountMention> scan(const std::vector<Span>& skip_spans) const {
        std::vector<CountMention> out;
        // The skip spans are sorted and do not overlap: start at the first one that can
        // cover a token of the range (no copy, no sort: this runs once per sentence).
        const std::vector<Span>& skip = skip_spans;
        std::size_t sk = static_cast<std::size_t>(
            std::lower_bound(skip.begin(), skip.end(), doc_.tokens[first_].begin,
                             [](const Span& s, std::size_t b) { return s.end <= b; }) -
            skip.begin());
        auto skipped = [&](const Token& t) {
            while (sk < skip.size() && skip[sk].end <= t.begin) ++sk;
            return sk < skip.size() && skip[sk].begin <= t.begin && t.end <= skip[sk].end;
        };
        for (std::uint32_t i = first_; i < end_; ++i) {
            const Token& t = doc_.tokens[i];
            if (t.kind != TokenKind::number && t.kind != TokenKind::word) continue;
            if (skipped(t)) continue;
            Number num;
            if (is_age(norm(i)) && !(i + 1 < end_ && is_person_noun(i + 1)) &&
                !(i > first_ && (number_at_is_quantity(i - 1)))) {
                CountMention m;
                m.first = i;
                m.end = m.number_end = i + 1;
                m.noun = static_cast<int>(i);
                m.singular = true;
                m.count.value = 1;
                m.count.span = t.span();
                m.count.text = doc_.text(m.count.span);
                out.push_back(std::move(m));
                continue;
            }
            // No count in news runs past a trillion; larger digit strings are not counts
            // (and would not fit the model's 64-bit integers).
            constexpr double max_count = 1e12;
            if (!number_at(i, num) || !(num.value <= max_count)) continue;
            CountMention m;
            CountQualifier q = CountQualifier::exact;
            bool between = false;
            std::uint32_t start = qualifier_before(i, q, between);
            std::uint32_t next = num.next;
            bool range = false;
            double high = 0;
            if (!num.vague && !num.article) {
                std::string_view link = norm(next);
                bool tight = next < end_ && !doc_.tokens[next].has(text::tf_space_before);
                if ((between && link == "and") || link == "to" || link == "or" ||
                    (link == "-" && tight)) {
                    Number second;
                    if (number_at(next + 1, second) && !second.vague && !second.article &&
                        second.value > num.value && second.value <= max_count) {
                        range = true;
                        high = second.value;
                        next = second.next;
                    }
                }
            }
            if (between && !range) start = i;
            std::uint32_t after = next;
            int noun = person_noun(next, after);
            if (num.article) {
                if (noun < 0 || !is_singular_noun(static_cast<std::uint32_t>(noun))) continue;
                if (q != CountQualifier::exact) start = i;
            }
            if (noun < 0) {
                if (num.vague) continue;  // "several" alone is not a count
                if (t.kind == TokenKind::word && field(numbers().find(t.lex), 1) == "article_only") continue;
                if (measures_something_else(i, next)) continue;
                if (t.kind == TokenKind::number && !t.has(text::tf_space_after) && next < end_ &&
                    doc_.tokens[next].kind == TokenKind::word)
                    continue;  // "9mm", glued units
                // a bare four-digit year-like number
                if (!range && num.value >= 1800 && num.value <= 2100 && norm(i).find(',') == std::string_view::npos)
                    continue;
                if (norm(i) == "both" || norm(i) == "pair") continue;
                after = next;
            }
            m.first = start;
            m.end = after;
            m.number_end = next;
            m.noun = noun;
            m.singular = num.article || (num.value == 1 && !num.vague);
            Count& c = m.count;
            if (num.vague) {
                c.qualifier = CountQualifier::vague;
                c.low = num.low;
            } else if (range) {
                c.qualifier = CountQualifier::range;
                c.low = static_cast<std::int64_t>(num.value);
                c.high = static_cast<std::int64_t>(high);
            } else {
                auto v = static_cast<std::int64_t>(num.value);
                c.qualifier = q;
                switch (q) {
                    case CountQualifier::at_least:
                    case CountQualifier::more_than: c.low = v; break;
                    case CountQualifier::at_most: c.high = v; break;
                    default: c.value = v; break;
                }
            }
            Span span{doc_.tokens[m.first].begin, doc_.tokens[m.end - 1].end};
            c.span = span;
            c.text = doc_.text(span);
            out.push_back(std::move(m));
            i = std::max(i, out.back().end - 1);
            // a person noun is not a new count
        }
        return out;
    }

private:
    const Document& doc_;
    std::uint32_t first_, end_;
};

}  // namespace

std::vector<CountMention> find_counts(const text::Document& doc, std::uint32_t first,
                                      std::uint32_t end, const std::vector<Span>& skip) {
    end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(doc.tokens.size()));
    if (first >= end) return {};
    return Scanner(doc, first, end).scan(skip);
}

}  // namespace reportage::events
