// The time stage: detect, infer the publication date if needed, resolve in reading order.
#include "time/timexes.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

#include "time/timex_internal.hpp"

namespace reportage::time {

namespace {

bool is_day_value(const std::string& v) {
    return v.size() >= 10 && v[4] == '-' && v[7] == '-' && parse_iso_date(v).has_value();
}

}  // namespace

void extract(const text::Document& doc, Published& published, std::vector<Timex>& timexes,
             std::vector<Diagnostic>& diagnostics) {
    (void)diagnostics;
    const Mentions mentions = detect_mentions(doc);
    infer_published(mentions, published);

    Narrative nv;
    if (published.date) nv.published = parse_iso_date(*published.date);
    timexes.reserve(timexes.size() + mentions.size());
    Mentions::Reader reader(mentions);
    while (const Mention* next = reader.next()) {
        const Mention& m = *next;
        if (m.first >= m.end || m.end > doc.tokens.size()) continue;
        // (from the tokens as detection read them: here, on a large document, they would
        // come from memory again)
        const Span span = m.span;
        Resolved r = resolve(m, nv);
        Timex t;
        t.id = "t" + std::to_string(timexes.size() + 1);
        Text text = doc.make_text(span);
        t.text = std::move(text.text);
        t.span = span;
        t.type = m.type;
        t.value = std::move(r.value);
        t.anchor = std::move(r.anchor);
        // The narrative's reference date: the last day-precise date it mentioned, and the
        // last quarter (for "a year earlier" in quarterly results).
        if ((t.type == TimexType::date || t.type == TimexType::time) && is_day_value(t.value) &&
            !(m.form == Form::offset && m.n == 0)) {
            nv.last_day = parse_iso_date(t.value);
            nv.last_day_id = t.id;
        }
        if (m.form != Form::offset && (t.type == TimexType::date || t.type == TimexType::time) &&
            t.value.size() >= 4 && std::isdigit(static_cast<unsigned char>(t.value[0])) &&
            std::isdigit(static_cast<unsigned char>(t.value[3])) && (t.value.size() == 4 || t.value[4] == '-')) {
            int y = std::atoi(t.value.substr(0, 4).c_str());
            nv.last_year = Date{y, 1, 1};
            nv.last_year_id = t.id;
            if (t.value.size() >= 7 && std::isdigit(static_cast<unsigned char>(t.value[5])) &&
                std::isdigit(static_cast<unsigned char>(t.value[6]))) {
                int mo = std::atoi(t.value.substr(5, 2).c_str());
                if (mo >= 1 && mo <= 12) {
                    nv.last_month = Date{y, mo, 1};
                    nv.last_month_id = t.id;
                }
            }
        }
        if (!m.quarter_aware && t.type == TimexType::date && t.value.size() == 7 && t.value[5] == 'Q' && t.value[6] >= '1' &&
            t.value[6] <= '4') {
            nv.last_quarter_year = std::atoi(t.value.substr(0, 4).c_str());
            nv.last_quarter = t.value[6] - '0';
            nv.last_quarter_id = t.id;
        }
        timexes.push_back(std::move(t));
    }
}

}  // namespace reportage::time
