// Internal to the time stage: what detection finds and resolution turns into values.
#ifndef REPORTAGE_TIME_TIMEX_INTERNAL_HPP
#define REPORTAGE_TIME_TIMEX_INTERNAL_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "reportage/model.hpp"
#include "text/document.hpp"
#include "time/calendar.hpp"

namespace reportage::time {

enum class Unit { none, year, quarter, month, week, day, weekend, decade, century, hour, minute, second, fortnight };

// How a mention gets its value.
enum class Form {
    fixed,      // the value is in the text itself (durations, sets, full dates, years, refs)
    month_day,  // month and day, the year to be chosen (policy: closest, else tense)
    month,      // a month name alone, with rel
    weekday,    // a weekday name, with rel
    offset,     // n units from the publication date (today, last year, two weeks ago)
    anaphor,    // n units from the date the narrative last mentioned (the following day)
    season,     // season code in `value`, year from the publication date and rel
    quarter,    // quarter number in `n`, rel
};

struct Mention {
    std::uint32_t first = 0, end = 0;  // tokens [first, end)
    TimexType type = TimexType::date;
    Form form = Form::fixed;
    std::string value;   // fixed: the value; season: the code
    int year = 0;        // 0 = not stated
    int month = 0, day = 0, weekday = 0;
    int n = 0;           // offset count (signed), or quarter number
    Unit unit = Unit::none;
    Unit granularity = Unit::day;
    int rel = 0;         // -1 last/previous, +1 next/coming, 2 this, 0 none
    bool future = false; // a future-tense cue in the sentence
    bool quarter_aware = false;  // "a year earlier" after a quarter means that quarter
    std::string suffix;  // appended to a day value: "TMO", "T16:30"
    Span span;           // the bytes of tokens [first, end), set when detection keeps it

    // Back to a fresh Mention{} starting at token `at`, keeping the strings' buffers
    // (detection resets one candidate per pattern per token). Lists every field above.
    void reset(std::uint32_t at) {
        first = at;
        end = 0;
        type = TimexType::date;
        form = Form::fixed;
        value.clear();
        year = month = day = weekday = n = 0;
        unit = Unit::none;
        granularity = Unit::day;
        rel = 0;
        future = quarter_aware = false;
        suffix.clear();
        span = Span{};
    }
};

// The mentions detection found, in reading order, in little memory. The first `kept` are
// kept as they are (most documents have fewer); each one after is encoded in a few bytes
// (the fields that differ from a fresh Mention{}, integers as variable-length numbers, the
// first token and byte relative to the last mention's) into blocks that never move. Read
// back in order with a Reader. A document of 8 MB can hold 300,000 mentions: as Mentions
// in a vector grown by doubling they took some 60 MB, every page of it touched for the
// first time; encoded, "Monday" in "said on Monday." takes 7 bytes.
class Mentions {
public:
    static constexpr std::size_t kept = 256;

    Mentions() = default;
    Mentions(Mentions&&) = default;
    Mentions& operator=(Mentions&&) = default;

    void push(Mention&& m);
    std::size_t size() const { return size_; }
    // The days (days_from_civil) of the explicit full dates among them, in order: the
    // mentions of form fixed and type date whose value is a date YYYY-MM-DD.
    const std::vector<std::int32_t>& full_dates() const { return full_dates_; }

    // Reads the mentions back in order.
    class Reader {
    public:
        explicit Reader(const Mentions& mentions) : mentions_(mentions) {}
        // The next mention (valid until the next call), or null after the last.
        const Mention* next();

    private:
        const Mentions& mentions_;
        std::size_t block_ = 0, at_ = 0, read_ = 0;
        std::uint32_t first_ = 0, begin_ = 0;
        Mention decoded_;
    };

private:
    struct Block {
        std::unique_ptr<unsigned char[]> bytes;
        std::size_t size = 0, capacity = 0;
    };
    std::vector<Mention> kept_;
    std::vector<Block> blocks_;
    std::size_t size_ = 0;
    std::uint32_t last_first_ = 0, last_begin_ = 0;
    std::vector<std::int32_t> full_dates_;

    void encode(const Mention& m);
};

Mentions detect_mentions(const text::Document& doc);

// Resolution context carried along the document in reading order.
struct Narrative {
    std::optional<Date> published;
    std::optional<Date> last_day;      // the date the narrative last mentioned
    std::string last_day_id;
    std::optional<Date> last_month, last_year;  // the last dates known to month / year precision
    std::string last_month_id, last_year_id;
    int last_quarter_year = 0, last_quarter = 0;
    std::string last_quarter_id;
};

struct Resolved {
    std::string value;
    std::optional<std::string> anchor;
};

Resolved resolve(const Mention& m, const Narrative& narrative);

// Sets published (origin inferred) from the explicit full dates when they pin it down.
void infer_published(const Mentions& mentions, Published& published);

}  // namespace reportage::time

#endif  // REPORTAGE_TIME_TIMEX_INTERNAL_HPP
