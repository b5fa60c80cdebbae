// Proleptic Gregorian date arithmetic on plain integers: no time zones, no locale.
#ifndef REPORTAGE_TIME_CALENDAR_HPP
#define REPORTAGE_TIME_CALENDAR_HPP

#include <optional>
#include <string>
#include <string_view>

namespace reportage::time {

struct Date {
    int year = 0, month = 1, day = 1;
    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

bool is_leap_year(int y) noexcept;
int days_in_month(int y, int m) noexcept;
// Days since 1970-01-01 (negative before), and back.
long days_from_civil(const Date& d) noexcept;
Date civil_from_days(long z) noexcept;
// ISO weekday: 1 = Monday … 7 = Sunday.
int weekday(const Date& d) noexcept;
// ISO 8601 week: the week-numbering year and the week 1..53.
void iso_week(const Date& d, int& week_year, int& week) noexcept;

Date add_days(const Date& d, long n) noexcept;
// Adds months, clamping the day to the end of the target month (Jan 31 + 1 = Feb 28/29).
Date add_months(const Date& d, int n) noexcept;

// "YYYY-MM-DD" (the date part of a longer string is accepted) or nothing.
std::optional<Date> parse_iso_date(std::string_view s) noexcept;
std::string format_date(const Date& d);  // YYYY-MM-DD
// Appends v as printf's "%0<width>ld" writes it: at least `width` characters, zeros
// between a minus sign and the digits.
void append_padded(std::string& out, long v, int width);

}  // namespace reportage::time

#endif  // REPORTAGE_TIME_CALENDAR_HPP
