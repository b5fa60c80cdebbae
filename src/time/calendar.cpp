#include "time/calendar.hpp"

namespace reportage::time {

bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) noexcept {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 30;
    return days[m - 1] + (m == 2 && is_leap_year(y) ? 1 : 0);
}

// Howard Hinnant's algorithms (public domain description of the civil calendar).
long days_from_civil(const Date& d) noexcept {
    long y = d.year - (d.month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) noexcept {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(const Date& d) noexcept {
    long z = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
    long w = (z % 7 + 7 + 3) % 7;  // 0 = Monday
    return static_cast<int>(w) + 1;
}

void iso_week(const Date& d, int& week_year, int& week) noexcept {
    // The week belongs to the year of its Thursday.
    Date thursday = add_days(d, 4 - weekday(d));
    week_year = thursday.year;
    long first = days_from_civil(Date{thursday.year, 1, 1});
    week = static_cast<int>((days_from_civil(thursday) - first) / 7 + 1);
}

Date add_days(const Date& d, long n) noexcept { return civil_from_days(days_from_civil(d) + n); }

Date add_months(const Date& d, int n) noexcept {
    long total = static_cast<long>(d.year) * 12 + (d.month - 1) + n;
    int y = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    int m = static_cast<int>(total - static_cast<long>(y) * 12) + 1;
    int day = d.day;
    if (day > days_in_month(y, m)) day = days_in_month(y, m);
    return Date{y, m, day};
}

std::optional<Date> parse_iso_date(std::string_view s) noexcept {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int v[3] = {0, 0, 0};
    const int pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
    for (int k = 0; k < 3; ++k)
        for (int i = 0; i < pos[k][1]; ++i) {
            char c = s[static_cast<std::size_t>(pos[k][0] + i)];
            if (c < '0' || c > '9') return std::nullopt;
            v[k] = v[k] * 10 + (c - '0');
        }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) return std::nullopt;
    return Date{v[0], v[1], v[2]};
}

void append_padded(std::string& out, long v, int width) {
    char digits[24];
    int n = 0;
    unsigned long u = v < 0 ? 0UL - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
    do {
        digits[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0) out.push_back('-');
    for (int k = n + (v < 0 ? 1 : 0); k < width; ++k) out.push_back('0');
    while (n > 0) out.push_back(digits[--n]);
}

std::string format_date(const Date& d) {  // "%04d-%02d-%02d"
    std::string s;
    append_padded(s, d.year, 4);
    s.push_back('-');
    append_padded(s, d.month, 2);
    s.push_back('-');
    append_padded(s, d.day, 2);
    return s;
}

}  // namespace reportage::time
