// Events: find trigger phrases sentence by sentence, attach the arguments the sentence
// (or, for date and place, the text before it) gives, then merge the mentions of one
// event.
#include "events/events.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "events/counts.hpp"
#include "lexicon/lexicon.hpp"
#include "sources/word_flags.hpp"
#include "util/prefetch.hpp"

namespace reportage::events {

namespace {

using text::Document;
using text::Token;
using text::TokenKind;

const lexicon::Table& triggers() {
    static const lexicon::Table& t = lexicon::table("event_triggers");
    return t;
}
const lexicon::Table& types() {
    static const lexicon::Table& t = lexicon::table("event_types");
    return t;
}
const lexicon::Table& actor_nouns() {
    static const lexicon::Table& t = lexicon::table("event_actors");
    return t;
}
const lexicon::Table& place_words() {
    static const lexicon::Table& t = lexicon::table("event_places");
    return t;
}

const lexicon::Table& person_nouns() {
    static const lexicon::Table& t = lexicon::table("count_persons");
    return t;
}

using lexicon::field;
using lexicon::LexId;

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view s : list)
        if (w == s) return true;
    return false;
}

// ------------------------------------------------------------------ words by lexeme id

// The classes of words that the per-token rules test (place names, statistics, trigger
// starts), read once from the word lists and the rules' literal lists: a token's classes
// are one array read by its lexeme id. src/lexicon/event_words.tsv gives the literal
// words their ids.
using Facts = std::uint16_t;
enum : Facts {
    wc_not_place = 1u << 0,      // never starts or continues a place name
    wc_place_prep = 1u << 1,     // "in", "at", "near" … before a place
    wc_compass = 1u << 2,        // event_place_cues: compass ("in southwest Atlanta")
    wc_modified = 1u << 3,       // event_place_cues: modified ("a Memphis nightclub")
    wc_settlement = 1u << 4,     // event_places: settlement ("the town of X")
    wc_statistic = 1u << 5,      // a word of a sentence that may report a statistic
    wc_trigger_start = 1u << 6,  // the first word of a trigger phrase
    wc_the = 1u << 7,
    wc_of = 1u << 8,
    wc_be = 1u << 9,             // a form of "be", or a word between one and a participle
    wc_clause_break = 1u << 10,  // a word that ends the clause of a count ("when", "after", ";")
    wc_negation = 1u << 11,      // "not", "never", "n't"
    wc_actor = 1u << 12,         // an actor noun of one word (event_actors)
    wc_actor_first = 1u << 13,   // the first word of an actor noun of two words ("security forces")
    tk_timex = 1u << 15,  // a fact of a token in its document, not of its word: inside a time expression
};

class WordClasses : public sources::WordFlags<Facts> {
public:
    // When every word of the classes has a lexeme id (is a key of some word list), a
    // token without one has none of the classes, and of(token.lex), an array read with
    // no branch, is all there is to ask (the pass of index_tokens over every token).
    bool all_lexemes() const { return all_lexemes_; }
    Facts of(LexId lex) const { return by_id_[std::min<std::size_t>(lex, by_id_.size() - 1)]; }
    using WordFlags::of;

    WordClasses() {
        for (const auto& row : place_words().rows()) {
            std::string_view kind = field(&row.second, 0);
            if (kind == "notplace") add(row.first, wc_not_place);
            if (kind == "settlement") add(row.first, wc_settlement);
        }
        static const lexicon::Table& cues = lexicon::table("event_place_cues");
        for (const auto& row : cues.rows()) {
            std::string_view kind = field(&row.second, 0);
            if (kind == "compass") add(row.first, wc_compass);
            if (kind == "modified") add(row.first, wc_modified);
        }
        // Words that never start or continue a place name, from the other word lists.
        for (std::string_view name : {"event_triggers", "person_titles", "count_numbers", "count_vague",
                                      "time_weekdays", "time_months"})
            for (const auto& row : lexicon::table(name).rows()) add(row.first, wc_not_place);
        for (std::string_view w : {"i", "the", "a", "an", "he", "she", "they", "it", "we", "his", "her", "their",
                                   "this", "that", "man", "woman", "men", "women", "teen", "boy", "girl", "police",
                                   "officers", "mr.", "mrs.", "ms.", "dr.", "sources", "reports", "report", "news",
                                   "video", "photo", "click", "updated", "posted", "am", "pm", "a.m.", "p.m."})
            add(w, wc_not_place);
        for (std::string_view w : {"in", "at", "near", "outside", "across", "inside", "around"}) add(w, wc_place_prep);
        for (std::string_view w : {"so", "since", "annually", "nationwide", "total", "average", "record", "rate",
                                   "statistics", "per", "homicides", "murders", "every", "each", "year", "years",
                                   "countywide", "citywide"})
            add(w, wc_statistic);
        for (const auto& row : triggers().rows()) add(row.first.substr(0, row.first.find(' ')), wc_trigger_start);
        add("the", wc_the);
        add("of", wc_of);
        for (std::string_view w : {"was", "were", "been", "be", "being", "is", "are", "got", "get", "gets",
                                   "getting", "left", "leaving", "leaves", "found", "reported", "remain",
                                   "remains", "remained", "seriously", "critically", "badly", "fatally",
                                   "later", "also", "all", "both", "each", "reportedly", "allegedly",
                                   "not", "never", "multiple", "severely", "slightly"})
            add(w, wc_be);
        for (std::string_view w : {";", "when", "after", "while", "because", "before", "but", "where", "since",
                                   "although", "though", "if", "until"})
            add(w, wc_clause_break);
        for (std::string_view w : {"not", "never", "n't"}) add(w, wc_negation);
        for (const auto& row : actor_nouns().rows()) {
            std::size_t sp = row.first.find(' ');
            add(row.first, wc_actor);
            if (sp != std::string_view::npos) add(row.first.substr(0, sp), wc_actor_first);
        }
        by_id_.push_back(0);  // what of(lex) reads for the ids past the last word with a class
    }

private:
    // Every word given a class goes through here (it hides WordFlags::add; the base's
    // add_keys and add_lexemes_where would bypass it, and are not used).
    void add(std::string_view word, Facts bits) {
        WordFlags::add(word, bits);
        const LexId id = lexicon::lexeme(word);
        all_lexemes_ = all_lexemes_ && id != 0;
        if (id >= by_id_.size()) by_id_.resize(id + 1, 0);
        by_id_[id] |= bits;
    }
    bool all_lexemes_ = true;
    std::vector<Facts> by_id_;  // lexeme id -> classes (0 = none), and a 0 after the last
};

const WordClasses& word_classes() {
    static const WordClasses c;
    return c;
}

// A literal word of a rule, compared by lexeme id when it has one.
struct Word {
    explicit Word(std::string_view w) : text(w), id(lexicon::lexeme(w)) {}
    bool is(const Document& doc, const Token& t) const {
        return id != 0 ? t.lex == id : t.lex == 0 && doc.norm(t) == text;
    }
    std::string_view text;
    LexId id;
};

// The trigger phrases as a tree of words: a token that starts no phrase is turned away
// with an array read, and a phrase is extended word by word while it starts a trigger
// ("taken", "taken by", "taken by ambulance").
class TriggerTree {
public:
    struct Node {
        std::string_view key;                // the trigger that ends here ("" = none)
        const lexicon::Row* row = nullptr;   // its row in event_triggers
        const lexicon::Row* type = nullptr;  // the row of its type in event_types
        std::vector<std::pair<Word, std::uint32_t>> next;  // word -> node
    };

    TriggerTree() {
        nodes_.emplace_back();
        for (const auto& row : triggers().rows()) {
            std::string_view k = row.first;
            std::uint32_t node = 0;
            for (std::size_t from = 0;;) {
                std::size_t sp = k.find(' ', from);
                node = add(node, k.substr(from, sp == std::string_view::npos ? sp : sp - from));
                if (sp == std::string_view::npos) break;
                from = sp + 1;
            }
            if (!nodes_[node].row) {  // the first row of a key wins, as in the table
                nodes_[node].key = row.first;
                nodes_[node].row = &row.second;
                nodes_[node].type = types().find(field(&row.second, 0));
            }
        }
        for (const auto& [w, n] : nodes_[0].next) {
            if (w.id == 0) {
                first_unlisted_.emplace_back(w, n);
                continue;
            }
            if (w.id >= first_.size()) first_.resize(w.id + 1, 0);
            first_[w.id] = n;
        }
    }
    const Node& node(std::uint32_t n) const { return nodes_[n]; }
    // The node after `n` for token t, 0 when no trigger continues so.
    std::uint32_t child(std::uint32_t n, const Document& doc, const Token& t) const {
        if (n == 0 && t.lex != 0) return t.lex < first_.size() ? first_[t.lex] : 0;
        for (const auto& [w, c] : n == 0 ? first_unlisted_ : nodes_[n].next)
            if (w.is(doc, t)) return c;
        return 0;
    }

private:
    std::uint32_t add(std::uint32_t n, std::string_view word) {
        for (const auto& [w, c] : nodes_[n].next)
            if (w.text == word) return c;
        auto c = static_cast<std::uint32_t>(nodes_.size());
        nodes_[n].next.emplace_back(Word(word), c);
        nodes_.emplace_back();
        return c;
    }
    std::vector<Node> nodes_;            // 0 = the root
    std::vector<std::uint32_t> first_;   // lexeme id -> node of a trigger's first word
    std::vector<std::pair<Word, std::uint32_t>> first_unlisted_;  // first words without an id
};

const TriggerTree& trigger_tree() {
    static const TriggerTree t;
    return t;
}

// ------------------------------------------------------------------ working records

struct DateRef {
    std::string value;
    std::string timex;
    int strength = 0;  // 2 = in the sentence, 1 = carried over from earlier text
};

struct PlaceRef {
    Place place;
    int rank = 0;      // 3 = named settlement, 2 = other name, 1 = street or building
    int strength = 0;  // 2 = in the sentence, 1 = carried over
};

struct Mention {
    std::string type;
    const lexicon::Row* type_row = nullptr;  // of `type` in event_types
    std::string group;
    int rank = 0;
    Text trigger;
    std::string form;
    std::string count_key;
    std::uint32_t sentence = 0;
    std::uint32_t paragraph = 0;
    std::optional<DateRef> date, end_date;
    std::optional<PlaceRef> place;
    std::vector<Actor> actors;
    std::map<std::string, Count> counts;
    std::map<std::string, bool> weak;  // count key -> the count is a pronoun or definite ("he")
    std::vector<std::string> claims, sources;
    std::unordered_set<std::string> claim_set, source_set;  // the same, for merging
};

// A usable date: a small record, read for every time expression of the sentences with a
// trigger; its value and id are read from the timex itself when a mention takes it.
struct TimexRef {
    std::uint32_t first = 0, end = 0;  // tokens
    std::uint32_t timex = 0;           // index in the timexes
    std::uint32_t date_size = 0;       // the date part of its DATE/TIME value: value[0, date_size)
    bool until = false;  // "until January 5": an end date
};

struct PlaceCandidate {
    std::uint32_t first = 0, end = 0;  // tokens of the whole phrase
    PlaceRef ref;
};

// ------------------------------------------------------------------ the extractor

class Extractor {
public:
    Extractor(const Document& doc, const Article& article, const std::vector<Source>& sources,
              const std::vector<Claim>& claims, const std::vector<Timex>& timexes)
        : doc_(doc), article_(article), sources_(sources), claims_(claims), timexes_(timexes) {}

    std::vector<Event> run();

private:
    std::string_view norm(std::uint32_t i) const {
        return i < doc_.tokens.size() ? doc_.norm(doc_.tokens[i]) : std::string_view();
    }
    LexId lex(std::uint32_t i) const { return i < doc_.tokens.size() ? doc_.tokens[i].lex : 0; }
    // Token i has one of `facts` (its word's classes, tk_timex); false past the end.
    bool has(std::uint32_t i, Facts facts) const { return i < doc_.tokens.size() && (facts_[i] & facts) != 0; }
    bool is_word(std::uint32_t i) const {
        return i < doc_.tokens.size() && doc_.tokens[i].kind == TokenKind::word;
    }
    bool capitalised(std::uint32_t i) const {
        return is_word(i) && (doc_.tokens[i].flags & (text::tf_capitalized | text::tf_all_caps)) != 0;
    }
    // A capitalised word that may be part of a place name.
    bool place_word_ok(std::uint32_t i) const {
        return capitalised(i) && (facts_[i] & (wc_not_place | tk_timex)) == 0;
    }
    bool in_timex(std::uint32_t i) const { return has(i, tk_timex); }
    // A form of "be", or a word that stands between one and a participle ("was also").
    bool be(std::uint32_t i) const { return has(i, wc_be); }
    std::uint32_t token_at_or_after(std::size_t byte) const {
        auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                                   [](const Token& t, std::size_t b) { return t.begin < b; });
        return static_cast<std::uint32_t>(it - doc_.tokens.begin());
    }
    std::string_view date_value(const TimexRef& r) const {
        return std::string_view(timexes_[r.timex].value).substr(0, r.date_size);
    }
    DateRef date_ref(const TimexRef& r, int strength) const {
        return DateRef{std::string(date_value(r)), timexes_[r.timex].id, strength};
    }

    void index_tokens();
    void index_claims_and_sources();
    class ParagraphsToRead;
    void read_sentence(const text::Sentence& s, std::uint32_t sentence_index);
    std::vector<PlaceCandidate> places_in(std::uint32_t first, std::uint32_t end, std::uint32_t paragraph) const;
    void settle_last_town();
    void attach_counts(Mention& m, std::uint32_t tfirst, std::uint32_t tend, std::uint32_t sfirst,
                       std::uint32_t send, const std::vector<CountMention>& counts,
                       const std::vector<std::string_view>& group_at);
    void attach_actors(Mention& m, std::uint32_t tfirst, std::uint32_t tend, std::uint32_t sfirst,
                       std::uint32_t send);
    std::optional<std::string> source_of(Span s) const;
    void merge(Mention&& m);

    const Document& doc_;
    const Article& article_;
    const std::vector<Source>& sources_;
    const std::vector<Claim>& claims_;
    const std::vector<Timex>& timexes_;

    std::vector<TimexRef> dates_;     // usable dates, in text order
    std::vector<Span> timex_spans_;   // every timex, for the count finder
    std::unique_ptr<Facts[]> facts_;  // token -> its word's classes and tk_timex
    std::vector<std::uint32_t> trigger_starts_;  // tokens whose word starts a trigger phrase
    std::size_t next_trigger_start_ = 0;         // the first not before the sentence being read
    // The last town named before the sentence being read. The places of a sentence
    // without a trigger matter only as this, and only to a later mention whose own
    // sentence names none: such sentences wait in `unread_places_` until a mention asks
    // (settle_last_town), most of them for good. They are kept as runs of consecutive
    // sentences [first, end), in the order read (a sentence's paragraph is its own).
    std::optional<PlaceCandidate> last_town_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> unread_places_;
    std::uint32_t current_paragraph_ = 0;
    std::vector<Mention> merged_;
    std::string phrase_;                       // a buffer for phrases
    std::vector<std::string_view> group_at_;  // per sentence: token -> group of its trigger
    // The text also writes `w` in lower case somewhere. A document asks this of a few
    // words: each of the first few is looked for in the tokens; after those, a set of
    // every lower-case word is built once (the stage stays linear).
    bool used_in_lower_case(std::string_view w) const {
        for (const auto& [word, used] : lower_answers_)
            if (word == w) return used;
        if (lower_answers_.size() < 8) {
            bool used = false;
            const char* arena = doc_.norm_arena.data();
            for (const Token& t : doc_.tokens)
                if (t.norm_size == w.size() && (w.empty() || arena[t.norm_begin] == w[0]) &&
                    t.kind == TokenKind::word && !t.has(text::tf_capitalized) &&
                    std::string_view(arena + t.norm_begin, t.norm_size) == w) {
                    used = true;
                    break;
                }
            lower_answers_.emplace_back(w, used);
            return used;
        }
        if (!lower_words_built_) {
            lower_words_built_ = true;
            for (const Token& t : doc_.tokens)
                if (t.kind == TokenKind::word && !t.has(text::tf_capitalized)) lower_words_.insert(doc_.norm(t));
        }
        return lower_words_.count(w) != 0;
    }
    mutable std::vector<std::pair<std::string_view, bool>> lower_answers_;
    mutable std::unordered_set<std::string_view> lower_words_;  // built when many words are asked about
    mutable bool lower_words_built_ = false;
    bool general_ = false;  // the sentence reports a statistic ("the 30th homicide this year")
    // Built when the first trigger is found (index_claims_and_sources):
    bool claims_and_sources_indexed_ = false;
    std::vector<std::pair<Span, std::size_t>> claim_spans_;    // content span -> claim, by begin
    std::vector<std::pair<Span, std::size_t>> mention_spans_;  // source mention -> source, by begin
};

using util::prefetch_ahead;

// `v` sorted by `less`, leaving it as it is when it is in strictly increasing order
// already (as the earlier stages mostly give their lists): then no order of equal
// elements is at stake, and a sort would leave it as it is too.
template <typename T, typename Less>
void sort_unless_increasing(std::vector<T>& v, Less less) {
    for (std::size_t i = 1; i < v.size(); ++i)
        if (!less(v[i - 1], v[i])) {
            std::sort(v.begin(), v.end(), less);
            return;
        }
}

// Once per document, in one pass over the tokens: what the rules ask of each token, the
// tokens that may start a trigger, the time expressions (their tokens marked) and the
// dates among them. The time expressions come in text order, so each is met at its
// first token (one out of order is read after the pass).
void Extractor::index_tokens() {
    const std::vector<Token>& tokens = doc_.tokens;
    const auto n_tokens = static_cast<std::uint32_t>(tokens.size());
    const auto n_timexes = static_cast<std::uint32_t>(timexes_.size());
    facts_.reset(new Facts[n_tokens]);  // (every element written below)
    timex_spans_.reserve(n_timexes);
    dates_.reserve(n_timexes);
    // The spans, sorted, and a span inside the one before it dropped (the count finder
    // needs them so): kept so as they come while they come in order.
    auto keep_span = [&](const Span& sp) {
        if (!timex_spans_.empty() && sp.begin < timex_spans_.back().end)
            timex_spans_.back().end = std::max(timex_spans_.back().end, sp.end);
        else
            timex_spans_.push_back(sp);
    };
    Span last_span;               // of the time expression before
    bool spans_in_order = true;   // no span so far before the one before it
    bool dates_in_order = true;   // each date so far begins after the one before it
    // Time expression k, whose first token is `first`: its span and date kept; returns
    // one past its last token.
    auto add_timex = [&](std::uint32_t k, std::uint32_t first) {
        const Timex& t = timexes_[k];
        spans_in_order = spans_in_order && !(t.span < last_span);
        last_span = t.span;
        keep_span(t.span);
        std::uint32_t end = first;
        while (end < n_tokens && tokens[end].end <= t.span.end) ++end;
        if (t.type != TimexType::date && t.type != TimexType::time) return end;
        const std::string& v = t.value;
        bool year = v.size() >= 4 && std::all_of(v.begin(), v.begin() + 4, [](char c) {
                        return (c >= '0' && c <= '9') || c == 'X';
                    });
        if (!year || (std::string_view(v).substr(0, 4) == "XXXX" && v.size() < 7)) return end;
        if (first >= end) return end;
        TimexRef r;
        r.first = first;
        r.end = end;
        r.timex = k;
        r.date_size = static_cast<std::uint32_t>(std::min(v.find('T'), v.size()));
        if (first > 0) {
            std::string_view before = norm(first - 1);
            r.until = one_of(before, {"until", "till", "til", "through", "thru"});
        }
        dates_in_order = dates_in_order && (dates_.empty() || dates_.back().first < first);
        dates_.push_back(r);
        return end;
    };
    const WordClasses& classes = word_classes();
    const bool all_lexemes = classes.all_lexemes();
    const Token* tk = tokens.data();
    Facts* facts = facts_.get();
    std::vector<std::uint32_t> out_of_order;  // time expressions that begin before the one before
    std::uint32_t k = 0;          // the next time expression
    std::uint32_t at = 0;         // the first token of the one before
    std::uint32_t timex_end = 0;  // tokens before it are in a time expression met so far
    // Blocks of tokens: the classes of the words first (a pass with no branch that varies
    // from token to token), then the time expressions that begin in the block.
    constexpr std::uint32_t block = 256;
    std::uint32_t starts[block];  // (not cleared)
    for (std::uint32_t from = 0; from < n_tokens; from += block) {
        const std::uint32_t to = std::min(n_tokens, from + block);
        std::uint32_t n_starts = 0;
        for (std::uint32_t i = from; i < to; ++i) {
            prefetch_ahead(&tk[i], 128 * sizeof(Token));
            const Facts f = all_lexemes ? classes.of(tk[i].lex) : classes.of(doc_, tk[i]);
            facts[i] = f;
            starts[n_starts] = i;
            n_starts += (f & wc_trigger_start) != 0;
        }
        trigger_starts_.insert(trigger_starts_.end(), starts, starts + n_starts);
        auto mark = [&](std::uint32_t first, std::uint32_t end) {
            for (std::uint32_t i = first; i < std::min(end, to); ++i) facts[i] |= tk_timex;
        };
        mark(from, timex_end);
        at = std::max(at, from);  // (a time expression not met by now begins after the block before)
        for (; k < n_timexes && timexes_[k].span.begin <= tk[to - 1].begin; ++k) {
            prefetch_ahead(&timexes_[k].span, 16 * sizeof(Timex));  // the fields add_timex reads
            prefetch_ahead(&timexes_[k].value, 16 * sizeof(Timex));
            const std::size_t begin = timexes_[k].span.begin;
            if (at > 0 && tk[at - 1].begin >= begin) {
                out_of_order.push_back(k);
                continue;
            }
            while (tk[at].begin < begin) ++at;
            const std::uint32_t end = add_timex(k, at);
            mark(at, end);
            timex_end = std::max(timex_end, end);
        }
    }
    for (; k < n_timexes; ++k) out_of_order.push_back(k);  // (beginning after the last token does)
    if (!out_of_order.empty()) {
        for (std::uint32_t j : out_of_order) {
            const std::uint32_t first = token_at_or_after(timexes_[j].span.begin);
            const std::uint32_t end = add_timex(j, first);
            for (std::uint32_t t = first; t < end; ++t) facts_[t] |= tk_timex;
        }
        // back in the order of the time expressions, the order that the sort by position
        // starts from
        sort_unless_increasing(dates_, [](const TimexRef& a, const TimexRef& b) { return a.timex < b.timex; });
        dates_in_order = false;
    }
    auto by_position = [](const TimexRef& a, const TimexRef& b) { return a.first < b.first; };
    if (!dates_in_order) sort_unless_increasing(dates_, by_position);
    if (!spans_in_order) {
        std::vector<Span> spans;
        spans.reserve(timexes_.size());
        for (const Timex& t : timexes_) spans.push_back(t.span);
        std::sort(spans.begin(), spans.end());
        timex_spans_.clear();
        for (const Span& sp : spans) keep_span(sp);
    }
}

// The claims and the source mentions by position: read only for the sentences that
// have a trigger, so built when the first one is found.
void Extractor::index_claims_and_sources() {
    claims_and_sources_indexed_ = true;
    using Entry = std::pair<Span, std::size_t>;
    std::size_t spans = 0;
    for (const Claim& c : claims_) spans += c.content.spans.size();
    claim_spans_.reserve(spans);
    for (std::size_t c = 0; c < claims_.size(); ++c)
        for (const Span& s : claims_[c].content.spans) claim_spans_.emplace_back(s, c);
    sort_unless_increasing(claim_spans_, [](const Entry& a, const Entry& b) { return a < b; });
    spans = 0;
    for (const Source& c : sources_) spans += c.mentions.size();
    mention_spans_.reserve(spans);
    for (std::size_t c = 0; c < sources_.size(); ++c)
        for (const Span& s : sources_[c].mentions) mention_spans_.emplace_back(s, c);
    sort_unless_increasing(mention_spans_, [](const Entry& a, const Entry& b) { return a < b; });
}

// The paragraphs the stage reads: those of the headline and the standfirst, and the rest
// of the text that the layout did not set aside as boilerplate, related links, captions
// or a biography (crawled pages put the title, the dateline line and leads where the
// layout cannot always tell them from the body). Asked of paragraphs 0, 1, 2 … in order.
class Extractor::ParagraphsToRead {
public:
    explicit ParagraphsToRead(const Article& article) : headline_(article.headline), standfirst_(article.standfirst) {
        for (const auto& t : article.boilerplate) excluded_.push_back(t.span);
        for (const auto& t : article.see_also) excluded_.push_back(t.span);
        for (const auto& m : article.media) excluded_.push_back(m.caption.span);
        if (article.author_bio) excluded_.push_back(article.author_bio->span);
        std::sort(excluded_.begin(), excluded_.end());
    }
    bool operator()(const text::Paragraph& paragraph) {
        const Span& s = paragraph.span;
        auto overlaps = [&](const std::optional<Text>& t) {
            return t && s.begin < t->span.end && t->span.begin < s.end;
        };
        while (x_ < excluded_.size() && excluded_[x_].end <= s.begin) ++x_;
        bool excluded = false;
        for (std::size_t k = x_; k < excluded_.size() && excluded_[k].begin < s.end; ++k)
            if (s.begin < excluded_[k].end) {
                excluded = true;
                break;
            }
        return !excluded || overlaps(headline_) || overlaps(standfirst_);
    }

private:
    const std::optional<Text>& headline_;
    const std::optional<Text>& standfirst_;
    std::vector<Span> excluded_;  // sorted
    std::size_t x_ = 0;           // the first that may overlap the paragraph asked about
};

// The place names of tokens [first, end) of a sentence of `paragraph`, in text order.
std::vector<PlaceCandidate> Extractor::places_in(std::uint32_t first, std::uint32_t end,
                                                 std::uint32_t paragraph) const {
    std::vector<PlaceCandidate> out;
    auto possessive = [&](std::uint32_t k) {
        std::string_view w = norm(k);
        return w.size() > 2 && w.substr(w.size() - 2) == "'s";
    };
    auto run_from = [&](std::uint32_t k, std::uint32_t& run_end) {
        run_end = k;
        while (run_end < end && run_end - k < 6 && place_word_ok(run_end)) {
            // a possessive closes the name: "Janaozen's"
            bool poss = possessive(run_end);
            ++run_end;
            if (poss) break;
        }
        return run_end > k;
    };
    auto make = [&](std::uint32_t pfirst, std::uint32_t nfirst, std::uint32_t nend, int rank) {
        // A single capitalised word that the text also uses in lower case is a common
        // word in a title-case line ("Shot In Chest"), not a name.
        if (nend == nfirst + 1 && rank < 3) {
            std::string_view w = norm(nfirst);
            if (possessive(nfirst)) w = w.substr(0, w.size() - 2);
            if (used_in_lower_case(w)) return;
        }
        PlaceCandidate c;
        c.first = pfirst;
        c.end = nend;
        Span s{doc_.tokens[nfirst].begin, doc_.tokens[nend - 1].end};
        if (possessive(nend - 1)) {
            // cut the possessive: the apostrophe (one to three bytes) and the "s"
            std::string_view raw = doc_.raw(s);
            std::size_t cut = raw.size() - 1;
            if (cut > 0 && raw[cut - 1] == '\'') cut -= 1;
            else if (cut >= 3) cut -= 3;
            s.end = s.begin + cut;
        }
        auto kind = field(place_words().find(lex(nend - 1)), 0);
        if (kind == "street" || kind == "facility") rank = std::min(rank, 1);
        // "Huntsville, Ala.": a name followed by a state abbreviation is a town.
        if (rank == 2 && nend + 1 < end && norm(nend) == "," && capitalised(nend + 1) &&
            doc_.tokens[nend + 1].has(text::tf_abbreviation))
            rank = 3;
        c.ref.place = Place{doc_.text(s), s};
        c.ref.rank = rank;
        c.ref.strength = 2;
        out.push_back(std::move(c));
    };
    for (std::uint32_t i = first; i < end; ++i) {
        const Facts f = facts_[i];
        if (!(f & (wc_place_prep | wc_of)) && !place_word_ok(i)) continue;  // most tokens
        bool prep = (f & wc_place_prep) || ((f & wc_of) && i > first && (facts_[i - 1] & wc_compass));
        if (prep) {
            std::uint32_t k = i + 1;
            if (k < end && has(k, wc_the)) ++k;
            // "the western town of X", "the Denver suburb of X"
            std::uint32_t j = k;
            while (j < end && j - k < 3 && is_word(j) && !has(j, wc_settlement)) ++j;
            if (j + 1 < end && has(j, wc_settlement) && has(j + 1, wc_of)) {
                std::uint32_t re;
                if (run_from(j + 2, re)) {
                    make(i, j + 2, re, 3);
                    i = re - 1;
                    continue;
                }
            }
            // "in southwest Atlanta"
            while (k < end && k - i <= 3 && is_word(k) && !capitalised(k) && has(k, wc_compass)) ++k;
            std::uint32_t re;
            if (run_from(k, re)) {
                make(i, k, re, 2);
                i = re - 1;
            }
            continue;
        }
        if (!place_word_ok(i) || (i > first && place_word_ok(i - 1))) continue;
        std::uint32_t re;
        if (!run_from(i, re)) continue;
        std::string_view after = norm(re);
        // "X's central square", "X's streets"
        if (possessive(re - 1)) {
            for (std::uint32_t j = re; j < end && j - re < 3 && is_word(j) && !capitalised(j); ++j) {
                if (one_of(norm(j), {"square", "streets", "center", "centre", "outskirts", "suburbs", "downtown"})) {
                    make(i, i, re, 2);
                    break;
                }
            }
        } else if (re < end && has(re, wc_modified) &&
                   !(i == first && re == i + 1 && !doc_.tokens[i].has(text::tf_all_caps) &&
                     used_in_lower_case(norm(i)))) {
            // "a Memphis nightclub", "Chicago police said"
            make(i, i, re, 2);
        } else if (i == doc_.paragraphs[paragraph].first_token && doc_.tokens[i].has(text::tf_all_caps) &&
                   re < end && one_of(after, {",", "(", "-", "--"})) {
            // a dateline: "RICHMOND, Ind. (AP) -"
            make(i, i, re, 2);
        }
        i = re - 1;
    }
    return out;
}

std::optional<std::string> Extractor::source_of(Span s) const {
    auto it = std::lower_bound(mention_spans_.begin(), mention_spans_.end(), s.end,
                               [](const std::pair<Span, std::size_t>& x, std::size_t e) { return x.first.begin < e; });
    for (int n = 0; n < 8 && it != mention_spans_.begin(); ++n) {
        --it;
        if (it->first.begin < s.end && s.begin < it->first.end) return sources_[it->second].id;
    }
    return std::nullopt;
}

void Extractor::attach_counts(Mention& m, std::uint32_t tfirst, std::uint32_t tend,
                              std::uint32_t sfirst, std::uint32_t /*send*/,
                              const std::vector<CountMention>& counts,
                              const std::vector<std::string_view>& group_at) {
    if (m.count_key.empty() || m.count_key == "-") return;
    // Passive or intransitive: the count is the subject, to the left.
    bool passive = m.form == "adj" || m.form == "adv" || (m.count_key == "participants" && m.form != "ing");
    if (m.form == "past") {
        std::uint32_t k = tfirst;
        for (int n = 0; n < 3 && k > sfirst; ++n) {
            --k;
            if (be(k)) {
                passive = true;
                break;
            }
            if (!is_word(k)) break;
        }
        if (one_of(norm(tfirst), {"died", "dead", "hurt", "pronounced", "lost", "gathered", "fled",
                                  "rallied", "marched", "protested", "demonstrated", "hospitalized",
                                  "hospitalised", "slain"}))
            passive = true;
    }
    if (m.form == "noun") {
        // "suffered injuries", "sustained gunshot wounds": the subject is counted
        for (std::uint32_t k = tfirst, n = 0; k > sfirst && n < 4; ++n) {
            --k;
            if (one_of(norm(k), {"suffered", "sustained", "suffering", "received", "treated", "with", "for"})) {
                passive = true;
                break;
            }
        }
    }
    if (m.form == "noun" && m.count_key != "participants" && !passive) {
        // "the deaths of two men", "the shooting of a teen"
        if (norm(tend) == "of") {
            auto c = std::lower_bound(counts.begin(), counts.end(), tend + 1,
                                      [](const CountMention& x, std::uint32_t t) { return x.first < t; });
            if (c != counts.end() && (c->first == tend + 1 || (c->first == tend + 2 && norm(tend + 1) == "the"))) {
                m.counts[m.count_key] = c->count;
                return;
            }
        }
        if (m.count_key != "killed" || norm(tfirst) != "dead") return;
    }
    const CountMention* chosen = nullptr;
    if (!passive) {
        auto from = std::lower_bound(counts.begin(), counts.end(), tend,
                                     [](const CountMention& c, std::uint32_t t) { return c.first < t; });
        for (auto c_it = from; c_it != counts.end(); ++c_it) {
            const CountMention& c = *c_it;
            std::uint32_t gap = c.first - tend;
            bool ok = gap == 0 || (gap == 1 && one_of(norm(tend), {"at", "on", "the"}));
            if (ok && c.noun >= 0 && (norm(static_cast<std::uint32_t>(c.noun)) == "them")) ok = false;
            if (ok) chosen = &c;
            break;
        }
    }
    if (!chosen) {
        // Left: the nearest count in the same clause, not beyond a trigger of another group.
        std::uint32_t limit = tfirst > sfirst + 20 ? tfirst - 20 : sfirst;
        std::uint32_t stop = limit;
        for (std::uint32_t k = tfirst; k > limit; --k) {
            std::uint32_t j = k - 1;
            if (has(j, wc_clause_break) && j != tfirst - 1) {
                stop = j;
                break;
            }
            std::string_view g = group_at[j - sfirst];
            if (!g.empty() && g != m.group) {
                stop = j;
                break;
            }
        }
        // counts do not overlap, so they are sorted by their end too
        auto after = std::upper_bound(counts.begin(), counts.end(), tfirst,
                                      [](std::uint32_t t, const CountMention& c) { return t < c.end; });
        if (after != counts.begin()) {
            auto c = after - 1;
            // "Another teen, also 15, was shot": an age in apposition is not the count.
            if (c->noun < 0 && c != counts.begin() && c->first > sfirst && norm(c->end) == "," &&
                one_of(norm(c->first - 1), {",", "also", "age", "aged"}))
                --c;
            if (c->first >= stop) chosen = &*c;
        }
    }
    // "were not injured", "no one was hurt": nobody.
    if (chosen) {
        std::uint32_t from = chosen->first < tfirst ? chosen->first : tend;
        std::uint32_t to = chosen->first < tfirst ? tfirst : chosen->first;
        if (from > sfirst && norm(from - 1) == "no") chosen = nullptr;
        for (std::uint32_t k = from; chosen && k < to && k < from + 30; ++k)
            if (has(k, wc_negation) || norm(k) == "no") chosen = nullptr;
    }
    for (std::uint32_t k = tfirst, n = 0; k > sfirst && n < 3; ++n) {
        --k;
        if (has(k, wc_negation)) return;
        if (!be(k)) break;
    }
    if (chosen && chosen->noun < 0) {
        // A bare number is a count only right next to the trigger: "2 dead", "two were
        // killed", "killing three" — not an age ("Smith, 19, was shot") or a date.
        bool ok = false;
        if (chosen->first >= tend) {
            ok = chosen->first == tend;
        } else {
            ok = true;
            for (std::uint32_t k = chosen->end; k < tfirst; ++k)
                if (!be(k)) ok = false;
            if (chosen->first > sfirst && one_of(norm(chosen->first - 1), {",", "("}) &&
                one_of(norm(chosen->end), {",", ")"}))
                ok = false;
        }
        if (!ok) chosen = nullptr;
    }
    if (chosen && general_ && (m.count_key == "killed" || m.count_key == "injured" || m.count_key == "shot") &&
        chosen->count.qualifier != CountQualifier::exact)
        chosen = nullptr;
    if (chosen && general_ && (m.count_key == "killed" || m.count_key == "injured" || m.count_key == "shot")) {
        std::int64_t v = chosen->count.value ? *chosen->count.value : chosen->count.low.value_or(0);
        if (v > 3) chosen = nullptr;
    }
    if (chosen) {
        m.counts[m.count_key] = chosen->count;
        // "three men and a woman were wounded", "a boy, a girl and two men were shot":
        // counts of people joined by "and" or commas before the trigger add up.
        if (chosen->first < tfirst && chosen->noun >= 0 && chosen->count.value &&
            (m.count_key == "killed" || m.count_key == "injured" || m.count_key == "shot")) {
            auto c = std::lower_bound(counts.begin(), counts.end(), chosen->first,
                                      [](const CountMention& x, std::uint32_t t) { return x.first < t; });
            std::int64_t total = *chosen->count.value;
            std::uint32_t begin = chosen->first;
            for (int n = 0; n < 4 && c != counts.begin(); ++n) {
                const CountMention& p = *(c - 1);
                if (p.noun < 0 || !p.count.value || p.first < sfirst) break;
                bool joined = true;
                for (std::uint32_t k = p.end; k < begin && joined; ++k) joined = one_of(norm(k), {",", "and"});
                if (!joined || p.end == begin || begin - p.end > 2) break;
                total += *p.count.value;
                begin = p.first;
                --c;
            }
            if (begin != chosen->first) {
                Count sum;
                sum.value = total;
                sum.span = Span{doc_.tokens[begin].begin, chosen->count.span.end};
                sum.text = doc_.text(sum.span);
                m.counts[m.count_key] = sum;
            }
        }
        return;
    }
    // "He died", "the victim was wounded": one person, a weak count.
    if (m.count_key == "killed" || m.count_key == "injured" || m.count_key == "shot") {
        std::uint32_t k = tfirst;
        bool was = false;
        for (int n = 0; n < 4 && k > sfirst; ++n) {
            --k;
            std::string_view w = norm(k);
            if (w == "was") was = true;
            // "Smith was shot", "Smith, 25, was wounded": a named person.
            if (passive && w == "," && k >= sfirst + 3 && norm(k - 2) == "," &&
                doc_.tokens[k - 1].kind == TokenKind::number)
                k -= 3, w = norm(k);
            if (was && passive && capitalised(k) && !doc_.tokens[k].has(text::tf_all_caps) && !be(k) &&
                !one_of(w, {"nobody", "no", "none", "everyone", "everybody", "someone", "somebody", "anyone",
                            "it", "this", "that", "which", "who", "what", "there", "here", "he", "she", "i",
                            "police", "authorities", "officials"}) &&
                !person_nouns().contains(lex(k)) && !triggers().contains(lex(k))) {
                Count c;
                c.value = 1;
                c.span = doc_.tokens[k].span();
                c.text = doc_.text(c.span);
                m.counts[m.count_key] = c;
                m.weak[m.count_key] = true;
                return;
            }
            // "Teen killed, another injured": a headline's bare noun, "another" alone
            // or one after capitalised words only ("Orangeburg man shot")
            const bool singular_noun = field(person_nouns().find(lex(k)), 0) == "sg";
            bool bare = (w == "another" || singular_noun);
            if (bare) {
                std::uint32_t j = k;
                while (j > sfirst && k - j < 3 && capitalised(j - 1) && !one_of(norm(j - 1), {"a", "an", "the", "another"}))
                    --j;
                bare = j == sfirst || !is_word(j - 1);
            }
            if (one_of(w, {"he", "she"}) || bare ||
                (k > sfirst && one_of(norm(k - 1), {"the"}) && singular_noun)) {
                std::uint32_t b = one_of(w, {"he", "she"}) || bare ? k : k - 1;
                Count c;
                c.value = 1;
                Span s{doc_.tokens[b].begin, doc_.tokens[k].end};
                c.span = s;
                c.text = doc_.text(s);
                m.counts[m.count_key] = c;
                m.weak[m.count_key] = true;
                return;
            }
            if (!is_word(k)) break;
        }
        if (!passive) {
            std::string_view w = norm(tend);
            if (one_of(w, {"him", "her"})) {
                Count c;
                c.value = 1;
                c.span = doc_.tokens[tend].span();
                c.text = doc_.text(c.span);
                m.counts[m.count_key] = c;
                m.weak[m.count_key] = true;
            }
        }
    }
}

void Extractor::attach_actors(Mention& m, std::uint32_t tfirst, std::uint32_t tend,
                              std::uint32_t sfirst, std::uint32_t send) {
    auto actor_at = [&](std::uint32_t k, std::uint32_t& b, std::uint32_t& e) {
        // one- or two-word actor nouns ("security forces", "police")
        auto two = [&](std::uint32_t j) {
            if (!has(j, wc_actor_first)) return false;
            phrase_.assign(norm(j));
            phrase_.push_back(' ');
            phrase_.append(norm(j + 1));
            return actor_nouns().contains(phrase_);
        };
        if (k + 1 < send && two(k)) {
            b = k;
            e = k + 2;
            return true;
        }
        if (has(k, wc_actor)) {
            b = k;
            e = k + 1;
            if (k > sfirst && two(k - 1)) b = k - 1;
            return true;
        }
        return false;
    };
    auto add = [&](ActorRole role, std::uint32_t b, std::uint32_t e) {
        Span s{doc_.tokens[b].begin, doc_.tokens[e - 1].end};
        for (const Actor& a : m.actors)
            if (a.span == s) return;
        m.actors.push_back(Actor{role, doc_.text(s), s, source_of(s)});
    };
    bool passive = false;
    for (std::uint32_t k = tfirst, n = 0; k > sfirst && n < 3; ++n) {
        --k;
        if (be(k)) passive = true;
    }
    std::uint32_t b, e;
    if (!passive && tfirst > sfirst) {
        // "police opened fire", "police were rounding up", "gunmen have killed"
        std::uint32_t k = tfirst;
        for (int n = 0; n < 3 && k > sfirst; ++n) {
            --k;
            if (actor_at(k, b, e)) {
                add(ActorRole::agent, b, e);
                break;
            }
            if (!is_word(k) || !one_of(norm(k), {"have", "has", "had", "reportedly", "allegedly", "then", "later"}))
                break;
        }
    }
    // "killed by police", "taken away by police"
    for (std::uint32_t k = tend; k < send && k < tend + 4; ++k) {
        if (norm(k) == "by") {
            std::uint32_t j = k + 1;
            if (j < send && one_of(norm(j), {"the", "a", "an"})) ++j;
            if (j < send && actor_at(j, b, e)) add(ActorRole::agent, b, e);
            break;
        }
    }
    // "opened fire on demonstrators", "killing protesters"
    for (std::uint32_t k = tend; k < send && k < tend + 3; ++k) {
        if (one_of(norm(k), {"on", "at", "the"})) continue;
        if (actor_at(k, b, e)) add(ActorRole::target, b, e);
        break;
    }
    for (const auto& kv : m.counts) {
        if (kv.first == "participants" || m.weak.count(kv.first)) continue;
        std::uint32_t cb = token_at_or_after(kv.second.span.begin);
        std::uint32_t ce = token_at_or_after(kv.second.span.end);
        if (cb < ce) add(kv.first == "participants" ? ActorRole::agent : ActorRole::target, cb, ce);
    }
}

void Extractor::read_sentence(const text::Sentence& s, std::uint32_t sentence_index) {
    const std::uint32_t sfirst = s.first_token, send = s.end_token;
    if (sfirst >= send) return;
    // Triggers: the longest phrase (up to four words) at each token.
    struct Found {
        std::uint32_t first, end;
        const TriggerTree::Node* trigger;
    };
    std::vector<Found> found;
    const TriggerTree& tree = trigger_tree();
    std::uint32_t from = sfirst;  // the tokens before are the sentence's triggers found so far
    // (sentences are read in text order: the trigger starts before them are passed by)
    if (next_trigger_start_ > 0 && trigger_starts_[next_trigger_start_ - 1] >= sfirst)
        next_trigger_start_ = static_cast<std::size_t>(
            std::lower_bound(trigger_starts_.begin(), trigger_starts_.end(), sfirst) - trigger_starts_.begin());
    while (next_trigger_start_ < trigger_starts_.size() && trigger_starts_[next_trigger_start_] < sfirst)
        ++next_trigger_start_;
    for (auto t = trigger_starts_.begin() + next_trigger_start_; t != trigger_starts_.end() && *t < send; ++t) {
        const std::uint32_t i = *t;
        if (i < from || in_timex(i) || !is_word(i)) continue;
        std::uint32_t node = tree.child(0, doc_, doc_.tokens[i]);
        if (node == 0) continue;
        std::uint32_t best_end = 0;
        const TriggerTree::Node* hit = nullptr;
        for (std::uint32_t k = i; k < send && k < i + 5; ++k) {
            if (k > i) {
                if (!is_word(k)) break;
                node = tree.child(node, doc_, doc_.tokens[k]);
                if (node == 0) break;
            }
            if (tree.node(node).row) {
                best_end = k + 1;
                hit = &tree.node(node);
            }
        }
        if (!hit) continue;
        std::string_view best = hit->key;
        std::string_view prev = i > sfirst ? norm(i - 1) : std::string_view();
        std::string_view next = norm(best_end);
        // Homographs: "heart attack", "a shot", "air strike", "March" (the month is a timex).
        if (best == "attack" && prev == "heart") continue;
        if ((best == "strike" || best == "strikes") &&
            !one_of(prev, {"the", "a", "on", "general", "hunger", "national", "nationwide", "their", "workers'", "this"}))
            continue;
        if (best == "shot" && one_of(prev, {"a", "the", "one", "single", "fatal", "first", "second", "another", "warning", "his", "her"}))
            continue;
        if ((best == "march" || best == "rally" || best == "meet" || best == "meeting" || best == "talks") &&
            capitalised(i) && i > sfirst)
            continue;
        if (best == "fatally" && one_of(next, {"shot", "wounded", "injured", "stabbed", "struck", "shooting"})) continue;
        if (best == "dead" && one_of(prev, {"the", "brain"})) continue;
        if (best == "death" && one_of(next, {"penalty", "row", "sentence", "threats", "threat", "certificate"})) continue;
        if ((best == "gather" || best == "gathered") && !one_of(next, {"in", "at", "outside", "near", "on", "daily", "to"})) continue;
        if (best == "shooting" && one_of(next, {"range", "guard", "star"})) continue;
        // "taken to a hospital", "sent three people to the hospital": only with a
        // hospital (a medical or trauma center, treatment) a few words on.
        if (one_of(best, {"taken to", "transported to", "rushed to", "airlifted to", "flown to", "driven to",
                          "taken by ambulance to", "sent", "sends", "sending", "took"})) {
            bool sent = one_of(best, {"sent", "sends", "sending", "took"});
            bool to = !sent;
            bool hospital = false;
            for (std::uint32_t k = best_end; k < send && k < best_end + 10 && !hospital; ++k) {
                std::string_view w = norm(k);
                if (w == "to") to = true;
                else if (to && one_of(w, {"hospital", "hospitals", "medical", "trauma", "treatment"})) hospital = true;
                else if (one_of(w, {".", ";", "where", "and", "but"}) || (sent && w == "by")) break;
            }
            if (!hospital) continue;
        }
        found.push_back(Found{i, best_end, hit});
        from = best_end;
    }
    if (found.empty()) {
        if (!unread_places_.empty() && unread_places_.back().second == sentence_index)
            ++unread_places_.back().second;
        else
            unread_places_.emplace_back(sentence_index, sentence_index + 1);
        return;
    }
    if (!claims_and_sources_indexed_) index_claims_and_sources();
    std::vector<PlaceCandidate> places = places_in(sfirst, send, current_paragraph_);
    std::vector<CountMention> counts = find_counts(doc_, sfirst, send, timex_spans_);
    general_ = false;
    for (std::uint32_t k = sfirst; k < send && !general_; ++k) {
        if (has(k, wc_statistic)) {
            std::string_view w = norm(k);
            if (w == "so" && norm(k + 1) != "far") continue;
            if ((w == "every" || w == "each") && !one_of(norm(k + 1), {"year", "month", "week", "day"})) continue;
            general_ = true;
        }
    }
    for (auto t = std::lower_bound(dates_.begin(), dates_.end(), sfirst,
                                   [](const TimexRef& x, std::uint32_t v) { return x.first < v; });
         t != dates_.end() && t->first < send && !general_; ++t)
        if (t->date_size == 4) general_ = true;
    group_at_.assign(send - sfirst, std::string_view());
    for (const Found& f : found) {
        std::string_view group = field(f.trigger->type, 0);
        for (std::uint32_t k = f.first; k < f.end; ++k) group_at_[k - sfirst] = group;
    }
    for (const Found& f : found) {
        Mention m;
        m.type = std::string(field(f.trigger->row, 0));
        m.type_row = f.trigger->type;
        m.count_key = std::string(field(f.trigger->row, 1));
        m.form = std::string(field(f.trigger->row, 2));
        m.group = std::string(field(m.type_row, 0));
        if (m.group.empty()) continue;
        std::string_view rank = field(m.type_row, 1);
        m.rank = static_cast<int>(rank.empty() ? 0 : rank[0] - '0');
        m.trigger = doc_.make_text(Span{doc_.tokens[f.first].begin, doc_.tokens[f.end - 1].end});
        m.sentence = sentence_index;
        m.paragraph = current_paragraph_;
        // Date: the nearest date of the sentence; else the last one earlier in the paragraph.
        const TimexRef* best = nullptr;
        const TimexRef* until = nullptr;
        std::uint32_t best_dist = ~0u;
        auto near = std::lower_bound(dates_.begin(), dates_.end(), f.first,
                                     [](const TimexRef& t, std::uint32_t x) { return t.first < x; });
        auto lo = near - std::min<std::ptrdiff_t>(near - dates_.begin(), 8);
        auto hi = near + std::min<std::ptrdiff_t>(dates_.end() - near, 8);
        for (auto t_it = lo; t_it != hi; ++t_it) {
            const TimexRef& t = *t_it;
            if (t.first >= send) break;
            if (t.first < sfirst) continue;
            if (t.until) {
                if (t.first > f.first) until = &t;
                continue;
            }
            std::uint32_t d = t.first > f.first ? t.first - f.first : f.first - t.first;
            if (d < best_dist) {
                best_dist = d;
                best = &t;
            }
        }
        if (best) {
            m.date = date_ref(*best, 2);
        } else {
            std::uint32_t pfirst = doc_.paragraphs[current_paragraph_].first_token;
            auto before = std::lower_bound(dates_.begin(), dates_.end(), sfirst,
                                           [](const TimexRef& t, std::uint32_t x) { return t.first < x; });
            for (auto it = std::make_reverse_iterator(before); it != dates_.rend(); ++it) {
                if (it->first < pfirst) break;
                if (it->until) continue;
                m.date = date_ref(*it, 1);
                break;
            }
        }
        if (until) m.end_date = date_ref(*until, 2);
        // Place: the best-ranked place of the sentence, nearest the trigger; else the last
        // town named earlier (this paragraph first), else the dateline.
        const PlaceCandidate* pbest = nullptr;
        // only the places within a window around the trigger: a bound for huge sentences
        auto pfrom = std::lower_bound(places.begin(), places.end(), f.first > 200 ? f.first - 200 : 0,
                                      [](const PlaceCandidate& c, std::uint32_t t) { return c.first < t; });
        for (auto p_it = pfrom; p_it != places.end() && p_it->first < f.first + 200; ++p_it) {
            const PlaceCandidate& p = *p_it;
            if (!pbest || p.ref.rank > pbest->ref.rank) pbest = &p;
            else if (p.ref.rank == pbest->ref.rank) {
                auto dist = [&](const PlaceCandidate& c) {
                    return c.first > f.first ? c.first - f.first : f.first - c.first;
                };
                if (dist(p) < dist(*pbest)) pbest = &p;
            }
        }
        if (pbest && pbest->ref.rank >= 2) {
            m.place = pbest->ref;
        } else {
            settle_last_town();
            const PlaceCandidate* earlier = last_town_ ? &*last_town_ : nullptr;
            if (earlier) {
                m.place = earlier->ref;
                m.place->strength = 1;
            } else if (pbest) {
                m.place = pbest->ref;
            } else if (article_.dateline && !article_.dateline->place.empty()) {
                const Dateline& d = *article_.dateline;
                // the dateline's place is the first part of its span
                std::string_view raw = doc_.raw(d.span);
                std::size_t at = raw.find(d.place);
                if (at != std::string_view::npos) {
                    Span s{d.span.begin + at, d.span.begin + at + d.place.size()};
                    m.place = PlaceRef{Place{doc_.text(s), s}, 2, 1};
                }
            }
        }
        attach_counts(m, f.first, f.end, sfirst, send, counts, group_at_);
        // "Another man was also shot", "two others were shot": people hit besides the
        // ones counted before, who survived unless the text says otherwise.
        if (auto shot = m.counts.find("shot"); shot != m.counts.end() && !m.counts.count("injured")) {
            bool additional = false;
            std::string_view t = shot->second.text;
            for (std::string_view a : {"another", "Another", "other", "Other", "more", "More"})
                if (t.find(a) != std::string_view::npos) additional = true;
            for (std::uint32_t k = f.first, n = 0; k > sfirst && n < 4 && !additional; ++n) {
                --k;
                if (norm(k) == "also") additional = true;
                else if (!be(k)) break;
            }
            if (additional) {
                m.counts["injured"] = shot->second;
                if (m.weak.count("shot")) m.weak["injured"] = true;
                m.weak.erase("shot");
                m.counts.erase(shot);
            }
        }
        attach_actors(m, f.first, f.end, sfirst, send);
        // Claims whose content covers the trigger.
        {
            auto it = std::upper_bound(claim_spans_.begin(), claim_spans_.end(), m.trigger.span.begin,
                                       [](std::size_t b, const std::pair<Span, std::size_t>& x) { return b < x.first.begin; });
            for (int n = 0; n < 8 && it != claim_spans_.begin(); ++n) {
                --it;
                if (m.trigger.span.end > it->first.end) continue;
                const Claim& c = claims_[it->second];
                if (std::find(m.claims.begin(), m.claims.end(), c.id) != m.claims.end()) continue;
                m.claims.push_back(c.id);
                if (c.source && std::find(m.sources.begin(), m.sources.end(), *c.source) == m.sources.end())
                    m.sources.push_back(*c.source);
            }
        }
        merge(std::move(m));
    }
    const PlaceCandidate* town = nullptr;
    for (const auto& p : places)
        if (p.ref.rank >= 2) town = &p;
    if (town) {
        last_town_ = *town;
        unread_places_.clear();  // the town named last
    }
}

// Reads the places of the sentences still unread, latest first, up to the first that
// names a town: the last town named before the sentence being read.
void Extractor::settle_last_town() {
    while (!unread_places_.empty()) {
        const std::uint32_t s = --unread_places_.back().second;
        if (unread_places_.back().first == s) unread_places_.pop_back();
        const text::Sentence& sentence = doc_.sentences[s];
        std::vector<PlaceCandidate> places = places_in(sentence.first_token, sentence.end_token, sentence.paragraph);
        for (auto p = places.rbegin(); p != places.rend(); ++p)
            if (p->ref.rank >= 2) {
                last_town_ = std::move(*p);
                unread_places_.clear();
                return;
            }
    }
}

bool compatible_dates(const std::optional<DateRef>& a, const std::optional<DateRef>& b) {
    if (!a || !b) return true;
    const std::string& x = a->value;
    const std::string& y = b->value;
    // "2011-12" and "2011-12-16" agree
    return x.compare(0, std::min(x.size(), y.size()), y, 0, std::min(x.size(), y.size())) == 0;
}

bool compatible_places(const std::optional<PlaceRef>& a, const std::optional<PlaceRef>& b) {
    if (!a || !b) return true;
    const std::string& x = a->place.name;
    const std::string& y = b->place.name;
    return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

// Appends the ids of `from` that `to` lacks; `seen` holds the ids of `to` (an event can
// gather thousands of claims: no linear search).
void add_unique(std::vector<std::string>& to, std::unordered_set<std::string>& seen,
                const std::vector<std::string>& from) {
    for (const std::string& v : from)
        if (seen.insert(v).second) to.push_back(v);
}

void Extractor::merge(Mention&& m) {
    // Only the latest events are candidates: a bound that keeps the stage linear.
    int looked = 0;
    for (auto it = merged_.rbegin(); it != merged_.rend() && looked < 64; ++it, ++looked) {
        Mention& e = *it;
        if (e.group != m.group) continue;
        bool same_sentence = e.sentence == m.sentence;
        if (!same_sentence && (!compatible_dates(e.date, m.date) || !compatible_places(e.place, m.place)))
            continue;
        if (!same_sentence && !compatible_dates(e.end_date, m.end_date)) continue;
        if (m.rank > e.rank) {
            e.type = m.type;
            e.type_row = m.type_row;
            e.rank = m.rank;
            e.trigger = m.trigger;
        }
        if (m.date && (!e.date || m.date->strength > e.date->strength)) e.date = m.date;
        if (m.end_date && !e.end_date) e.end_date = m.end_date;
        if (m.place && (!e.place || m.place->strength > e.place->strength ||
                        (m.place->strength == e.place->strength && m.place->rank > e.place->rank)))
            e.place = m.place;
        for (auto& kv : m.counts) {
            auto have = e.counts.find(kv.first);
            bool weak = m.weak.count(kv.first) != 0;
            if (have == e.counts.end() || (e.weak.count(kv.first) && !weak)) {
                e.counts[kv.first] = kv.second;
                if (weak) e.weak[kv.first] = true;
                else e.weak.erase(kv.first);
            }
        }
        // An event keeps its first few actors: more are noise, and a bound keeps the
        // duplicate check (and so the stage) linear when many mentions merge.
        constexpr std::size_t max_actors = 32;
        for (const Actor& a : m.actors) {
            if (e.actors.size() >= max_actors) break;
            bool dup = false;
            for (const Actor& b : e.actors) dup = dup || b.span == a.span;
            if (!dup) e.actors.push_back(a);
        }
        add_unique(e.claims, e.claim_set, m.claims);
        add_unique(e.sources, e.source_set, m.sources);
        return;
    }
    m.claim_set.insert(m.claims.begin(), m.claims.end());
    m.source_set.insert(m.sources.begin(), m.sources.end());
    merged_.push_back(std::move(m));
}

std::vector<Event> Extractor::run() {
    index_tokens();
    ParagraphsToRead to_read(article_);
    for (std::uint32_t p = 0; p < doc_.paragraphs.size(); ++p) {
        const text::Paragraph& par = doc_.paragraphs[p];
        prefetch_ahead(&par, 64 * sizeof(text::Paragraph));
        if (!to_read(par)) continue;
        current_paragraph_ = p;
        for (std::uint32_t s = par.first_sentence; s < par.end_sentence && s < doc_.sentences.size(); ++s) {
            prefetch_ahead(&doc_.sentences[s], 64 * sizeof(text::Sentence));
            read_sentence(doc_.sentences[s], s);
        }
    }
    std::vector<Event> out;
    for (Mention& m : merged_) {
        // People shot: those not killed were wounded.
        auto shot = m.counts.find("shot");
        if (shot != m.counts.end()) {
            if (!m.counts.count("injured")) {
                Count c = shot->second;
                const Count* killed = nullptr;
                if (auto k = m.counts.find("killed"); k != m.counts.end()) killed = &k->second;
                if (!killed) {
                    // The deaths may be told as a mention of their own ("He died Sunday")
                    // that did not merge (its place or date was told differently): the
                    // same kind of violence in the same report.
                    std::size_t looked = 0;
                    for (const Mention& o : merged_) {
                        if (++looked > 64) break;
                        if (&o == &m || o.group != m.group) continue;
                        auto k = o.counts.find("killed");
                        if (k != o.counts.end() && k->second.value) {
                            killed = &k->second;
                            break;
                        }
                    }
                }
                bool ok = true;
                // "two others were shot": people besides the dead
                std::string_view t = c.text;
                bool others = t.find("other") != std::string_view::npos || t.find("Other") != std::string_view::npos;
                if (killed && !others) {
                    if (c.value && killed->value && *c.value > *killed->value)
                        c.value = *c.value - *killed->value;
                    else
                        ok = false;
                }
                if (ok) m.counts["injured"] = c;
            }
            m.counts.erase("shot");
        }
        Event e;
        e.id = "e" + std::to_string(out.size() + 1);
        e.type = m.type;
        auto et = field(m.type_row, 2);
        if (!et.empty() && et != "-")
            e.acled = Acled{std::string(et), std::string(field(m.type_row, 3))};
        e.trigger = m.trigger;
        if (m.date) e.date = EventDate{m.date->value, m.date->timex};
        if (m.end_date) e.end_date = EventDate{m.end_date->value, m.end_date->timex};
        if (m.place) e.place = m.place->place;
        e.actors = m.actors;
        e.counts = m.counts;
        e.claims = m.claims;
        e.sources = m.sources;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

void extract(const text::Document& doc, const layout::Layout& /*layout*/, const Article& article,
             const std::vector<Source>& sources, const std::vector<Claim>& claims,
             const std::vector<Timex>& timexes, std::vector<Event>& events) {
    // (the paragraphs to read come from the article: everything the layout did not set
    // aside; the layout itself is not read)
    events = Extractor(doc, article, sources, claims, timexes).run();
}

}  // namespace reportage::events
