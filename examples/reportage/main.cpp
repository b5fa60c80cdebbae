// reportage — the command-line tool.
//
//   reportage parse [--published YYYY-MM-DD] [--pretty] [--name NAME] FILE|-
//   reportage parse --jsonl [--jobs N] [--published YYYY-MM-DD] FILE...
//   reportage query [--published YYYY-MM-DD] [--pretty] FILE|- QUERY
//
// Exit status: 0 on success, 1 when a file could not be read or analysed (the other
// files are still processed), 2 for bad usage or an invalid option value.
//
// Files are read as raw bytes; the library never throws because of their content, so
// the only per-file failures are I/O errors and running out of memory.
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"
#include "reportage/query.hpp"
#include "reportage/version.hpp"

#if defined(_WIN32)
#include <fcntl.h>
#include <io.h>
#define REPORTAGE_ISATTY(fd) (_isatty(fd) != 0)
#define REPORTAGE_FILENO(f) _fileno(f)
#elif defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define REPORTAGE_ISATTY(fd) (isatty(fd) != 0)
#define REPORTAGE_FILENO(f) fileno(f)
#else
#define REPORTAGE_ISATTY(fd) false
#define REPORTAGE_FILENO(f) 0
#endif

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

const char* const usage_text =
    "usage: reportage parse [--published YYYY-MM-DD] [--pretty] [--name NAME] FILE|-\n"
    "       reportage parse --jsonl [--jobs N] [--published YYYY-MM-DD] FILE...\n"
    "       reportage query [--published YYYY-MM-DD] [--pretty] FILE|- QUERY\n"
    "       reportage --version | --help\n"
    "\n"
    "Turns a news report (plain text) into a JSON report (schema reportage/1): article\n"
    "structure, sources, claims, time expressions, events and diagnostics.\n"
    "\n"
    "parse options:\n"
    "  --published YYYY-MM-DD  publication date; relative dates resolve against it\n"
    "  --pretty                indent the JSON (default: one compact line)\n"
    "  --name NAME             the value of input.name (default: the file path;\n"
    "                          null for standard input)\n"
    "  --jsonl                 several files: one compact JSON line per file, in order,\n"
    "                          with input.name set to the file path\n"
    "  --jobs N                with --jsonl: parse on N threads (default 1; 0: one per\n"
    "                          processor); the output is the same, in the same order\n"
    "  -                       read standard input\n"
    "  --                      end of options\n"
    "\n"
    "query prints the items of FILE's report that QUERY selects, as a JSON array\n"
    "(docs/query.md), e.g.\n"
    "  reportage query FILE 'claims where source.name ~ \"Doe\" and kind = \"direct\"'\n"
    "  reportage query FILE 'events where counts.killed.value >= 10 order by date.value desc limit 5'\n"
    "A malformed query is a usage error (exit status 2) naming the position.\n"
    "\n"
    "Files are read as bytes; spans in the output are byte offsets into them.\n"
    "Exit status: 0 ok, 1 a file could not be read, 2 bad usage.\n";

void print_usage(std::FILE* out) { std::fputs(usage_text, out); }

// Thrown for command-line misuse; main() prints it with a usage hint and exits 2.
struct UsageError {
    std::string message;
};

// Replaces invalid UTF-8 with U+FFFD, so a file name from the command line can always
// be written as a JSON string.
std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c < 0x80) {
            len = 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        }
        std::size_t ok = len == 0 ? 0 : 1;
        while (ok > 0 && ok < len && i + ok < s.size()) {
            const auto b = static_cast<unsigned char>(s[i + ok]);
            if (b < (ok == 1 ? lo : 0x80) || b > (ok == 1 ? hi : 0xBF)) break;
            ++ok;
        }
        if (len != 0 && ok == len) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out.append("\xEF\xBF\xBD");
            i += ok == 0 ? 1 : ok;  // one U+FFFD per maximal invalid subsequence
        }
    }
    return out;
}

// Reads the whole of `f` into `buf` (reusing its capacity). Returns an error text, or
// an empty string on success.
std::string read_all(std::FILE* f, std::string& buf) {
    buf.clear();
    char chunk[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(chunk, 1, sizeof chunk, f);
        if (n > 0) buf.append(chunk, n);
        if (n < sizeof chunk) {
            if (std::ferror(f)) {
                const int err = errno;
                return err != 0 ? std::strerror(err) : "read error";
            }
            return {};
        }
    }
}

// Reads FILE, or standard input for "-", as bytes. Returns an error text or "".
std::string read_input(const std::string& path, std::string& buf) {
    if (path == "-") {
#if defined(_WIN32)
        _setmode(_fileno(stdin), _O_BINARY);
#endif
        errno = 0;
        return read_all(stdin, buf);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return std::strerror(EISDIR);
    errno = 0;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        const int err = errno;
        return err != 0 ? std::strerror(err) : "cannot open";
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size < std::uintmax_t{1} << 40) buf.reserve(static_cast<std::size_t>(size));
    errno = 0;
    std::string error = read_all(f, buf);
    std::fclose(f);
    return error;
}

bool write_line(const std::string& json) {
    std::fwrite(json.data(), 1, json.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return !std::ferror(stdout);
}

// Prints "reportage: MESSAGE" unless the message already names the tool.
void print_error(const std::string& message) {
    if (message.rfind("reportage:", 0) == 0)
        std::fprintf(stderr, "%s\n", message.c_str());
    else
        std::fprintf(stderr, "reportage: %s\n", message.c_str());
}

// A one-line progress bar on stderr, drawn only when stderr is a terminal.
class Progress {
public:
    Progress(const std::vector<std::string>& files, bool enabled) : enabled_(enabled) {
        if (!enabled_) return;
        total_files_ = files.size();
        for (const auto& f : files) {
            std::error_code ec;
            if (f == "-") continue;
            const auto n = std::filesystem::file_size(f, ec);
            if (!ec) total_bytes_ += n;
        }
        draw(true);
    }

    void advance(std::uintmax_t bytes) {
        if (!enabled_) return;
        ++done_files_;
        done_bytes_ += bytes;
        draw(done_files_ == total_files_);
    }

    // Erases the bar so a message can be printed on a clean line.
    void clear() {
        if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
        drawn_ = false;
    }

    void finish() {
        if (!enabled_) return;
        draw(true);
        std::fputc('\n', stderr);
        std::fflush(stderr);
        drawn_ = false;
    }

private:
    void draw(bool force) {
        const auto now = std::chrono::steady_clock::now();
        if (!force && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        constexpr int width = 30;
        const double frac = total_files_ == 0 ? 1.0
                                              : static_cast<double>(done_files_) /
                                                    static_cast<double>(total_files_);
        const int filled = static_cast<int>(frac * width);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(width - filled), '.');
        std::fprintf(stderr, "\r\033[K[%s] %zu/%zu files  %.1f/%.1f MB", bar.c_str(), done_files_,
                     total_files_, static_cast<double>(done_bytes_) / 1e6,
                     static_cast<double>(total_bytes_) / 1e6);
        std::fflush(stderr);
        drawn_ = true;
    }

    bool enabled_ = false;
    bool drawn_ = false;
    std::size_t total_files_ = 0;
    std::size_t done_files_ = 0;
    std::uintmax_t total_bytes_ = 0;
    std::uintmax_t done_bytes_ = 0;
    std::chrono::steady_clock::time_point last_{};
};

struct ParseCommand {
    std::optional<std::string> published;
    std::optional<std::string> name;
    bool pretty = false;
    bool jsonl = false;
    bool help = false;
    unsigned jobs = 1;
    bool jobs_given = false;
    std::vector<std::string> files;
};

// The value of --jobs: a non-negative integer; 0 means one thread per processor.
unsigned parse_jobs(const std::string& value) {
    if (value.empty() || value.size() > 6 ||
        value.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{"--jobs needs a number of threads (0: one per processor), got '" + value +
                         "'"};
    unsigned n = static_cast<unsigned>(std::stoul(value));
    if (n == 0) n = std::thread::hardware_concurrency();
    if (n == 0) n = 1;
    return n > 256 ? 256 : n;
}

ParseCommand parse_arguments(int argc, char** argv) {
    ParseCommand cmd;
    bool options_done = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const std::string& opt) -> std::string {
            const std::string prefix = opt + "=";
            if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
            if (i + 1 >= argc) throw UsageError{"option " + opt + " needs a value"};
            return argv[++i];
        };
        if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
            cmd.files.push_back(arg);
        } else if (arg == "--") {
            options_done = true;
        } else if (arg == "--help" || arg == "-h") {
            cmd.help = true;
        } else if (arg == "--pretty") {
            cmd.pretty = true;
        } else if (arg == "--jsonl") {
            cmd.jsonl = true;
        } else if (arg == "--published" || arg.rfind("--published=", 0) == 0) {
            cmd.published = value("--published");
        } else if (arg == "--name" || arg.rfind("--name=", 0) == 0) {
            cmd.name = value("--name");
        } else if (arg == "--jobs" || arg.rfind("--jobs=", 0) == 0) {
            cmd.jobs = parse_jobs(value("--jobs"));
            cmd.jobs_given = true;
        } else {
            throw UsageError{"unknown option " + arg};
        }
    }
    if (cmd.help) return cmd;
    if (cmd.files.empty()) throw UsageError{"parse needs a FILE (or - for standard input)"};
    if (cmd.jsonl) {
        if (cmd.pretty) throw UsageError{"--pretty cannot be combined with --jsonl"};
        if (cmd.name) throw UsageError{"--name cannot be combined with --jsonl"};
    } else if (cmd.files.size() > 1) {
        throw UsageError{"parse takes one FILE; use --jsonl for several"};
    } else if (cmd.jobs_given) {
        throw UsageError{"--jobs needs --jsonl"};
    }
    return cmd;
}

int run_single(const ParseCommand& cmd, const reportage::ParseOptions& base) {
    const std::string& path = cmd.files.front();
    std::string buf;
    const std::string error = read_input(path, buf);
    if (!error.empty()) {
        print_error("cannot read " + (path == "-" ? std::string("standard input") : path) + ": " +
                    error);
        return exit_failure;
    }
    reportage::ParseOptions options = base;
    if (cmd.name)
        options.name = valid_utf8(*cmd.name);
    else if (path != "-")
        options.name = valid_utf8(path);
    const reportage::Report report = reportage::parse(buf, options);
    if (!write_line(reportage::to_json_string(report, cmd.pretty ? 2 : -1))) {
        print_error("cannot write to standard output");
        return exit_failure;
    }
    return exit_ok;
}

// What --jsonl produces for one file: a JSON line, or a message for standard error.
struct Outcome {
    enum Kind { ok, read_error, analyse_error } kind = ok;
    std::string text;  // the JSON line, or the error message
    std::uintmax_t bytes = 0;
};

// Reads and parses one file of --jsonl. `buf` is reused between files.
Outcome process_file(const std::string& path, const reportage::ParseOptions& base,
                     std::string& buf) {
    Outcome out;
    const std::string shown = path == "-" ? std::string("standard input") : path;
    const std::string error = read_input(path, buf);
    if (!error.empty()) {
        out.kind = Outcome::read_error;
        out.text = "cannot read " + shown + ": " + error;
        return out;
    }
    out.bytes = buf.size();
    try {
        reportage::ParseOptions options = base;
        if (path != "-") options.name = valid_utf8(path);
        out.text = reportage::to_json_string(reportage::parse(buf, options), -1);
    } catch (const std::bad_alloc&) {
        out.kind = Outcome::analyse_error;
        out.text = "cannot analyse " + shown + ": out of memory";
    } catch (const std::exception& e) {
        out.kind = Outcome::analyse_error;
        out.text = "cannot analyse " + shown + ": " + e.what();
    }
    if (buf.capacity() > (std::size_t{64} << 20)) std::string().swap(buf);
    return out;
}

// Parses the files of --jsonl on `jobs` worker threads and hands each outcome to `emit`
// on the calling thread, in input order. At most 2 × jobs files are in flight (being
// parsed or waiting to be written), so memory stays bounded however many files there
// are. `emit` returns false to stop (output error): the workers finish their current file
// and stop.
template <class Emit>
void process_parallel(const std::vector<std::string>& files, const reportage::ParseOptions& base,
                      unsigned jobs, Emit emit) {
    const std::size_t window = 2 * static_cast<std::size_t>(jobs);
    std::vector<std::optional<Outcome>> slots(window);  // outcome of file i in slots[i % window]
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0;     // the next file a worker takes
    std::size_t written = 0;  // files emitted so far
    bool stop = false;

    auto worker = [&] {
        std::string buf;
        for (;;) {
            std::size_t i;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return stop || next >= files.size() || next < written + window; });
                if (stop || next >= files.size()) return;
                i = next++;
            }
            Outcome out;
            try {
                out = process_file(files[i], base, buf);
            } catch (const std::bad_alloc&) {  // building an error message ran out of memory
                out.kind = Outcome::analyse_error;
                out.text = "cannot analyse " + files[i] + ": out of memory";
            }
            {
                std::lock_guard<std::mutex> lock(mutex);
                slots[i % window] = std::move(out);
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> threads;
    const std::size_t n_threads = std::min<std::size_t>(jobs, files.size());
    threads.reserve(n_threads);
    for (std::size_t t = 0; t < n_threads; ++t) threads.emplace_back(worker);
    for (std::size_t i = 0; i < files.size(); ++i) {
        Outcome out;
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock, [&] { return slots[i % window].has_value(); });
            out = std::move(*slots[i % window]);
            slots[i % window].reset();
            written = i + 1;
        }
        changed.notify_all();
        if (!emit(out)) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                stop = true;
            }
            changed.notify_all();
            break;
        }
    }
    for (std::thread& t : threads) t.join();
}

int run_jsonl(const ParseCommand& cmd, const reportage::ParseOptions& base) {
    // The bar goes to stderr only when it is a terminal, and not when stdout is the same
    // screen: there the JSON lines already show the progress and would break the bar.
    const bool show_progress = REPORTAGE_ISATTY(REPORTAGE_FILENO(stderr)) &&
                               !REPORTAGE_ISATTY(REPORTAGE_FILENO(stdout));
    Progress progress(cmd.files, show_progress);
    int status = exit_ok;
    // Writes one file's outcome; false when standard output fails (the run stops).
    auto emit = [&](const Outcome& out) {
        if (out.kind == Outcome::ok) {
            if (!write_line(out.text)) {
                progress.clear();
                print_error("cannot write to standard output");
                status = exit_failure;
                return false;
            }
        } else {
            progress.clear();
            print_error(out.text);
            status = exit_failure;
        }
        progress.advance(out.bytes);
        return true;
    };
    if (cmd.jobs <= 1 || cmd.files.size() <= 1) {
        std::string buf;  // reused: memory stays bounded by the largest file
        for (const std::string& path : cmd.files)
            if (!emit(process_file(path, base, buf))) return exit_failure;
    } else {
        process_parallel(cmd.files, base, cmd.jobs, emit);
        if (status == exit_failure && std::ferror(stdout)) return exit_failure;
    }
    progress.finish();
    return status;
}

// reportage query [--published D] [--pretty] FILE|- QUERY
int run_query(int argc, char** argv) {
    std::optional<std::string> published;
    bool pretty = false;
    bool options_done = false;
    std::vector<std::string> operands;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
            operands.push_back(arg);
        } else if (arg == "--") {
            options_done = true;
        } else if (arg == "--help" || arg == "-h") {
            print_usage(stdout);
            return exit_ok;
        } else if (arg == "--pretty") {
            pretty = true;
        } else if (arg == "--published" || arg.rfind("--published=", 0) == 0) {
            if (arg != "--published") {
                published = arg.substr(std::string("--published=").size());
            } else {
                if (i + 1 >= argc) throw UsageError{"option --published needs a value"};
                published = argv[++i];
            }
        } else {
            throw UsageError{"unknown option " + arg};
        }
    }
    if (operands.size() != 2) throw UsageError{"query needs a FILE (or -) and a QUERY"};
    const reportage::Query query(operands[1]);  // a malformed query fails before any reading

    reportage::ParseOptions options;
    options.published = published;
    reportage::validate(options);
    const std::string& path = operands[0];
    std::string buf;
    const std::string error = read_input(path, buf);
    if (!error.empty()) {
        print_error("cannot read " + (path == "-" ? std::string("standard input") : path) + ": " + error);
        return exit_failure;
    }
    if (path != "-") options.name = valid_utf8(path);
    const auto result = query.run(reportage::parse(buf, options));
    if (!write_line(result.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace))) {
        print_error("cannot write to standard output");
        return exit_failure;
    }
    return exit_ok;
}

int run(int argc, char** argv) {
    if (argc < 2) throw UsageError{"missing command"};
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        print_usage(stdout);
        return exit_ok;
    }
    if (command == "--version" || command == "version") {
        std::printf("reportage %s\n", reportage::version());
        return exit_ok;
    }
    if (command == "query") return run_query(argc, argv);
    if (command != "parse") throw UsageError{"unknown command " + command};

    const ParseCommand cmd = parse_arguments(argc, argv);
    if (cmd.help) {
        print_usage(stdout);
        return exit_ok;
    }

    reportage::ParseOptions options;
    options.published = cmd.published;
    try {
        reportage::validate(options);
    } catch (const reportage::Error& e) {
        print_error(e.what());
        return exit_usage;
    }
    return cmd.jsonl ? run_jsonl(cmd, options) : run_single(cmd, options);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const UsageError& e) {
        print_error(e.message);
        std::fputs("Try 'reportage --help' for more information.\n", stderr);
        return exit_usage;
    } catch (const reportage::Error& e) {
        print_error(e.what());
        return exit_usage;
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return exit_failure;
    } catch (const std::exception& e) {
        print_error(std::string("error: ") + e.what());
        return exit_failure;
    } catch (...) {
        print_error("unknown error");
        return exit_failure;
    }
}
