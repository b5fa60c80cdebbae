// Detection: a left-to-right matcher over the token stream. At each token where a time
// expression may start, the patterns below that may start there are tried and the longest
// match wins; matches never cross a sentence. Word lists come from src/lexicon/time_*.tsv.
// Each token is read once, a block of tokens at a time, into a small window: its form, its
// rows of the time lists (by lexeme id, an array read), and which patterns may start at
// it; most tokens start none and are skipped. The memory is the window's and the mentions'
// (encoded in a few bytes each), not a record per token: the time per byte stays the same
// on documents of several megabytes.
#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lexicon/lexicon.hpp"
#include "time/timex_internal.hpp"
#include "util/prefetch.hpp"

namespace reportage::time {

namespace {

using text::Token;
using text::TokenKind;

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (v > 100000000) return v;
        v = v * 10 + (c - '0');
    }
    return v;
}

int field_int(const std::vector<std::string_view>* row, std::size_t k) {
    if (!row || row->size() <= k) return 0;
    return std::atoi(std::string((*row)[k]).c_str());
}

bool has_flag(const std::vector<std::string_view>* row, std::string_view flag) {
    if (!row) return false;
    for (std::size_t k = 1; k < row->size(); ++k)
        if ((*row)[k] == flag) return true;
    return false;
}

Unit unit_from_code(std::string_view c) {
    if (c == "Y") return Unit::year;
    if (c == "Q") return Unit::quarter;
    if (c == "M") return Unit::month;
    if (c == "W") return Unit::week;
    if (c == "D") return Unit::day;
    if (c == "WE") return Unit::weekend;
    if (c == "E") return Unit::decade;
    if (c == "C") return Unit::century;
    if (c == "H") return Unit::hour;
    if (c == "N") return Unit::minute;
    if (c == "S") return Unit::second;
    if (c == "F") return Unit::fortnight;
    return Unit::none;
}

// ISO 8601 duration for n units (n < 0: unknown amount, X).
std::string duration_value(Unit u, int n) {
    std::string num = n < 0 ? "X" : std::to_string(n);
    switch (u) {
        case Unit::year: return "P" + num + "Y";
        case Unit::quarter: return n < 0 ? "PXM" : "P" + std::to_string(3 * n) + "M";
        case Unit::month: return "P" + num + "M";
        case Unit::week: return "P" + num + "W";
        case Unit::day: return "P" + num + "D";
        case Unit::weekend: return "P" + (n < 0 ? num : std::to_string(2 * n)) + "D";
        case Unit::fortnight: return "P" + (n < 0 ? num : std::to_string(2 * n)) + "W";
        case Unit::decade: return n < 0 ? "PXE" : "P" + std::to_string(10 * n) + "Y";
        case Unit::century: return n < 0 ? "PXC" : "P" + std::to_string(100 * n) + "Y";
        case Unit::hour: return "PT" + num + "H";
        case Unit::minute: return "PT" + num + "M";
        case Unit::second: return "PT" + num + "S";
        case Unit::none: break;
    }
    return "PX";
}

bool is_clock_unit(Unit u) { return u == Unit::hour || u == Unit::minute || u == Unit::second; }

struct Number {
    int value = 0;  // -1: an unknown amount (few, several)
    std::uint32_t end = 0;
    bool ordinal = false;
    bool digits = false;
};

// The patterns below, as bits, in the order they are tried (of two matches as long, the
// first is kept): Detector::match_core tries at a token only the patterns that may start
// there (Tok::patterns).
enum Pattern : std::uint16_t {
    p_month_date = 1u << 0,
    p_weekday_date = 1u << 1,
    p_numeric_date = 1u << 2,
    p_year_date = 1u << 3,
    p_word_date = 1u << 4,
    p_relative_unit = 1u << 5,
    p_quantity = 1u << 6,
    p_anaphor = 1u << 7,
    p_set_expr = 1u << 8,
    p_clock_time = 1u << 9,
    p_season_or_quarter = 1u << 10,
};

// Which patterns may start at a token, by what each pattern accepts as its first token
// (the first lines of each say): a number token, a word of a time list (months, weekdays,
// numbers, units, time words), a digit or an inner hyphen in its spelling, a lone quote
// mark ("'80s"), or one of the words below. The Debug build checks, at every token, that
// a pattern left out would not have matched; a pattern changed to accept another first
// word must be changed here too.
//
// These words ("lead" words) begin an expression only before a word that may begin one
// itself, or one of follow_words: every pattern that takes one reads such a word next
// ("the next day", "a week", "last March", "at least", "more than", "the end of"); so does
// skip_modifier() after a modifier. "future" stands alone ("in the future"). Each word
// here is listed in time_cues.tsv, so that it has a lexeme id.
struct FirstWord {
    std::string_view word;
    std::uint16_t patterns;
    bool modifier;  // skip_modifier() takes it
    bool alone;     // needs no time word after it
};
constexpr std::uint16_t p_rel_words = p_month_date | p_weekday_date | p_word_date | p_relative_unit | p_season_or_quarter;
constexpr FirstWord first_words[] = {
    {"the", p_year_date | p_word_date | p_relative_unit | p_anaphor | p_season_or_quarter, true, false},
    {"this", p_rel_words, false, false},
    {"last", p_rel_words, false, false},
    {"next", p_month_date | p_weekday_date | p_relative_unit | p_season_or_quarter, false, false},
    {"past", p_weekday_date | p_relative_unit, false, false},
    {"coming", p_weekday_date | p_relative_unit, false, false},
    {"current", p_relative_unit, false, false},
    {"present", p_relative_unit, false, false},
    {"latest", p_relative_unit, false, false},
    {"most-recent", p_relative_unit, false, false},
    {"previous", p_relative_unit, false, false},
    {"prior", p_relative_unit, false, false},
    {"following", p_relative_unit, false, false},
    {"early", p_season_or_quarter, true, false},
    {"late", p_season_or_quarter, true, false},
    {"mid", 0, true, false},
    {"earlier", p_anaphor, true, false},
    {"later", 0, true, false},
    {"that", p_anaphor, false, false},
    {"fiscal", p_year_date | p_season_or_quarter, false, false},
    {"future", p_word_date, false, true},
    {"every", p_set_expr, false, false},
    {"each", p_set_expr, false, false},
    // quantity: "a week", "a few days", "about two years", "more than a decade"
    {"a", p_quantity, false, false},
    {"an", p_quantity, false, false},
    {"couple", p_quantity, false, false},
    {"few", p_quantity, false, false},
    {"several", p_quantity, false, false},
    {"many", p_quantity, false, false},
    {"more", p_quantity, false, false},
    {"less", p_quantity, false, false},
    {"at", p_quantity, false, false},
    {"about", p_quantity, false, false},
    {"nearly", p_quantity, false, false},
    {"almost", p_quantity, false, false},
    {"around", p_quantity, false, false},
    {"approximately", p_quantity, false, false},
    {"roughly", p_quantity, false, false},
    {"over", p_quantity, false, false},
    {"some", p_quantity, false, false},
    {"just", p_quantity, false, false},
    {"only", p_quantity, false, false},
};
// Words that begin no expression but may follow a lead word inside one: "the same day",
// "the preceding week", "the end of", "at least", "more than", "a couple of".
constexpr std::string_view follow_words[] = {"same", "preceding", "end", "beginning", "middle",
                                             "start", "least", "most", "than", "of"};

#if defined(__GNUC__)
inline bool likely(bool b) { return __builtin_expect(b, 1); }
#define REPORTAGE_TIME_NOINLINE __attribute__((noinline))
#else
inline bool likely(bool b) { return b; }
#define REPORTAGE_TIME_NOINLINE
#endif

bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
constexpr std::uint16_t digit_patterns = p_year_date | p_quantity | p_clock_time | p_season_or_quarter;
constexpr std::uint16_t hyphen_patterns = p_month_date | p_quantity | p_season_or_quarter;
constexpr std::uint16_t quote_mark = 1u << 15;  // in spelling_patterns(): a lone quote mark (p_year_date, a lead)

// The patterns a token may start by its spelling, whatever its lexeme: digits (numbers,
// dates, clock times, years, "1990s", "16th"), an inner hyphen ("two-week", "mid-March",
// "third-quarter", "year-ago", "twenty-four"); quote_mark for a lone quote mark.
std::uint16_t spelling_patterns(std::string_view s) {
    if (s.size() == 1 && (s[0] == '\'' || s[0] == '"')) return quote_mark;
    bool digit = false, hyphen = false;
    for (std::size_t c = 0; c < s.size(); ++c) {
        digit = digit || is_digit(s[c]);
        hyphen = hyphen || (s[c] == '-' && c > 0);
    }
    return static_cast<std::uint16_t>((digit ? digit_patterns : 0) | (hyphen ? hyphen_patterns : 0));
}

// spelling_patterns() of a form of at most 16 bytes, with p[0, 16) readable: one 16-byte
// comparison instead of a byte loop (the form's length varies too much for a loop to be
// predicted). Without SSE2, the byte loop.
std::uint16_t short_spelling_patterns(const char* p, std::size_t n) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    const unsigned digits = static_cast<unsigned>(  // bytes in '0'..'9': d <= 9 unsigned
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)));
    const unsigned hyphens = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));
    const unsigned form = (1u << n) - 1;  // the form's bytes
    const unsigned quote = (n == 1) & ((p[0] == '\'') | (p[0] == '"'));
    return static_cast<std::uint16_t>(quote * quote_mark | ((digits & form) != 0) * digit_patterns |
                                      ((hyphens & form & ~1u) != 0) * hyphen_patterns);
#else
    return spelling_patterns(std::string_view(p, n));
#endif
}

// The patterns a number token may start ("16 December", "12/16/2011", "2011", "4:30").
constexpr std::uint16_t number_patterns = p_month_date | p_numeric_date | p_year_date | p_quantity |
                                          p_clock_time | p_season_or_quarter;
// The patterns a weekday may start ("Tuesday, Dec. 16", "Friday morning").
constexpr std::uint16_t weekday_patterns = p_month_date | p_weekday_date;

// What the patterns read of one token, worked out once per document.
struct Tok {
    std::uint16_t info;      // LexInfos index of the normal form, a possessive "'s" left off
    std::uint16_t patterns;  // that may start here: LexInfo's patterns and lead, and the
                             // spelling's, a number's, a weekday's
    std::int16_t year;       // year_value
    std::int8_t day;         // day_value
    std::int8_t weekday;     // of the form with one more "'s" left off ("Monday's")
    enum : std::uint8_t {
        possessive = 1,  // the normal form ends in "'s", which w() leaves off
        weekday_abbr = 2,
        // For Detector::prepare: a pattern may start here (own) or, at a lead word or a
        // modifier, before a token that has leads_on (lead); leads_on: a pattern may
        // start here, or a follow word.
        own = 4,
        lead = 8,
        leads_on = 16,
    };
    std::uint8_t flags;
};

// What the time word lists say about one lexeme, read once from the tables.
struct LexInfo {
    const lexicon::Row* word = nullptr;  // time_words: kind, argument
    int month = 0, weekday = 0, number = 0;
    Unit unit = Unit::none;
    bool month_abbr = false, month_homograph = false;
    bool weekday_abbr = false;
    bool number_ord = false;
    bool unit_row = false, unit_plural = false;  // unit_row: a non-empty time_units row
    bool future = false;    // time_cues "future"
    bool modifier = false;  // skip_modifier() takes it
    bool follow = false;    // follow_words
    // The patterns that may start with the word: from its rows, its spelling and the
    // first_words that stand alone (weekday rows apart: see Detector::prepare) ...
    std::uint16_t patterns = 0;
    // ... and from first_words that lead.
    std::uint16_t lead = 0;
    std::uint8_t gate = 0;  // the Tok flags own, lead and leads_on that these give
};

// LexInfo by lexeme id, for every id of the vocabulary: a small table of the time words,
// and a two-byte index per id into it (0: none). Words in no time list share an entry
// by their spelling_patterns().
class LexInfos {
public:
    LexInfos() : infos_(1) {
        std::vector<std::pair<std::uint16_t, std::uint16_t>> by_spelling;  // spelling_patterns, entry
        for (lexicon::LexId id = 1;; ++id) {
            std::string_view key = lexicon::lexeme_text(id);
            if (key.empty()) break;
            index_.resize(id + 1, 0);
            const std::uint16_t p = spelling_patterns(key);
            if (p == 0) continue;
            auto it = std::find_if(by_spelling.begin(), by_spelling.end(), [&](const auto& e) { return e.first == p; });
            if (it == by_spelling.end()) {
                LexInfo& x = infos_[add()];
                x.patterns = p & ~quote_mark;
                if (p & quote_mark) x.lead = p_year_date;
                it = by_spelling.insert(by_spelling.end(), {p, static_cast<std::uint16_t>(infos_.size() - 1)});
            }
            index_[id] = it->second;
        }
        const std::size_t shared = infos_.size();
        // The entry of a time word of its own (a copy of its shared one).
        auto info = [&](lexicon::LexId id) -> LexInfo& {
            if (index_[id] < shared) {
                std::uint16_t from = index_[id];
                index_[id] = add();
                infos_.back() = infos_[from];
            }
            return infos_[index_[id]];
        };
        const auto& months = lexicon::table("time_months");
        const auto& weekdays = lexicon::table("time_weekdays");
        const auto& numbers = lexicon::table("time_numbers");
        const auto& units = lexicon::table("time_units");
        const auto& words = lexicon::table("time_words");
        const auto& cues = lexicon::table("time_cues");
        for (const auto* t : {&months, &weekdays, &numbers, &units, &words, &cues})
            for (const auto& row : t->rows()) {
                lexicon::LexId id = lexicon::lexeme(row.first);
                if (id == 0 || id >= index_.size()) continue;
                LexInfo& x = info(id);
                // The row the table itself returns for the id (its first row for the key).
                const lexicon::Row* r = t->find(id);
                if (t == &months) {
                    x.month = field_int(r, 0);
                    x.month_abbr = has_flag(r, "abbr");
                    x.month_homograph = has_flag(r, "homograph");
                    x.patterns |= p_month_date;
                } else if (t == &weekdays) {
                    x.weekday = field_int(r, 0);
                    x.weekday_abbr = has_flag(r, "abbr");
                } else if (t == &numbers) {
                    x.number = field_int(r, 0);
                    x.number_ord = has_flag(r, "ord");
                    x.patterns |= p_quantity | p_season_or_quarter;
                } else if (t == &units) {
                    if (!r->empty()) {
                        x.unit_row = true;
                        x.unit = unit_from_code((*r)[0]);
                        x.unit_plural = has_flag(r, "pl");
                        x.patterns |= p_quantity;
                    }
                } else if (t == &words) {
                    x.word = r;
                    x.patterns |= p_word_date | p_set_expr | p_clock_time | p_season_or_quarter;
                } else if (lexicon::field(r, 0) == "future") {
                    x.future = true;
                }
            }
        auto cue = [&](std::string_view word) -> LexInfo& {
            lexicon::LexId id = lexicon::lexeme(word);
            if (id == 0 || !cues.contains(id))
                throw std::logic_error("reportage: time_cues.tsv lacks \"" + std::string(word) + "\"");
            return info(id);
        };
        for (const FirstWord& f : first_words) {
            LexInfo& x = cue(f.word);
            (f.alone ? x.patterns : x.lead) |= f.patterns;
            x.modifier = f.modifier;
        }
        for (std::string_view f : follow_words) cue(f).follow = true;
        for (LexInfo& x : infos_)
            x.gate = static_cast<std::uint8_t>((x.patterns ? Tok::own : 0) | (x.lead || x.modifier ? Tok::lead : 0) |
                                               (x.patterns || x.lead || x.follow ? Tok::leads_on : 0));
    }
    const LexInfo& at(std::uint16_t k) const { return infos_[k]; }
    std::uint16_t index(lexicon::LexId id) const { return id < index_.size() ? index_[id] : 0; }
    const LexInfo* data() const { return infos_.data(); }
    const std::vector<std::uint16_t>& indices() const { return index_; }

private:
    std::vector<LexInfo> infos_;
    std::vector<std::uint16_t> index_;

    std::uint16_t add() {
        if (infos_.size() > 0xFFFF) throw std::logic_error("reportage: too many time words");
        infos_.emplace_back();
        return static_cast<std::uint16_t>(infos_.size() - 1);
    }
};

const LexInfos& lex_infos() {
    static const LexInfos infos;
    return infos;
}

// A day number 1..31 (digits, or 16th / 1st).
int day_value(std::string_view s) {
    if (s.size() > 2 && (s.substr(s.size() - 2) == "st" || s.substr(s.size() - 2) == "nd" ||
                         s.substr(s.size() - 2) == "rd" || s.substr(s.size() - 2) == "th"))
        s.remove_suffix(2);
    if (s.size() > 2 || !all_digits(s)) return 0;
    int d = to_int(s);
    return d >= 1 && d <= 31 ? d : 0;
}

// A year written in four digits, 1000..2200.
int year_value(std::string_view s) {
    if (s.size() != 4 || !all_digits(s)) return 0;
    int y = to_int(s);
    return y >= 1000 && y <= 2200 ? y : 0;
}

bool ends_possessive(std::string_view s) { return s.size() > 2 && s.substr(s.size() - 2) == "'s"; }

class Detector {
public:
    explicit Detector(const text::Document& doc)
        : doc_(doc), toks_(doc.tokens), arena_(doc.norm_arena.data()), infos_(lex_infos()),
          months_(lexicon::table("time_months")), numbers_(lexicon::table("time_numbers")),
          units_(lexicon::table("time_units")) {}

    // Detection runs block by block (`block` tokens): prepare() reads the block's tokens,
    // and a few before and after it, into a small window (Toks and forms); then the
    // patterns run at the block's starts. What a pattern reads outside the window is
    // worked out again (tok(), w()). The memory is the window's, whatever the size of the
    // document, and stays in the cache.
    Mentions run() {
        Mentions out;
        const auto n = static_cast<std::uint32_t>(toks_.size());
        // (no more than a short document needs)
        win_.reset(new Tok[std::min(window, n) + 1]);
        forms_.reset(new NormForm[std::min(window, n)]);
        starts_.reset(new std::uint32_t[std::min(block, n)]);
        // Matches stay inside one sentence; tokens outside every sentence (headings, stray
        // lines) are bounded by their line. Sentences are in order and do not overlap.
        const auto& sentences = doc_.sentences;
        const auto& lines = doc_.lines;
        struct Cursor {
            std::size_t sentence = 0, line = 0;  // the first whose end is after the token
        };
        auto bound = [&](std::uint32_t k, Cursor& c) {
            std::size_t& si = c.sentence;
            while (si < sentences.size() && sentences[si].end_token <= k) ++si;
            if (si < sentences.size() && sentences[si].first_token <= k) {
                sent_first_ = sentences[si].first_token;
                lim_ = std::min(sentences[si].end_token, n);
            } else {
                while (c.line < lines.size() && lines[c.line].end_token <= k) ++c.line;
                const auto& line = lines[c.line];  // the line of token k
                sent_first_ = line.first_token;
                lim_ = std::min(line.end_token, n);
            }
            // (k is in the window, and win_first_ <= k < lim_)
            win_lim_ = std::min(lim_, win_first_ + win_size_) - win_first_;
        };
        Cursor si;
        std::uint32_t i = 0;  // the first token after the last match
        for (std::uint32_t b = 0; b < n;) {
            const std::uint32_t e = b + std::min(n - b, block);
            const std::size_t count = prepare(b, e);
#ifndef NDEBUG
            // No pattern starts at a token that prepare() says none may start at.
            {
                Cursor check_si = si;
                std::size_t s = 0;
                for (std::uint32_t k = b; k < e; ++k) {
                    if (s < count && starts_[s] == k) {
                        ++s;
                        continue;
                    }
                    bound(k, check_si);
                    Mention check;
                    bool matched = false;
                    match_at(k, check, matched);
                    assert(!(matched && check.end > k));
                }
            }
#endif
            for (std::size_t s = 0; s < count; ++s) {
                const std::uint32_t k = starts_[s];
                if (k < i) continue;
                bound(k, si);
                Mention& best = best_;  // written before it is read (see consider())
                bool found = false;
                match_at(k, best, found);
                if (found && best.end > k) {
                    best.future = future_cue(best.first);
                    // (the tokens are in the cache now, not when the mention is resolved)
                    if (best.first < best.end && best.end <= n)
                        best.span = Span{toks_[best.first].begin, toks_[best.end - 1].end};
                    i = best.end;
                    out.push(std::move(best));
                }
            }
            b = e;
        }
        return out;
    }

private:
    const text::Document& doc_;
    const std::vector<Token>& toks_;
    const char* arena_;
    const LexInfos& infos_;
    const lexicon::Table& months_;
    const lexicon::Table& numbers_;
    const lexicon::Table& units_;
    // Tokens a block; tokens before and after it in the window (a pattern reads up to 12
    // tokens back from its start and some 20 on; what it reads outside the window is
    // worked out again, only slower).
    static constexpr std::uint32_t block = 4096, back = 16, ahead = 64;
    static constexpr std::uint32_t window = back + block + ahead;
    static_assert(ahead >= 1, "a block's last start depends on the token after the block");
    // read_toks() reads this many tokens ahead on a document of prefetch_min_tokens or more
    // (whose tokens, 24 bytes each, no longer fit in a core's cache).
    static constexpr std::uint32_t prefetch_distance = 128, prefetch_min_tokens = 32768;
    struct NormForm {
        std::uint32_t begin, size;  // in the arena; a possessive "'s" left off
    };
    // The tokens [win_first_, win_first_ + win_size_): their Toks (and a Tok{} after the
    // last token of the document) and the forms w() returns.
    std::unique_ptr<Tok[]> win_;
    std::unique_ptr<NormForm[]> forms_;
    std::uint32_t win_first_ = 0, win_size_ = 0;
    std::unique_ptr<std::uint32_t[]> starts_;  // the block's tokens where a pattern may start
    std::uint32_t lim_ = 0, sent_first_ = 0;
    // Token i is in the window and before lim_ when i - win_first_ < win_lim_ (unsigned): the
    // accessors test both with one comparison.
    std::uint32_t win_lim_ = 0;
    bool ord_dummy_ = false;
    // Reused, to spare a Mention's construction per token and pattern: match_core's
    // candidate, match_at's result for one start, run's for one token.
    Mention scratch_, core_, best_;

    // The Tok of token i as the patterns read it: Tok{} from lim_ on (no time word, no
    // pattern, no number), else from the window, or worked out again (seldom, out of line).
    Tok tok(std::uint32_t i) const {
        const std::uint32_t d = i - win_first_;
        if (likely(d < win_lim_)) return win_[d];
        return tok_outside(i);
    }
    REPORTAGE_TIME_NOINLINE Tok tok_outside(std::uint32_t i) const {
        Tok t{};
        NormForm form;
        if (i < lim_) read_toks<false>(i, i + 1, &t, &form);
        return t;
    }

    // Fills the window for the block [b, e), keeping what it has of the tokens after the
    // last block, and lists the block's starts in starts_; returns how many. A token is a
    // start (match_at() runs there) when a pattern may start at it, but a lead word only
    // before a token where one may start too, or a follow word. Most tokens are none.
    std::size_t prepare(std::uint32_t b, std::uint32_t e) {
        const auto n = static_cast<std::uint32_t>(toks_.size());
        const std::uint32_t first = b > back ? b - back : 0;
        const std::uint32_t last = e + std::min(n - e, ahead);
        const std::uint32_t old_end = win_first_ + win_size_;  // the tokens read so far
        if (win_size_ > 0 && first < old_end) {
            std::memmove(win_.get(), win_.get() + (first - win_first_), (old_end - first) * sizeof(Tok));
            std::memmove(forms_.get(), forms_.get() + (first - win_first_), (old_end - first) * sizeof(NormForm));
        }
        const std::uint32_t from = std::max(first, old_end);
        Tok* const out = win_.get() + (from - first);
        NormForm* const forms = forms_.get() + (from - first);
        if (toks_.size() >= prefetch_min_tokens && last - from > prefetch_distance) {
            const std::uint32_t mid = last - prefetch_distance;
            read_toks<true>(from, mid, out, forms);
            read_toks<false>(mid, last, out + (mid - from), forms + (mid - from));
        } else {
            read_toks<false>(from, last, out, forms);
        }
        win_first_ = first;
        win_size_ = last - first;
        win_lim_ = 0;  // until bound() sets lim_
        if (last == n) win_[win_size_] = Tok{};  // after the last token: none
        // Token k is a start when it has own, or lead while token k + 1 has leads_on.
        static_assert(Tok::own == 4 && Tok::lead == 8 && Tok::leads_on == 16, "the shifts below");
        const Tok* const t = win_.get() + (b - first);
        std::uint32_t* const starts = starts_.get();
        std::size_t count = 0;
        unsigned f = t[0].flags;
        for (std::uint32_t k = 0; k < e - b; ++k) {
            const unsigned next = t[k + 1].flags;  // token e is in the window, or the Tok{} after it
            starts[count] = b + k;
            count += ((f >> 2) | ((f >> 3) & (next >> 4))) & 1u;
            f = next;
        }
        return count;
    }

    // Reads the tokens [from, to) into out and forms [0, to - from): each token's form, its
    // time words, and the patterns that may start at it.
    template <bool prefetch>
    void read_toks(std::uint32_t from, std::uint32_t to, Tok* const out, NormForm* const forms) const {
        // Locals, not members: the byte-sized stores below could alias a member.
        const std::size_t arena_size = doc_.norm_arena.size();
        const char* const arena = arena_;
        const LexInfo* const info = infos_.data();
        const std::uint16_t* const index = infos_.indices().data();
        const std::size_t index_size = infos_.indices().size();
        const Token* const toks = toks_.data();
        std::uint16_t apostrophe_s;
        std::memcpy(&apostrophe_s, "'s", 2);
        for (std::uint32_t k = from; k < to; ++k) {
            // On a large document the tokens and their forms come from memory, in order:
            // ask for the token prefetch_distance on, and for the form of the one half as
            // far (whose offset has arrived by then).
            if (prefetch) {
                util::prefetch_ahead(&toks[k], prefetch_distance * sizeof(Token));
                util::prefetch_ahead(arena + toks[k + prefetch_distance / 2].norm_begin, 0);
            }
            const Token& tok = toks[k];
            std::string_view s(arena + tok.norm_begin, tok.norm_size);
            Tok t{};
            const LexInfo* wd;  // weekday_at() leaves off one more "'s"
            // ends_possessive(s), without a branch on the length when 16 bytes are readable
            const bool readable = tok.norm_begin + 16 <= arena_size;
            bool possessive;
            if (readable) {
                std::uint16_t last2;
                std::memcpy(&last2, s.data() + (s.size() > 2 ? s.size() - 2 : 0), 2);
                possessive = (s.size() > 2) & (last2 == apostrophe_s);
                assert(possessive == ends_possessive(s));
            } else {
                possessive = ends_possessive(s);
            }
            if (possessive) {
                s.remove_suffix(2);
                t.flags = Tok::possessive;
                t.info = infos_.index(lexicon::lexeme(s));
                wd = &info[ends_possessive(s) ? infos_.index(lexicon::lexeme(s.substr(0, s.size() - 2))) : t.info];
            } else {
                t.info = tok.lex < index_size ? index[tok.lex] : 0;
                wd = &info[t.info];
            }
            const LexInfo& x = info[t.info];
            std::uint16_t spelled;
            if (s.size() <= 16 && readable) {
                spelled = short_spelling_patterns(s.data(), s.size());
                assert(spelled == spelling_patterns(s));
            } else {
                spelled = spelling_patterns(s);
            }
            // Arithmetic, not branches: which way each goes is anybody's guess.
            const unsigned own = (spelled & ~quote_mark) | (tok.kind == TokenKind::number) * number_patterns |
                                 (wd->weekday != 0) * weekday_patterns;
            const unsigned quote = spelled >> 15;  // quote_mark: a lead word for year_date
            t.patterns = static_cast<std::uint16_t>(x.patterns | x.lead | own | quote * p_year_date);
            t.flags |= static_cast<std::uint8_t>(x.gate | (own != 0) * (Tok::own | Tok::leads_on) |
                                                 quote * (Tok::lead | Tok::leads_on) |
                                                 wd->weekday_abbr * Tok::weekday_abbr);
            t.weekday = static_cast<std::int8_t>(wd->weekday);
            if (!s.empty() && is_digit(s[0])) {
                t.day = static_cast<std::int8_t>(day_value(s));
                t.year = static_cast<std::int16_t>(year_value(s));
            }
            out[k - from] = t;
            forms[k - from] = NormForm{tok.norm_begin, static_cast<std::uint32_t>(s.size())};
        }
    }

    // The normal form of token i, a possessive "'s" left off ("last month's" reads as
    // "last month"; the expression's span still covers the whole token).
    std::string_view w(std::uint32_t i) const {
        const std::uint32_t d = i - win_first_;
        if (likely(d < win_lim_)) return std::string_view(arena_ + forms_[d].begin, forms_[d].size);
        return w_outside(i);
    }
    REPORTAGE_TIME_NOINLINE std::string_view w_outside(std::uint32_t i) const {
        if (i >= lim_) return std::string_view();
        std::string_view s(arena_ + toks_[i].norm_begin, toks_[i].norm_size);
        if (ends_possessive(s)) s.remove_suffix(2);  // as read_toks() tells Tok::possessive
        return s;
    }
    bool possessive(std::uint32_t i) const { return (tok(i).flags & Tok::possessive) != 0; }
    const LexInfo& lex(std::uint32_t i) const { return infos_.at(tok(i).info); }
    bool cap(std::uint32_t i) const { return i < lim_ && toks_[i].has(text::tf_capitalized); }
    bool is_num_token(std::uint32_t i) const { return i < lim_ && toks_[i].kind == TokenKind::number; }
    bool is_punct(std::uint32_t i, char c) const { return w(i).size() == 1 && w(i)[0] == c; }
    bool adjacent(std::uint32_t a, std::uint32_t b) const {  // no space between token a and b
        return b < lim_ && toks_[a].end == toks_[b].begin;
    }

    // Keeps the longer of best and cand (moved from); the first cand found is kept whatever
    // best holds.
    static void consider(Mention& best, bool& found, Mention& cand) {
        if (!found || cand.end > best.end) {
            best = std::move(cand);
            found = true;
        }
    }

    // ------------------------------------------------------------ lexicon access

    int month_at(std::uint32_t i, bool& abbr, bool& homograph) const {
        abbr = homograph = false;
        if (i >= lim_ || !cap(i)) return 0;
        const LexInfo& x = lex(i);
        abbr = x.month_abbr;
        homograph = x.month_homograph;
        return x.month;
    }
    int weekday_at(std::uint32_t i, bool& abbr) const {
        abbr = false;
        if (i >= lim_ || !cap(i)) return 0;
        const Tok t = tok(i);
        abbr = (t.flags & Tok::weekday_abbr) != 0;
        return t.weekday;
    }
    Unit unit_at(std::uint32_t i, bool* plural = nullptr) const {
        const LexInfo& x = lex(i);
        if (!x.unit_row) return Unit::none;
        if (plural) *plural = x.unit_plural;
        return x.unit;
    }
    const std::vector<std::string_view>* word_row(std::uint32_t i, std::string_view kind) const {
        const auto* row = lex(i).word;
        if (!row || row->size() < 2 || (*row)[0] != kind) return nullptr;
        return row;
    }

    // A day number 1..31 (digits, or 16th / 1st).
    int day_at(std::uint32_t i) const { return tok(i).day; }
    int year_digits(std::uint32_t i) const { return tok(i).year; }

    int number_word(std::string_view s, bool& ordinal) const {
        ordinal = false;
        const auto* row = numbers_.find(s);
        if (!row) return 0;
        ordinal = has_flag(row, "ord");
        return field_int(row, 0);
    }
    // number_word(w(i), ordinal), read from the token's lexeme.
    int number_word_at(std::uint32_t i, bool& ordinal) const {
        const LexInfo& x = lex(i);
        ordinal = x.number_ord;
        return x.number;
    }

    // A cardinal (or ordinal) amount starting at i.
    bool number_at(std::uint32_t i, Number& n, bool allow_article) const {
        std::string_view s = w(i);
        if (s.empty()) return false;
        n = Number{};
        if (s.size() <= 4 && all_digits(s)) {
            n.value = to_int(s);
            n.digits = true;
            n.end = i + 1;
            // "5 1/2"
            return true;
        }
        if (s.size() > 2 && day_at(i) && all_digits(s.substr(0, s.size() - 2))) {
            n.value = day_at(i);
            n.ordinal = true;
            n.digits = true;
            n.end = i + 1;
            return true;
        }
        if (allow_article && (s == "a" || s == "an")) {
            if (w(i + 1) == "few" || w(i + 1) == "couple") {
                n.value = w(i + 1) == "few" ? -1 : 2;
                n.end = i + 2 + (w(i + 2) == "of" ? 1 : 0);
                return true;
            }
            n.value = 1;
            n.end = i + 1;
            return true;
        }
        if (s == "couple" && w(i + 1) == "of") {
            n.value = 2;
            n.end = i + 2;
            return true;
        }
        if (s == "few" || s == "several" || s == "many") {
            n.value = -1;
            n.end = i + 1;
            return true;
        }
        bool ord = false;
        int v = number_word_at(i, ord);
        if (v == 0) {
            // twenty-four
            auto dash = s.find('-');
            if (dash == std::string_view::npos) return false;
            bool o1 = false, o2 = false;
            int a = number_word(s.substr(0, dash), o1), b = number_word(s.substr(dash + 1), o2);
            if (a < 20 || a % 10 != 0 || b == 0 || b > 9 || o1) return false;
            n.value = a + b;
            n.ordinal = o2;
            n.end = i + 1;
            return true;
        }
        n.value = v;
        n.ordinal = ord;
        n.end = i + 1;
        if (!ord && v >= 20 && v < 100 && v % 10 == 0) {  // twenty four
            bool o2 = false;
            int b = number_word_at(i + 1, o2);
            if (b > 0 && b < 10) {
                n.value += b;
                n.ordinal = o2;
                n.end = i + 2;
            }
        }
        return true;
    }

    // Words that make a following month name or year a date.
    static bool date_preposition(std::string_view s) {
        static constexpr std::string_view words[] = {
            "in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "late", "mid",
            "during", "from", "through", "before", "after", "between", "and", "to", "on", "around", "fiscal",
            "end", "beginning", "middle", "start", "throughout", "into", "as", "at", "for", "than", "circa",
            "or", "year", "calendar", "that", "same", "past", "previous", "following", "-"};
        for (std::string_view p : words)  // (string_views: no strlen per word)
            if (s == p) return true;
        return false;
    }

    // A modal or scheduling word near the expression: the policies pick the future.
    bool future_cue(std::uint32_t at) const {
        std::uint32_t b = at > sent_first_ + 10 ? at - 10 : sent_first_;
        std::uint32_t e = std::min<std::uint32_t>(lim_, at + 3);
        for (std::uint32_t k = b; k < e; ++k) {
            if (lex(k).future) return true;  // will, 'll, scheduled, expected, plans, could, ...
            if (w(k) == "going" && w(k + 1) == "to") return true;
        }
        return false;
    }

    // ------------------------------------------------------------ patterns

    // [modifier] core: the modifier words TimeBank keeps inside the expression.
    std::uint32_t skip_modifier(std::uint32_t i) const {
        if (!lex(i).modifier) return i;  // none of the words below
        std::string_view s = w(i);
        if (s == "early" || s == "late" || s == "mid" || s == "earlier" || s == "later") return i + 1;
        if (s == "the" && (w(i + 1) == "end" || w(i + 1) == "beginning" || w(i + 1) == "middle" ||
                           w(i + 1) == "start") && w(i + 2) == "of")
            return i + 3;
        return i;
    }

    void match_at(std::uint32_t i, Mention& best, bool& found) {
        std::uint32_t core = skip_modifier(i);
        for (std::uint32_t start : {core, i}) {
            Mention& m = core_;  // written before it is read
            if (match_core(start, m)) {
                if (start != i) m.first = i;
                // a modifier only attaches to dates
                if (start != i && m.type == TimexType::duration) continue;
                if (start != i && m.form == Form::fixed && m.value.find('P') == 0) continue;
                consider(best, found, m);
                return;
            }
            if (core == i) break;
        }
    }

    // The longest match of any pattern at i, into `best` (written whole when there is
    // one). Only the patterns that may start at token i are tried.
    bool match_core(std::uint32_t i, Mention& best) {
        const std::uint32_t patterns = tok(i).patterns;
        bool found = false;
        Mention& m = scratch_;
#ifdef NDEBUG
        // The patterns that may start here, lowest bit first.
        for (std::uint32_t left = patterns & ((p_season_or_quarter << 1) - 1); left != 0; left &= left - 1) {
            const std::uint32_t p = left & (0u - left);
            m.reset(i);
            if (match_pattern(static_cast<Pattern>(p), i, m)) consider(best, found, m);
        }
#else
        // Every pattern, to check that those left out do not match.
        for (std::uint32_t p = 1; p <= p_season_or_quarter; p <<= 1) {
            m.reset(i);
            const bool matched = match_pattern(static_cast<Pattern>(p), i, m);
            assert((patterns & p) != 0 || !matched);
            if (matched) consider(best, found, m);
        }
#endif
        return found;
    }
    bool match_pattern(Pattern p, std::uint32_t i, Mention& m) {
        switch (p) {
            case p_month_date: return month_date(i, m);
            case p_weekday_date: return weekday_date(i, m);
            case p_numeric_date: return numeric_date(i, m);
            case p_year_date: return year_date(i, m);
            case p_word_date: return word_date(i, m);
            case p_relative_unit: return relative_unit(i, m);
            case p_quantity: return quantity(i, m);
            case p_anaphor: return anaphor(i, m);
            case p_set_expr: return set_expr(i, m);
            case p_clock_time: return clock_time(i, m);
            case p_season_or_quarter: return season_or_quarter(i, m);
        }
        return false;
    }

    // A year after a month/day: ", 2011" or " 2011".
    std::uint32_t year_after(std::uint32_t j, int& year) const {
        year = 0;
        if (is_punct(j, ',') && year_digits(j + 1)) {
            year = year_digits(j + 1);
            return j + 2;
        }
        if (year_digits(j)) {
            year = year_digits(j);
            return j + 1;
        }
        return j;
    }

    // Attaches a trailing time or part of day: "Friday morning", "December 16 at 4 p.m.".
    void part_of_day_after(Mention& m) const {
        if (const auto* row = word_row(m.end, "part")) {
            m.suffix = "T" + std::string((*row)[1]);
            m.type = TimexType::time;
            m.end += 1;
        }
    }

    bool month_date(std::uint32_t i, Mention& m) {
        std::uint32_t j = i;
        int rel = 0;
        std::string_view s = w(j);
        if (s == "last" || s == "next" || s == "this") {
            rel = s == "last" ? -1 : s == "next" ? 1 : 2;
            ++j;
        }
        bool wabbr = false;
        bool leading_weekday = false;
        if (weekday_at(j, wabbr)) {  // Tuesday, Dec. 16
            std::uint32_t k = j + 1 + (is_punct(j + 1, ',') ? 1 : 0);
            bool a, h;
            if (month_at(k, a, h) && day_at(k + 1)) {
                j = k;
                leading_weekday = true;
            }
        }
        int day_first = 0;
        if (!leading_weekday && day_at(j) && is_num_token(j)) {  // 16 December [2011]
            bool a, h;
            std::uint32_t k = j + 1 + (w(j + 1) == "of" ? 1 : 0);
            if (month_at(k, a, h)) {
                day_first = day_at(j);
                j = k;
            }
        }
        bool abbr = false, homograph = false;
        int month = month_at(j, abbr, homograph);
        std::string_view tok = w(j);
        // mid-December, late-November, mid-2011 as one token
        if (!month && rel == 0 && !day_first) {
            auto dash = tok.find('-');
            if (dash != std::string_view::npos) {
                std::string_view pre = tok.substr(0, dash), rest = tok.substr(dash + 1);
                if (pre == "mid" || pre == "early" || pre == "late") {
                    bool o = false;
                    if (const auto* row = months_.find(rest); row && !has_flag(row, "abbr")) {
                        m.form = Form::month;
                        m.month = field_int(row, 0);
                        m.end = j + 1;
                        int year;
                        m.end = year_after(m.end, year);
                        if (year) {
                            m.form = Form::fixed;
                            m.value = std::to_string(year) + "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
                        }
                        return true;
                    }
                    (void)o;
                    if (rest.size() == 4 && all_digits(rest)) {
                        m.form = Form::fixed;
                        m.value = std::string(rest);
                        m.end = j + 1;
                        return true;
                    }
                    if (rest.size() == 5 && rest.back() == 's' && all_digits(rest.substr(0, 4))) {
                        m.form = Form::fixed;
                        m.value = std::string(rest.substr(0, 3));
                        m.end = j + 1;
                        return true;
                    }
                }
            }
            return false;
        }
        if (!month) return false;
        int day = day_first;
        std::uint32_t e = j + 1;
        if (!day && day_at(e) && !(is_num_token(e) && w(e).size() == 4)) {
            // "May 5" but not "May 5,000"
            day = day_at(e);
            e += 1;
        }
        int year = 0;
        e = year_after(e, year);
        if (!day && !year) {
            if (w(j + 1) == "of" && year_digits(j + 2)) {
                year = year_digits(j + 2);
                e = j + 3;
            }
        }
        if (!day && !year) {
            if (abbr) return false;
            if (homograph) {
                std::string_view prev = i > sent_first_ ? w(i - 1) : std::string_view();
                if (rel == 0 && !date_preposition(prev) && !(i > sent_first_ && (w(i - 1) == "early" || w(i - 1) == "late")))
                    return false;
                // "may" after a subject is the verb; a capital inside a name run is a surname
                if (cap(i + 1) && rel == 0) return false;
            }
            if (w(e) == "this" && w(e + 1) == "year") {  // January this year
                m.form = Form::month;
                m.rel = 2;
                m.month = month;
                m.end = e + 2;
                return true;
            }
            if (w(e) == "last" && w(e + 1) == "year") {
                m.form = Form::month;
                m.rel = -2;
                m.month = month;
                m.end = e + 2;
                return true;
            }
        }
        m.month = month;
        m.day = day;
        m.year = year;
        m.rel = rel;
        m.end = e;
        if (year) {
            m.form = Form::fixed;
            char buf[32];
            if (day)
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
            else
                std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
            m.value = buf;
        } else {
            m.form = day ? Form::month_day : Form::month;
        }
        if (day) part_of_day_after(m);
        return true;
    }

    bool weekday_date(std::uint32_t i, Mention& m) {
        std::uint32_t j = i;
        std::string_view s = w(j);
        int rel = 0;
        if (s == "last" || s == "next" || s == "this" || s == "past" || s == "coming") {
            rel = s == "last" || s == "past" ? -1 : s == "this" ? 2 : 1;
            ++j;
        } else if (s == "this" && w(j + 1) == "coming") {
            rel = 1;
            j += 2;
        }
        bool abbr = false;
        int wd = weekday_at(j, abbr);
        if (!wd || abbr) return false;
        m.form = Form::weekday;
        m.weekday = wd;
        m.rel = rel;
        m.end = j + 1;
        part_of_day_after(m);
        return true;
    }

    bool numeric_date(std::uint32_t i, Mention& m) {
        std::string_view s = w(i);
        if (!is_num_token(i)) return false;
        // 2011-12-16 as three tokens
        if (year_digits(i) && is_punct(i + 1, '-') && adjacent(i, i + 1) && w(i + 2).size() == 2 &&
            all_digits(w(i + 2)) && is_punct(i + 3, '-') && w(i + 4).size() == 2 && all_digits(w(i + 4)) &&
            adjacent(i + 3, i + 4)) {
            int mo = to_int(w(i + 2)), d = to_int(w(i + 4));
            if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(year_digits(i), mo)) return false;
            m.form = Form::fixed;
            m.value = std::string(s) + "-" + std::string(w(i + 2)) + "-" + std::string(w(i + 4));
            m.end = i + 5;
            return true;
        }
        // 12/16/2011, 12/16/11, 12/16 (ten bytes at most: a longer form is not scanned)
        if (s.size() > 10) return false;
        auto a = s.find('/');
        if (a == std::string_view::npos || s.find(':') != std::string_view::npos || s.find('.') != std::string_view::npos ||
            s.find(',') != std::string_view::npos)
            return false;
        auto b = s.find('/', a + 1);
        std::string_view p1 = s.substr(0, a);
        std::string_view p2 = b == std::string_view::npos ? s.substr(a + 1) : s.substr(a + 1, b - a - 1);
        std::string_view p3 = b == std::string_view::npos ? std::string_view() : s.substr(b + 1);
        if (p1.size() > 2 || p2.size() > 2 || !all_digits(p1) || !all_digits(p2)) return false;
        int mo = to_int(p1), d = to_int(p2);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
        if (b == std::string_view::npos) return false;  // 3/4 is more often a fraction
        if ((p3.size() != 2 && p3.size() != 4) || !all_digits(p3)) return false;
        int y = to_int(p3);
        if (p3.size() == 2) y += y < 50 ? 2000 : 1900;
        if (d > days_in_month(y, mo)) return false;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
        m.form = Form::fixed;
        m.value = buf;
        m.end = i + 1;
        return true;
    }

    bool year_date(std::uint32_t i, Mention& m) {
        std::uint32_t j = i;
        bool the = false;
        if (w(j) == "the") {
            the = true;
            ++j;
        }
        if (w(j) == "fiscal" && year_digits(j + 1)) {
            m.form = Form::fixed;
            m.value = std::string(w(j + 1));
            m.end = j + 2;
            return true;
        }
        // the 1990s, the '80s, 1990s, the mid-1990s
        std::string_view s = w(j);
        std::uint32_t k = j;
        if ((s == "'" || s == "\"") && k + 1 < lim_) s = w(++k);
        if (s.size() >= 3 && s.back() == 's') {
            std::string_view d = s.substr(0, s.size() - 1);
            if (d.size() >= 2 && d[d.size() - 2] == '\'') d = d.substr(0, d.size() - 2);
            if (d.size() == 4 && all_digits(d) && d[3] == '0' && to_int(d) >= 1000) {
                m.form = Form::fixed;
                m.value = std::string(d.substr(0, 3));
                m.end = k + 1;
                return true;
            }
            if (d.size() == 2 && all_digits(d) && d[1] == '0' && k > j) {
                m.form = Form::fixed;
                m.value = "19" + std::string(d.substr(0, 1));
                m.end = k + 1;
                return true;
            }
        }
        if (the) {
            // the 20th century
            if (day_at(j) && w(j).size() > 2 && w(j + 1) == "century") {
                m.form = Form::fixed;
                m.value = std::to_string(day_at(j) - 1);
                if (m.value.size() < 2) m.value = "0" + m.value;
                m.end = j + 2;
                return true;
            }
            return false;
        }
        int y = year_digits(i);
        if (!y || !is_num_token(i)) return false;
        std::string_view prev = i > sent_first_ ? w(i - 1) : std::string_view();
        std::string_view next = w(i + 1);
        if (prev == "$" || next == "%" || next == "percent" || prev == "no." || prev == "#") return false;
        if (is_punct(i + 1, '-') || is_punct(i + 1, '/')) {  // 2011-12 handled elsewhere; ranges 1990-1995 keep
            if (!year_digits(i + 2)) return false;
        }
        bool ok = date_preposition(prev) || (y >= 1900 && y <= 2100 && (next.empty() || (toks_[i + 1].kind == TokenKind::punct && next != "-")));
        if (!ok && y >= 1800 && y <= 2100 && i + 1 < lim_ && toks_[i + 1].kind == TokenKind::word) {
            // A year as a premodifier: "the 1996 election", "its 1998 report", "Acme's 2001 plan".
            bool determiner = prev == "the" || prev == "its" || prev == "his" || prev == "her" ||
                              prev == "their" || prev == "our" || prev == "a" ||
                              (i > sent_first_ && possessive(i - 1));
            ok = determiner;
        }
        if (!ok) return false;
        if (date_preposition(prev) && y < 1800 && !(prev == "in" || prev == "since" || prev == "until")) return false;
        if (unit_at(i + 1) != Unit::none) return false;
        // "1990 votes": a count before a plural noun
        if (i + 1 < lim_ && toks_[i + 1].kind == TokenKind::word && !cap(i + 1) && next.size() > 2 &&
            next.back() == 's' && next != "was" && next != "has" && next != "this" && next != "its" &&
            next != "his" && next != "as" && next != "is")
            return false;
        m.form = Form::fixed;
        m.value = std::string(w(i));
        m.end = i + 1;
        return true;
    }

    // today, yesterday, tonight, now, the past, the future, this morning, last night
    bool word_date(std::uint32_t i, Mention& m) {
        std::string_view s = w(i);
        if (s == "the" && (w(i + 1) == "past" || w(i + 1) == "future")) {
            if (unit_at(i + 2) != Unit::none || number_at_ok(i + 2)) return false;
            m.form = Form::fixed;
            m.value = w(i + 1) == "past" ? "PAST_REF" : "FUTURE_REF";
            m.end = i + 2;
            return true;
        }
        if ((s == "in" || s == "near") && w(i + 1) == "future") {
            m.form = Form::fixed;
            m.value = "FUTURE_REF";
            m.first = i + 1;
            m.end = i + 2;
            return false;  // keep "in" out: handled by the caller's start
        }
        if (s == "future" && i > sent_first_ && (w(i - 1) == "in" || w(i - 1) == "near")) {
            m.form = Form::fixed;
            m.value = "FUTURE_REF";
            m.end = i + 1;
            return true;
        }
        if ((s == "this" || s == "last" || s == "tomorrow" || s == "yesterday" || s == "today") &&
            word_row(i + 1, "part")) {
            const auto* row = word_row(i + 1, "part");
            m.form = Form::offset;
            m.unit = Unit::day;
            m.granularity = Unit::day;
            m.n = s == "last" ? -1 : s == "tomorrow" ? 1 : s == "yesterday" ? -1 : 0;
            if (s == "last" && (*row)[1] != "NI") return false;
            m.suffix = "T" + std::string((*row)[1]);
            m.type = TimexType::time;
            m.end = i + 2;
            return true;
        }
        if (const auto* row = lex(i).word) {
            if (row->size() < 2) return false;
            std::string_view kind = (*row)[0], arg = (*row)[1];
            if (kind == "ref") {
                if (s == "now" && (w(i + 1) == "that" )) return false;
                m.form = Form::fixed;
                m.value = std::string(arg);
                m.end = i + 1;
                return true;
            }
            if (kind == "day") {
                m.form = Form::offset;
                m.unit = Unit::day;
                m.granularity = Unit::day;
                m.n = std::atoi(std::string(arg).c_str());
                m.end = i + 1;
                if (s == "today" && w(i + 1) == "'s") return true;
                part_of_day_after(m);
                return true;
            }
            if (kind == "tonight") {
                m.form = Form::offset;
                m.unit = Unit::day;
                m.granularity = Unit::day;
                m.suffix = "T" + std::string(arg);
                m.type = TimexType::time;
                m.end = i + 1;
                return true;
            }
        }
        return false;
    }

    bool number_at_ok(std::uint32_t i) const {
        Number n;
        return number_at(i, n, false);
    }

    // this week, last year, next month, the past three months, the next two years
    bool relative_unit(std::uint32_t i, Mention& m) {
        std::uint32_t j = i;
        bool the = w(j) == "the";
        if (the) ++j;
        std::string_view s = w(j);
        int rel;
        if (s == "this" && !the) rel = 0;
        else if (s == "current" || s == "present") rel = the ? 0 : 99;
        else if (s == "latest" || s == "most-recent") rel = the ? -1 : 99;
        else if (s == "last" || s == "past" || s == "previous" || s == "prior") rel = -1;
        else if (s == "next" || s == "coming" || s == "following") rel = 1;
        else return false;
        if (rel == 99) return false;
        if (the && s == "following") return false;  // anaphoric, see anaphor()
        if (the && s == "next" ) {
            // "the next day" is anaphoric; "the next two years" a duration
            Number n;
            if (!number_at(j + 1, n, false)) return false;
        }
        ++j;
        if (w(j) == "fiscal") ++j;
        Number n;
        if (number_at(j, n, false) && !n.ordinal) {
            bool plural = false;
            Unit u = unit_at(n.end, &plural);
            if (u == Unit::none) return false;
            m.type = TimexType::duration;
            m.form = Form::fixed;
            m.value = duration_value(u, n.value);
            m.end = n.end + 1;
            return true;
        }
        bool plural = false;
        Unit u = unit_at(j, &plural);
        if (u == Unit::none || u == Unit::fortnight) {
            if (s == "past" && !the && w(j) == "decade") return false;
            return false;
        }
        if (plural && !is_clock_unit(u)) {  // past years, coming months
            m.form = Form::fixed;
            m.value = rel < 0 ? "PAST_REF" : rel > 0 ? "FUTURE_REF" : "PRESENT_REF";
            m.end = j + 1;
            return true;
        }
        if (plural) {
            m.type = TimexType::duration;
            m.form = Form::fixed;
            m.value = duration_value(u, -1);
            m.end = j + 1;
            return true;
        }
        if (is_clock_unit(u)) {
            m.type = TimexType::duration;
            m.form = Form::fixed;
            m.value = duration_value(u, 1);
            m.end = j + 1;
            return true;
        }
        if (the && (s == "past" || s == "last") && u == Unit::decade) {
            m.type = TimexType::duration;
            m.form = Form::fixed;
            m.value = "P10Y";
            m.end = j + 1;
            return true;
        }
        if (u == Unit::quarter) {
            m.form = Form::quarter;
            m.n = 0;
            m.rel = rel == 0 ? 2 : rel;
            m.end = j + 1;
            return true;
        }
        m.form = Form::offset;
        m.unit = u == Unit::weekend ? Unit::weekend : u;
        m.granularity = u;
        m.n = rel;
        m.end = j + 1;
        return true;
    }

    // three days, a week, two-week, 10 days ago, two days later, nearly two years
    bool quantity(std::uint32_t i, Mention& m) {
        std::uint32_t j = i;
        std::string_view s = w(j);
        if (s == "more" && w(j + 1) == "than") j += 2;
        else if (s == "less" && w(j + 1) == "than") j += 2;
        else if (s == "at" && (w(j + 1) == "least" || w(j + 1) == "most")) j += 2;
        else if (s == "about" || s == "nearly" || s == "almost" || s == "around" || s == "approximately" ||
                 s == "roughly" || s == "over" || s == "some" || s == "just" || s == "only")
            j += 1;
        // hyphenated: two-week, 10-year, day-long
        {
            std::string_view t = w(j);
            auto dash = t.find('-');
            if (dash != std::string_view::npos && dash > 0) {
                std::string_view left = t.substr(0, dash), right = t.substr(dash + 1);
                if (right.size() > 5 && right.substr(right.size() - 5) == "-long") right.remove_suffix(5);
                if (right.size() > 4 && right.substr(right.size() - 4) == "-old") return false;  // an age
                const auto* urow = units_.find(right);
                if (urow && !urow->empty()) {
                    Unit u = unit_from_code((*urow)[0]);
                    int v = 0;
                    bool ord = false;
                    if (left.size() <= 3 && all_digits(left)) v = to_int(left);
                    else v = number_word(left, ord);
                    if (v > 0 && !ord && u != Unit::quarter) {
                        m.type = TimexType::duration;
                        m.form = Form::fixed;
                        m.value = duration_value(u, v);
                        m.end = j + 1;
                        return true;
                    }
                }
                if (right == "long" && units_.find(left)) {  // day-long, decades-long
                    bool pl = false;
                    Unit u = unit_at(j, &pl);
                    (void)u;
                    const auto* lrow = units_.find(left);
                    m.type = TimexType::duration;
                    m.form = Form::fixed;
                    m.value = duration_value(unit_from_code((*lrow)[0]), has_flag(lrow, "pl") ? -1 : 1);
                    m.end = j + 1;
                    return true;
                }
            }
        }
        Number n;
        bool have_number = number_at(j, n, true);
        std::uint32_t k = have_number ? n.end : j;
        if (have_number && n.ordinal) return false;
        bool half = false;
        if (have_number && n.digits && w(k) == "1/2") {  // 5 1/2 hours
            half = true;
            ++k;
        }
        if (have_number && w(k) == "more") ++k;  // two more weeks
        bool plural = false;
        Unit u = unit_at(k, &plural);
        if (u == Unit::none) return false;
        if (!have_number) {
            // bare plural: "for months", "years"; "days" after "recent"
            if (!plural || j != i) return false;
            if (u == Unit::quarter || u == Unit::weekend) return false;
            std::string_view prev = i > sent_first_ ? w(i - 1) : std::string_view();
            if (prev == "the" || prev == "those" || prev == "these" || prev == "early" || prev == "those") return false;
            if (w(k + 1) == "of" && !(w(k + 2) == "the" || w(k + 2).empty())) return false;
            if (w(k + 1) == "ago" || w(k + 1) == "later" || w(k + 1) == "earlier") {
                m.type = TimexType::date;
                m.form = Form::fixed;
                m.value = w(k + 1) == "ago" ? "PAST_REF" : "PAST_REF";
                m.end = k + 2;
                return true;
            }
            m.type = TimexType::duration;
            m.form = Form::fixed;
            m.value = duration_value(u, -1);
            m.end = k + 1;
            if (prev == "recent" || prev == "coming") m.first = i - 1;  // recent years: PXY
            return true;
        }
        if (n.digits && n.value > 500 && u != Unit::hour && u != Unit::minute) return false;
        // "a day" in "once a day", "$5 a year": a rate, not a time
        if ((w(j) == "a" || w(j) == "an") && i > sent_first_) {
            std::string_view prev = w(i - 1);
            if (prev == "once" || prev == "twice" || prev == "times" || toks_[i - 1].kind == TokenKind::number) {
                m.type = TimexType::set;
                m.form = Form::fixed;
                m.value = duration_value(u, 1);
                m.end = k + 1;
                return true;
            }
        }
        std::string_view after = w(k + 1);
        // "two days before the vote": relative to an event; only the duration is a timex
        if ((after == "before" || after == "after") && w(k + 2) != "." && w(k + 2) != "," && !w(k + 2).empty())
            after = std::string_view();
        if (after == "ago" || ((after == "earlier" || after == "later" || after == "before" || after == "after") &&
                               !is_clock_unit(u))) {
            m.type = TimexType::date;
            int amount = n.value < 0 ? 0 : n.value;
            m.n = after == "ago" || after == "earlier" || after == "before" ? -amount : amount;
            m.unit = u;
            m.granularity = u == Unit::week || u == Unit::day || u == Unit::month || u == Unit::year ? u : Unit::year;
            if (u == Unit::decade) {
                m.unit = Unit::year;
                m.n *= 10;
            }
            if (u == Unit::century) {
                m.unit = Unit::year;
                m.n *= 100;
            }
            if (u == Unit::quarter) m.granularity = Unit::quarter;
            if (u == Unit::fortnight) {
                m.unit = Unit::week;
                m.n *= 2;
                m.granularity = Unit::week;
            }
            if (is_clock_unit(u)) {
                m.unit = Unit::day;
                m.n = 0;
                m.granularity = Unit::day;
            }
            m.form = after == "ago" ? Form::offset : Form::anaphor;
            if (n.value < 0) {
                m.form = Form::fixed;
                m.value = "PAST_REF";
                if (after == "later") m.value = "FUTURE_REF";
            }
            m.quarter_aware = (u == Unit::year && amount == 1);
            m.end = k + 2;
            if (after == "earlier" && m.form == Form::anaphor && w(k + 2) == "than") return false;
            return true;
        }
        if (u == Unit::quarter || u == Unit::weekend) return false;
        if (w(k + 1) == "'s" || w(k + 1) == "old" || (w(k + 1) == "-" && w(k + 2) == "old")) {
            if (w(k + 1) == "old" || w(k + 2) == "old") return false;  // ages are not durations
        }
        m.type = TimexType::duration;
        m.form = Form::fixed;
        m.value = duration_value(u, n.value);
        m.end = k + 1;
        if (!half && w(k + 1) == "and" && w(k + 2) == "a" && w(k + 3) == "half") {
            half = true;
            m.end = k + 4;
        }
        if (half && n.value >= 0) {
            if (u == Unit::year) m.value += "6M";
            else if (u == Unit::hour) m.value += "30M";
            else if (u == Unit::minute) m.value += "30S";
            else if (u == Unit::day) m.value += "T12H";
        }
        // "the three days", "the first nine months"
        if (i > sent_first_ && j == i && w(i - 1) == "the") m.first = i - 1;
        if (i > sent_first_ + 1 && j == i && (w(i - 1) == "first" || w(i - 1) == "last") && w(i - 2) == "the")
            m.first = i - 2;
        return true;
    }

    // the following day, that day, the next morning, the same day, the day before
    bool anaphor(std::uint32_t i, Mention& m) {
        std::string_view s = w(i);
        std::uint32_t j;
        int n;
        if (s == "the" && (w(i + 1) == "following" || w(i + 1) == "next" || w(i + 1) == "previous" ||
                           w(i + 1) == "same" || w(i + 1) == "preceding")) {
            std::string_view r = w(i + 1);
            n = r == "following" || r == "next" ? 1 : r == "same" ? 0 : -1;
            j = i + 2;
        } else if (s == "that" || (s == "earlier" && w(i + 1) == "that")) {
            n = 0;
            j = s == "that" ? i + 1 : i + 2;
            if (w(j) == "same") ++j;
        } else if (s == "the" && w(i + 1) == "day" && (w(i + 2) == "before" || w(i + 2) == "after")) {
            std::string_view nx = w(i + 3);
            if (!(nx.empty() || nx == "." || nx == "," || nx == "yesterday")) return false;
            m.form = Form::anaphor;
            m.unit = Unit::day;
            m.granularity = Unit::day;
            m.n = w(i + 2) == "before" ? -1 : 1;
            if (nx == "yesterday") {
                m.form = Form::offset;
                m.n = -2;
                m.end = i + 4;
                return true;
            }
            m.end = i + 3;
            return true;
        } else {
            return false;
        }
        if (const auto* row = word_row(j, "part")) {
            m.form = Form::anaphor;
            m.unit = Unit::day;
            m.granularity = Unit::day;
            m.n = std::string((*row)[1]) == "NI" && n == 0 ? 0 : n;
            if (n == 1 && (*row)[1] == "NI") m.n = 0;  // the following night: same evening
            if (n == 1 && (*row)[1] != "NI") m.n = 1;
            m.suffix = "T" + std::string((*row)[1]);
            m.type = TimexType::time;
            m.end = j + 1;
            return true;
        }
        bool plural = false;
        Unit u = unit_at(j, &plural);
        if (u == Unit::none || plural || is_clock_unit(u) || u == Unit::quarter || u == Unit::fortnight) return false;
        if (s == "that" && u == Unit::weekend) return false;
        m.form = Form::anaphor;
        m.unit = u;
        m.granularity = u;
        m.n = n;
        m.end = j + 1;
        if (s == "that" && (w(j + 1) == "of" || w(j + 1) == "when")) return false;
        return true;
    }

    // daily, every week, each day, every two weeks
    bool set_expr(std::uint32_t i, Mention& m) {
        std::string_view s = w(i);
        if (const auto* row = word_row(i, "set")) {
            m.type = TimexType::set;
            m.form = Form::fixed;
            m.value = std::string((*row)[1]);
            m.end = i + 1;
            return true;
        }
        if (s != "every" && s != "each") return false;
        std::uint32_t j = i + 1;
        Number n;
        int amount = 1;
        if (number_at(j, n, false) && !n.ordinal && n.value > 0) {
            amount = n.value;
            j = n.end;
        }
        bool plural = false;
        Unit u = unit_at(j, &plural);
        if (u != Unit::none && u != Unit::quarter) {
            if (s == "each" && amount == 1 && w(j + 1) == "of") return false;
            m.type = TimexType::set;
            m.form = Form::fixed;
            m.value = duration_value(u, amount);
            m.end = j + 1;
            return true;
        }
        bool abbr = false;
        if (int wd = weekday_at(j, abbr); wd && !abbr) {
            m.type = TimexType::set;
            m.form = Form::fixed;
            m.value = "XXXX-WXX-" + std::to_string(wd);
            m.end = j + 1;
            return true;
        }
        if (const auto* row = word_row(j, "part")) {
            m.type = TimexType::set;
            m.form = Form::fixed;
            m.value = "T" + std::string((*row)[1]);
            m.end = j + 1;
            return true;
        }
        return false;
    }

    // 4:30 pm, 4 p.m., 4pm, noon, midday, 10:35 a.m. EST
    bool clock_time(std::uint32_t i, Mention& m) {
        std::string_view s = w(i);
        int hour = -1, minute = 0;
        std::uint32_t e = i + 1;
        if (const auto* row = word_row(i, "clock")) {
            std::string_view a = (*row)[1];
            hour = to_int(a.substr(0, 2));
            minute = to_int(a.substr(3, 2));
        } else {
            std::string_view num = s, ampm;
            // 4pm as one token
            if (s.size() > 2 && (s.substr(s.size() - 2) == "am" || s.substr(s.size() - 2) == "pm")) {
                num = s.substr(0, s.size() - 2);
                ampm = s.substr(s.size() - 2);
            }
            if (num.size() > 5) return false;  // "12:30" at most (a longer form is not scanned)
            const auto colon = num.find(':');
            if (colon != std::string_view::npos) {
                std::string_view h = num.substr(0, colon), mi = num.substr(colon + 1);
                if (h.size() > 2 || mi.size() != 2 || !all_digits(h) || !all_digits(mi)) return false;
                hour = to_int(h);
                minute = to_int(mi);
            } else {
                if (num.size() > 2 || !all_digits(num)) return false;
                hour = to_int(num);
            }
            if (ampm.empty()) {
                std::string_view n1 = w(e);
                if (n1 == "a.m." || n1 == "am" || n1 == "a.m" || n1 == "p.m." || n1 == "pm" || n1 == "p.m") {
                    ampm = n1[0] == 'a' ? "am" : "pm";
                    ++e;
                } else if (n1 == "o'clock") {
                    ++e;
                } else if (colon == std::string_view::npos) {
                    return false;
                } else if (n1 == "in" && w(e + 1) == "the" && word_row(e + 2, "part")) {
                    ampm = w(e + 2) == "morning" ? "am" : "pm";
                    e += 3;
                } else {
                    // 4:30 alone: a time only after "at"
                    if (!(i > sent_first_ && (w(i - 1) == "at" || w(i - 1) == "by" || w(i - 1) == "until")))
                        return false;
                }
            } else if (ampm[0] != 'a' && ampm[0] != 'p') {
                return false;
            }
            if (hour > 24 || minute > 59 || (!ampm.empty() && (hour < 1 || hour > 12))) return false;
            if (ampm == "pm" && hour < 12) hour += 12;
            if (ampm == "am" && hour == 12) hour = 0;
            // time zone
            std::string_view z = w(e);
            if (z == "est" || z == "edt" || z == "gmt" || z == "utc" || z == "pst" || z == "pdt" || z == "cst" ||
                z == "cdt" || z == "bst" || z == "cet")
                ++e;
        }
        if (hour < 0) return false;
        char buf[32];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
        m.type = TimexType::time;
        m.form = Form::offset;
        m.unit = Unit::day;
        m.granularity = Unit::day;
        m.n = 0;
        m.suffix = buf;
        m.end = e;
        // 9 a.m. Tuesday, noon Saturday, 4 p.m. yesterday
        std::uint32_t k = e + (w(e) == "on" ? 1 : 0);
        bool abbr = false;
        if (int wd = weekday_at(k, abbr); wd && !abbr) {
            m.form = Form::weekday;
            m.weekday = wd;
            m.end = k + 1;
        } else if (const auto* row = word_row(k, "day")) {
            m.n = std::atoi(std::string((*row)[1]).c_str());
            m.end = k + 1;
        } else {
            Mention d;
            d.first = k;
            std::uint32_t kk = k + (is_punct(k, ',') ? 1 : 0);
            if (month_date(kk, d) && d.day) {
                d.first = m.first;
                d.suffix = m.suffix;
                d.type = TimexType::time;
                if (d.form == Form::fixed) d.value += d.suffix;
                m = d;
            }
        }
        return true;
    }

    // this summer, last fall, the third quarter, third-quarter, the fourth quarter of 2011
    bool season_or_quarter(std::uint32_t i, Mention& m) {
        std::uint32_t j = i;
        std::string_view s = w(j);
        int rel = 0;
        bool determiner = false;
        if (s == "this" || s == "last" || s == "next" || s == "the" || s == "early" || s == "late") {
            rel = s == "last" ? -1 : s == "next" ? 1 : s == "this" ? 2 : 0;
            determiner = true;
            ++j;
        }
        // the 1988 third quarter, the year-ago quarter, next year's first quarter
        int stated_year = 0, year_shift = 0;
        if (year_digits(j) && (w(j + 1) == "fiscal" || w(j + 2) == "quarter" || w(j + 1).find("-quarter") != std::string_view::npos)) {
            stated_year = year_digits(j);
            ++j;
        } else if (w(j) == "year-ago" || w(j) == "year-earlier") {
            year_shift = -1;
            ++j;
        } else if ((w(j) == "next" || w(j) == "last" || w(j) == "this") && w(j + 1) == "year" &&
                   possessive(j + 1)) {
            year_shift = w(j) == "next" ? 1 : w(j) == "last" ? -1 : 0;
            j += 2;
        }
        if (w(j) == "fiscal") ++j;
        if (year_shift == -1 && w(j) != "quarter" && !(w(j).find("-quarter") != std::string_view::npos) &&
            !(number_word_at(j, ord_dummy_) && w(j + 1) == "quarter")) {
            // year-earlier (results), the year-ago period: the same period a year before
            m.form = Form::anaphor;
            m.unit = Unit::year;
            m.granularity = Unit::year;
            m.n = -1;
            m.quarter_aware = true;
            m.end = j;
            if (s == "the" && w(j) == "period") m.end = j + 1;
            if (s == "the" && m.end == j) {  // "the year-ago profit": keep "the" out
                m.first = i + 1;
            }
            return true;
        }
        if (w(j) == "quarter" && year_shift == -1) {  // the year-ago quarter: the anaphoric form
            m.form = Form::anaphor;
            m.unit = Unit::year;
            m.granularity = Unit::year;
            m.n = -1;
            m.quarter_aware = true;
            m.end = j + 1;
            return true;
        }
        // ordinal quarter
        std::string_view t = w(j);
        int q = 0;
        std::uint32_t e = 0;
        bool ord = false;
        auto dash = t.find('-');
        if (dash != std::string_view::npos && t.substr(dash + 1) == "quarter") {
            q = number_word(t.substr(0, dash), ord);
            if (!ord) q = 0;
            e = j + 1;
        } else if (w(j + 1) == "quarter") {
            q = number_word_at(j, ord);
            if (!ord && !(day_at(j) && t.size() > 1 && !all_digits(t))) q = 0;
            if (!q && day_at(j) && !all_digits(t)) q = day_at(j);
            e = j + 2;
        }
        if (s == "the" && j == i + 1 && t == "quarter" && !is_punct(j + 1, '-')) {  // the quarter: the last one reported
            m.form = Form::quarter;
            m.n = 0;
            m.rel = -1;
            m.end = j + 1;
            return true;
        }
        if (q >= 1 && q <= 4) {
            m.form = Form::quarter;
            m.n = q;
            m.rel = rel;
            m.end = e;
            int year = 0;
            if (w(e) == "of" && year_digits(e + 1)) {
                year = year_digits(e + 1);
                m.end = e + 2;
            } else if (year_digits(e) ) {
                year = year_digits(e);
                m.end = e + 1;
            }
            if (!year) year = stated_year;
            if (year) {
                m.form = Form::fixed;
                m.value = std::to_string(year) + "-Q" + std::to_string(q);
            } else if (year_shift) {
                m.rel = 10 + year_shift;  // a year shift, see resolve()
            }
            // "third-quarter" without "the" is an adjective: still annotated in TimeBank
            return true;
        }
        if (const auto* row = word_row(j, "season")) {
            int year = 0;
            std::uint32_t e2 = j + 1;
            if (w(e2) == "of" && year_digits(e2 + 1)) {
                year = year_digits(e2 + 1);
                e2 += 2;
            } else if (year_digits(e2)) {
                year = year_digits(e2);
                e2 += 1;
            }
            std::string_view prev = i > sent_first_ ? w(i - 1) : std::string_view();
            if (!determiner && !year && !(prev == "in" || prev == "during" || prev == "since" || prev == "until" ||
                                         prev == "by" || prev == "through"))
                return false;
            if (s == "the" && !year && w(e2) != "," && w(e2) != "." && !w(e2).empty() && w(e2) != "when" &&
                w(e2) != "and")
                return false;
            m.form = year ? Form::fixed : Form::season;
            m.value = year ? std::to_string(year) + "-" + std::string((*row)[1]) : std::string((*row)[1]);
            m.rel = rel;
            m.end = e2;
            return true;
        }
        // this century
        if ((s == "this" || s == "last" || s == "next") && w(j) == "century") {
            m.form = Form::offset;
            m.unit = Unit::century;
            m.granularity = Unit::century;
            m.n = rel == 2 ? 0 : rel;
            m.end = j + 1;
            return true;
        }
        return false;
    }
};

}  // namespace

namespace {

// Mentions' encoding: unsigned LEB128 numbers, signed ones zigzagged first.
void put_number(unsigned char*& p, std::uint64_t v) {
    while (v >= 0x80) {
        *p++ = static_cast<unsigned char>(v | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<unsigned char>(v);
}
void put_signed(unsigned char*& p, std::int64_t v) {
    put_number(p, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}
std::uint64_t get_number(const unsigned char*& p) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const unsigned char b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (b < 0x80) return v;
    }
}
std::int64_t get_signed(const unsigned char*& p) {
    const std::uint64_t v = get_number(p);
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// Which fields of a mention differ from a fresh Mention{}: the mask that leads its record.
constexpr unsigned has_type = 1u << 0, has_form = 1u << 1, has_value = 1u << 2, has_year = 1u << 3,
                   has_month = 1u << 4, has_day = 1u << 5, has_weekday = 1u << 6, has_n = 1u << 7,
                   has_unit = 1u << 8, has_granularity = 1u << 9, has_rel = 1u << 10, is_future = 1u << 11,
                   is_quarter_aware = 1u << 12, has_suffix = 1u << 13;

constexpr std::size_t mention_block_bytes = std::size_t{1} << 16;

}  // namespace

void Mentions::push(Mention&& m) {
    if (m.form == Form::fixed && m.type == TimexType::date && m.value.size() == 10)
        if (const auto d = parse_iso_date(m.value)) full_dates_.push_back(static_cast<std::int32_t>(days_from_civil(*d)));
    ++size_;
    if (kept_.size() < kept) {
        kept_.push_back(std::move(m));
        return;
    }
    encode(m);
}

void Mentions::encode(const Mention& m) {
    // At most 5 numbers of 64 bits, 6 of 32, 4 bytes and 2 strings with their lengths.
    const std::size_t need = 5 * 10 + 6 * 5 + 4 + 2 * 10 + m.value.size() + m.suffix.size();
    if (blocks_.empty() || blocks_.back().capacity - blocks_.back().size < need) {
        Block block;
        // 512 bytes first (a short document has a few mentions), doubling up to 64 KiB.
        const std::size_t grown = std::size_t{512} << std::min<std::size_t>(blocks_.size(), 7);
        block.capacity = std::max(std::min(grown, mention_block_bytes), need);
        block.bytes.reset(new unsigned char[block.capacity]);
        blocks_.push_back(std::move(block));
    }
    Block& block = blocks_.back();
    // (Mention{} has type date, form fixed, unit none, granularity day: see Mention::reset.)
    const unsigned mask = (m.type != TimexType::date ? has_type : 0) | (m.form != Form::fixed ? has_form : 0) |
                          (!m.value.empty() ? has_value : 0) | (m.year != 0 ? has_year : 0) |
                          (m.month != 0 ? has_month : 0) | (m.day != 0 ? has_day : 0) |
                          (m.weekday != 0 ? has_weekday : 0) | (m.n != 0 ? has_n : 0) |
                          (m.unit != Unit::none ? has_unit : 0) |
                          (m.granularity != Unit::day ? has_granularity : 0) |
                          (m.rel != 0 ? has_rel : 0) | (m.future ? is_future : 0) |
                          (m.quarter_aware ? is_quarter_aware : 0) | (!m.suffix.empty() ? has_suffix : 0);
    unsigned char* p = block.bytes.get() + block.size;
    put_signed(p, static_cast<std::int64_t>(m.first) - last_first_);
    put_signed(p, static_cast<std::int64_t>(m.end) - m.first);
    put_signed(p, static_cast<std::int64_t>(m.span.begin) - last_begin_);
    put_signed(p, static_cast<std::int64_t>(m.span.end) - m.span.begin);
    put_number(p, mask);
    if (mask & has_type) *p++ = static_cast<unsigned char>(m.type);
    if (mask & has_form) *p++ = static_cast<unsigned char>(m.form);
    if (mask & has_value) {
        put_number(p, m.value.size());
        std::memcpy(p, m.value.data(), m.value.size());
        p += m.value.size();
    }
    if (mask & has_year) put_signed(p, m.year);
    if (mask & has_month) put_signed(p, m.month);
    if (mask & has_day) put_signed(p, m.day);
    if (mask & has_weekday) put_signed(p, m.weekday);
    if (mask & has_n) put_signed(p, m.n);
    if (mask & has_unit) *p++ = static_cast<unsigned char>(m.unit);
    if (mask & has_granularity) *p++ = static_cast<unsigned char>(m.granularity);
    if (mask & has_rel) put_signed(p, m.rel);
    if (mask & has_suffix) {
        put_number(p, m.suffix.size());
        std::memcpy(p, m.suffix.data(), m.suffix.size());
        p += m.suffix.size();
    }
    block.size = static_cast<std::size_t>(p - block.bytes.get());
    assert(block.size <= block.capacity);
    last_first_ = m.first;
    last_begin_ = m.span.begin;
}

const Mention* Mentions::Reader::next() {
    if (read_ == mentions_.size_) return nullptr;
    if (read_ < mentions_.kept_.size()) return &mentions_.kept_[read_++];
    Mention& m = decoded_;
    if (at_ == mentions_.blocks_[block_].size) {
        ++block_;
        at_ = 0;
    }
    const Block& block = mentions_.blocks_[block_];
    const unsigned char* const start = block.bytes.get() + at_;
    const unsigned char* p = start;
    first_ = static_cast<std::uint32_t>(first_ + get_signed(p));
    m.reset(first_);
    m.end = static_cast<std::uint32_t>(first_ + get_signed(p));
    begin_ = static_cast<std::uint32_t>(begin_ + get_signed(p));
    m.span = Span{begin_, static_cast<std::uint32_t>(begin_ + get_signed(p))};
    const auto mask = static_cast<unsigned>(get_number(p));
    if (mask & has_type) m.type = static_cast<TimexType>(*p++);
    if (mask & has_form) m.form = static_cast<Form>(*p++);
    if (mask & has_value) {
        const auto n = static_cast<std::size_t>(get_number(p));
        m.value.assign(reinterpret_cast<const char*>(p), n);
        p += n;
    }
    if (mask & has_year) m.year = static_cast<int>(get_signed(p));
    if (mask & has_month) m.month = static_cast<int>(get_signed(p));
    if (mask & has_day) m.day = static_cast<int>(get_signed(p));
    if (mask & has_weekday) m.weekday = static_cast<int>(get_signed(p));
    if (mask & has_n) m.n = static_cast<int>(get_signed(p));
    if (mask & has_unit) m.unit = static_cast<Unit>(*p++);
    if (mask & has_granularity) m.granularity = static_cast<Unit>(*p++);
    if (mask & has_rel) m.rel = static_cast<int>(get_signed(p));
    m.future = (mask & is_future) != 0;
    m.quarter_aware = (mask & is_quarter_aware) != 0;
    if (mask & has_suffix) {
        const auto n = static_cast<std::size_t>(get_number(p));
        m.suffix.assign(reinterpret_cast<const char*>(p), n);
        p += n;
    }
    at_ += static_cast<std::size_t>(p - start);
    ++read_;
    return &m;
}

Mentions detect_mentions(const text::Document& doc) {
    Detector d(doc);
    return d.run();
}

}  // namespace reportage::time
