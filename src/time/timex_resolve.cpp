// Resolution: a mention's TimeML value from the publication date (policies in
// docs/time.md) or from the date the narrative last mentioned.
#include <cstdlib>
#include <string>

#include "time/timex_internal.hpp"

namespace reportage::time {

namespace {

std::string two(int v) {  // "%02d"
    std::string s;
    append_padded(s, v, 2);
    return s;
}

std::string four(int v) {  // "%04d"
    std::string s;
    append_padded(s, v, 4);
    return s;
}

int quarter_of(int month) { return (month - 1) / 3 + 1; }

// The value of date d at granularity g.
std::string at_granularity(const Date& d, Unit g) {
    switch (g) {
        case Unit::year: return four(d.year);
        case Unit::quarter: return four(d.year) + "-Q" + std::to_string(quarter_of(d.month));
        case Unit::month: return four(d.year) + "-" + two(d.month);
        case Unit::week:
        case Unit::fortnight: {
            int wy = 0, wk = 0;
            iso_week(d, wy, wk);
            return four(wy) + "-W" + two(wk);
        }
        case Unit::weekend: {
            int wy = 0, wk = 0;
            iso_week(d, wy, wk);
            return four(wy) + "-W" + two(wk) + "-WE";
        }
        case Unit::decade: return four(d.year).substr(0, 3);
        case Unit::century: return four(d.year).substr(0, 2);
        default: return format_date(d);
    }
}

// The unknown-reference form at granularity g (no year is ever guessed).
std::string unknown_at(Unit g) {
    switch (g) {
        case Unit::year: return "XXXX";
        case Unit::quarter: return "XXXX-QX";
        case Unit::month: return "XXXX-XX";
        case Unit::week:
        case Unit::fortnight: return "XXXX-WXX";
        case Unit::weekend: return "XXXX-WXX-WE";
        case Unit::decade: return "XXX";
        case Unit::century: return "XX";
        default: return "XXXX-XX-XX";
    }
}

Date shift(const Date& d, Unit u, int n) {
    switch (u) {
        case Unit::year: return add_months(d, 12 * n);
        case Unit::quarter: return add_months(d, 3 * n);
        case Unit::month: return add_months(d, n);
        case Unit::week:
        case Unit::weekend: return add_days(d, 7L * n);
        case Unit::fortnight: return add_days(d, 14L * n);
        case Unit::decade: return add_months(d, 120 * n);
        case Unit::century: return add_months(d, 1200 * n);
        default: return add_days(d, n);
    }
}

// Month + day without a year: the candidate closest to the publication date when it is
// within 90 days; otherwise the tense decides (future cue: the next one; else the last).
Date resolve_month_day(int month, int day, const Date& pub, bool future) {
    long p = days_from_civil(pub);
    Date best{};
    long best_dist = 1L << 30;
    for (int y = pub.year - 1; y <= pub.year + 1; ++y) {
        int d = day > days_in_month(y, month) ? days_in_month(y, month) : day;
        Date c{y, month, d};
        long dist = days_from_civil(c) - p;
        long ad = dist < 0 ? -dist : dist;
        if (ad < (best_dist < 0 ? -best_dist : best_dist) || (ad == (best_dist < 0 ? -best_dist : best_dist) && dist < 0)) {
            best = c;
            best_dist = dist;
        }
    }
    long abs_dist = best_dist < 0 ? -best_dist : best_dist;
    if (abs_dist <= 90) return best;
    Date c{pub.year, month, day > days_in_month(pub.year, month) ? days_in_month(pub.year, month) : day};
    long dist = days_from_civil(c) - p;
    if (future) {
        if (dist < 0) c.year += 1;
    } else {
        if (dist > 0) c.year -= 1;
    }
    return c;
}

int resolve_month_year(int month, int rel, const Date& pub, bool future) {
    switch (rel) {
        case -1: return month < pub.month ? pub.year : pub.year - 1;  // the most recent before
        case 1: return month > pub.month ? pub.year : pub.year + 1;
        case 2: return pub.year;
        case -2: return pub.year - 1;  // "June last year"
        default: break;
    }
    // Bare month: as for month + day, closest within about 90 days, else the tense.
    int best_year = pub.year, best_dist = 1 << 20;
    for (int y = pub.year - 1; y <= pub.year + 1; ++y) {
        int dist = (y - pub.year) * 12 + (month - pub.month);
        int ad = dist < 0 ? -dist : dist;
        int bd = best_dist < 0 ? -best_dist : best_dist;
        if (ad < bd || (ad == bd && dist < 0 && !future)) {
            best_year = y;
            best_dist = dist;
        }
    }
    if ((best_dist < 0 ? -best_dist : best_dist) <= 3) return best_year;
    if (future) return month >= pub.month ? pub.year : pub.year + 1;
    return month <= pub.month ? pub.year : pub.year - 1;
}

Date resolve_weekday(int wd, int rel, const Date& pub, bool future) {
    int pw = weekday(pub);
    switch (rel) {
        case -1: {
            int back = (pw - wd + 7) % 7;
            return add_days(pub, -(back == 0 ? 7 : back));
        }
        case 1: {
            int fwd = (wd - pw + 7) % 7;
            return add_days(pub, fwd == 0 ? 7 : fwd);
        }
        case 2: return add_days(pub, wd - pw);  // same ISO week
        default: break;
    }
    if (future) return add_days(pub, (wd - pw + 7) % 7);
    return add_days(pub, -((pw - wd + 7) % 7));
}

std::string season_year(const std::string& code, int rel, const Date& pub) {
    int start = code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12;
    int y = pub.year;
    if (rel == -1) y = start + 3 <= pub.month ? pub.year : pub.year - 1;
    else if (rel == 1) y = start > pub.month ? pub.year : pub.year + 1;
    else if (code == "WI" && pub.month <= 2) y = pub.year - 1;
    return four(y) + "-" + code;
}

}  // namespace

Resolved resolve(const Mention& m, const Narrative& nv) {
    Resolved r;
    const auto& pub = nv.published;
    auto anchored = [&](std::string v) {
        r.value = std::move(v);
        r.anchor = "published";
        return r;
    };
    switch (m.form) {
        case Form::fixed:
            r.value = m.value;
            if (m.value == "PRESENT_REF" || m.value == "PAST_REF" || m.value == "FUTURE_REF")
                if (pub) r.anchor = "published";
            return r;
        case Form::month_day: {
            if (!pub) {
                r.value = "XXXX-" + two(m.month) + "-" + two(m.day) + m.suffix;
                return r;
            }
            Date d = resolve_month_day(m.month, m.day, *pub, m.future);
            return anchored(format_date(d) + m.suffix);
        }
        case Form::month: {
            if (!pub) {
                r.value = "XXXX-" + two(m.month);
                return r;
            }
            return anchored(four(resolve_month_year(m.month, m.rel, *pub, m.future)) + "-" + two(m.month));
        }
        case Form::weekday: {
            if (!pub) {
                r.value = "XXXX-WXX-" + std::to_string(m.weekday) + m.suffix;
                return r;
            }
            return anchored(format_date(resolve_weekday(m.weekday, m.rel, *pub, m.future)) + m.suffix);
        }
        case Form::offset: {
            if (!pub) {
                r.value = unknown_at(m.granularity) + m.suffix;
                return r;
            }
            if (m.unit == Unit::weekend) {
                // the weekend: the last one, or the coming one when the sentence looks ahead
                Date d = *pub;
                int pw = weekday(d);
                if (m.n == 0 && !m.future && pw < 6) d = add_days(d, -7);
                d = shift(d, Unit::week, m.n);
                return anchored(at_granularity(d, Unit::weekend));
            }
            if (m.quarter_aware && nv.last_quarter) {
                r.value = four(nv.last_quarter_year - 1) + "-Q" + std::to_string(nv.last_quarter);
                r.anchor = nv.last_quarter_id;
                return r;
            }
            Date d = shift(*pub, m.unit, m.n);
            return anchored(at_granularity(d, m.granularity) + (m.granularity == Unit::day ? m.suffix : ""));
        }
        case Form::anaphor: {
            if (m.quarter_aware && nv.last_quarter) {
                r.value = four(nv.last_quarter_year - 1) + "-Q" + std::to_string(nv.last_quarter);
                r.anchor = nv.last_quarter_id;
                return r;
            }
            // that year / the following month: the last date with that precision will do
            const std::optional<Date>* ref = &nv.last_day;
            const std::string* ref_id = &nv.last_day_id;
            if ((m.granularity == Unit::year || m.granularity == Unit::decade) && nv.last_year &&
                !(nv.last_day && nv.last_day_id > nv.last_year_id && false)) {
                ref = &nv.last_year;
                ref_id = &nv.last_year_id;
            } else if (m.granularity == Unit::month && nv.last_month) {
                ref = &nv.last_month;
                ref_id = &nv.last_month_id;
            }
            if (*ref) {
                Date d = shift(**ref, m.unit, m.n);
                r.value = at_granularity(d, m.granularity) + (m.granularity == Unit::day ? m.suffix : "");
                r.anchor = *ref_id;
                return r;
            }
            if (nv.last_day) {
                Date d = shift(*nv.last_day, m.unit, m.n);
                r.value = at_granularity(d, m.granularity) + (m.granularity == Unit::day ? m.suffix : "");
                r.anchor = nv.last_day_id;
                return r;
            }
            if (!pub) {
                r.value = unknown_at(m.granularity) + m.suffix;
                return r;
            }
            Date d = shift(*pub, m.unit, m.n);
            return anchored(at_granularity(d, m.granularity) + (m.granularity == Unit::day ? m.suffix : ""));
        }
        case Form::season:
            if (!pub) {
                r.value = "XXXX-" + m.value;
                return r;
            }
            return anchored(season_year(m.value, m.rel, *pub));
        case Form::quarter: {
            if (!pub) {
                r.value = m.n ? "XXXX-Q" + std::to_string(m.n) : "XXXX-QX";
                return r;
            }
            int q = m.n, y = pub->year;
            int cur = quarter_of(pub->month);
            if (q == 0) {
                // the quarter / the latest quarter: the last one completed; this quarter: the current
                if (m.rel == 2) q = cur;
                else if (m.rel == 1) q = cur + 1;
                else q = cur - 1;
                if (q == 0) {
                    q = 4;
                    y -= 1;
                }
                if (q == 5) {
                    q = 1;
                    y += 1;
                }
            } else if (m.rel == -1) {
                if (q >= cur) y -= 1;
            } else if (m.rel == 1) {
                if (q <= cur) y += 1;
            } else if (m.rel >= 9 && m.rel <= 11) {
                y += m.rel - 10;
            } else if (q > cur && !m.future) {
                y -= 1;  // a quarter not yet begun, spoken of in the past: last year's
            }
            return anchored(four(y) + "-Q" + std::to_string(q));
        }
    }
    return r;
}

}  // namespace reportage::time
