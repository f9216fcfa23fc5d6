// bench_fetch: the benchmark of issue 2, a program that prints numbers (not a timed test).
//
// (a) One big poem (256 MiB by default) from the real poetry-server, fetched by
//     `get-poetry --max-size 0 ADDRESS > /dev/null` and, in the same run and from the same
//     server, by plain_read (a blocking read() loop into a 1 MiB buffer). Runs alternate;
//     the medians give the throughput ratio. Peak RSS of get-poetry comes from wait4().
// (b) 1,000 concurrent fetches of a 3 KB poem from 10 poetry-server ports by one
//     `get-poetry --max-connections 1000` with 1,000 addresses: wall time and peak RSS.
//
// Every byte is checked: plain_read's count, one get-poetry run of (a) to a file compared with
// the poem, and every run of (b) compared with the expected output. A target that is missed is
// reported as MISS; the exit status is non-zero only when something failed to run or a byte
// was wrong.
//
// This program is plain C++ and POSIX on purpose: a child's ru_maxrss starts from the RSS of
// the process that forked it, so the parent must stay small (its own peak is printed).

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr long long mib = 1024 * 1024;

struct Options
{
    long long sizeMiB = 256;
    int fetches = 1000;
    int runs = 5;
    int ports = 10;
    int poemBytes = 3000;
    std::string getPoetry = GET_POETRY_PATH;
    std::string poetryServer = POETRY_SERVER_PATH;
    std::string plainRead = PLAIN_READ_PATH;
};

[[noreturn]] void usage(const char *message)
{
    std::fprintf(stderr,
                 "bench_fetch: %s\n"
                 "usage: bench_fetch [--size-mib N] [--fetches N] [--runs N] [--ports N]\n"
                 "                   [--poem-bytes N] [--get-poetry PATH] [--poetry-server PATH]\n"
                 "                   [--plain-read PATH]\n",
                 message);
    std::exit(2);
}

Options parseOptions(int argc, char *argv[])
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--help" || name == "-h")
            usage("the benchmark of get-poetry against a plain read loop");
        if (i + 1 >= argc)
            usage(("missing value for " + name).c_str());
        const std::string value = argv[++i];
        auto number = [&](long long minimum) {
            char *end = nullptr;
            const long long parsed = std::strtoll(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || parsed < minimum)
                usage((name + " takes a whole number of at least " + std::to_string(minimum))
                              .c_str());
            return parsed;
        };
        if (name == "--size-mib")
            options.sizeMiB = number(1);
        else if (name == "--fetches")
            options.fetches = int(std::min(number(1), 100000LL));
        else if (name == "--runs")
            options.runs = int(std::min(number(1), 1000LL));
        else if (name == "--ports")
            options.ports = int(std::min(number(1), 1000LL));
        else if (name == "--poem-bytes")
            options.poemBytes = int(std::min(number(1), 100LL * mib));
        else if (name == "--get-poetry")
            options.getPoetry = value;
        else if (name == "--poetry-server")
            options.poetryServer = value;
        else if (name == "--plain-read")
            options.plainRead = value;
        else
            usage(("unknown option " + name).c_str());
    }
    return options;
}

double seconds(Clock::duration span)
{
    return std::chrono::duration<double>(span).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// ---- children ----------------------------------------------------------------------------

struct ChildResult
{
    bool ran = false;
    int exitCode = -1;
    double seconds = 0;
    double maxRssMiB = 0;
    double cpuSeconds = 0; // user + system
    std::string out;       // when captured through a pipe
};

enum class Output { DevNull, Pipe, File };

// fork/exec `argv`, stdout to /dev/null, a pipe (captured) or `path`; wait4() for its rusage.
ChildResult runChild(const std::vector<std::string> &argv, Output output,
                     const std::string &path = {})
{
    ChildResult result;
    int pipeFds[2] = {-1, -1};
    if (output == Output::Pipe && ::pipe2(pipeFds, O_CLOEXEC) != 0)
        return result;
    int target = -1;
    if (output == Output::DevNull)
        target = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    else if (output == Output::File)
        target = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    else
        target = pipeFds[1];
    if (target < 0)
        return result;

    std::vector<char *> args;
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);

    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(target, STDOUT_FILENO);
        ::execv(args[0], args.data());
        std::fprintf(stderr, "bench_fetch: cannot run %s: %s\n", args[0], std::strerror(errno));
        ::_exit(127);
    }
    ::close(target);
    if (pid < 0)
        return result;
    if (output == Output::Pipe) {
        char buffer[4096];
        for (;;) {
            const ssize_t count = ::read(pipeFds[0], buffer, sizeof buffer);
            if (count > 0)
                result.out.append(buffer, size_t(count));
            else if (count == 0 || errno != EINTR)
                break;
        }
        ::close(pipeFds[0]);
    }
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR)
            return result;
    }
    result.seconds = seconds(Clock::now() - start);
    result.maxRssMiB = double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    auto toSeconds = [](const timeval &time) {
        return double(time.tv_sec) + double(time.tv_usec) / 1e6;
    };
    result.cpuSeconds = toSeconds(usage.ru_utime) + toSeconds(usage.ru_stime);
    result.ran = true;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

// The real poetry-server, with the addresses from its "Serving FILE on HOST:PORT." lines;
// stopped when this object goes away.
class ServerProcess
{
public:
    ServerProcess() = default;
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    ~ServerProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        if (m_stdout >= 0)
            ::close(m_stdout);
    }

    bool start(const std::string &program, const std::vector<std::string> &files,
               std::string *error)
    {
        int pipeFds[2];
        if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
            *error = std::strerror(errno);
            return false;
        }
        std::vector<std::string> argv{program, "--port", "0"};
        argv.insert(argv.end(), files.begin(), files.end());
        std::vector<char *> args;
        for (const std::string &arg : argv)
            args.push_back(const_cast<char *>(arg.c_str()));
        args.push_back(nullptr);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(pipeFds[1], STDOUT_FILENO);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(pipeFds[1]);
        m_stdout = pipeFds[0];
        if (m_pid < 0) {
            *error = std::strerror(errno);
            return false;
        }

        std::string pending;
        const auto deadline = Clock::now() + std::chrono::seconds(30);
        while (m_addresses.size() < files.size()) {
            const size_t newline = pending.find('\n');
            if (newline != std::string::npos) {
                const std::string line = pending.substr(0, newline);
                pending.erase(0, newline + 1);
                const size_t on = line.rfind(" on ");
                if (line.rfind("Serving ", 0) != 0 || on == std::string::npos
                    || line.back() != '.') {
                    *error = "unexpected line from poetry-server: " + line;
                    return false;
                }
                m_addresses.push_back(line.substr(on + 4, line.size() - on - 5));
                continue;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline
                                                                                    - Clock::now());
            pollfd poller{m_stdout, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&poller, 1, int(left.count())) <= 0) {
                *error = "poetry-server printed no \"Serving\" line in time";
                return false;
            }
            char buffer[4096];
            const ssize_t count = ::read(m_stdout, buffer, sizeof buffer);
            if (count <= 0) {
                *error = "poetry-server exited before serving";
                return false;
            }
            pending.append(buffer, size_t(count));
        }
        return true;
    }

    const std::vector<std::string> &addresses() const { return m_addresses; }

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    std::vector<std::string> m_addresses;
};

// ---- poems -------------------------------------------------------------------------------

// One MiB of poem-like UTF-8 text; block `index` of the big poem is this with its number on
// the first line, so that a misplaced block is caught too.
std::string baseBlock()
{
    static const std::string line = "The sea is calm tonight, the tide is full — 바다는 오늘 밤 "
                                    "고요하고, 潮は満ちている.\n";
    std::string block;
    block.reserve(size_t(mib));
    while (block.size() < size_t(mib))
        block += line;
    block.resize(size_t(mib));
    block.back() = '\n';
    return block;
}

void numberBlock(std::string &block, long long index)
{
    char header[32];
    std::snprintf(header, sizeof header, "block %010lld\n", index);
    std::memcpy(block.data(), header, std::strlen(header));
}

bool writeBigPoem(const std::string &path, long long sizeMiB)
{
    std::string block = baseBlock();
    std::ofstream file(path, std::ios::binary);
    for (long long i = 0; i < sizeMiB && file; ++i) {
        numberBlock(block, i);
        file.write(block.data(), std::streamsize(block.size()));
    }
    return bool(file.flush());
}

// The output of get-poetry for the big poem: the poem and one newline.
bool verifyBigPoemOutput(const std::string &path, long long sizeMiB, std::string *error)
{
    std::ifstream file(path, std::ios::binary);
    std::string expected = baseBlock();
    std::string actual(size_t(mib), '\0');
    for (long long i = 0; i < sizeMiB; ++i) {
        numberBlock(expected, i);
        file.read(actual.data(), std::streamsize(actual.size()));
        if (file.gcount() != std::streamsize(actual.size()) || actual != expected) {
            *error = "the output differs from the poem in MiB " + std::to_string(i);
            return false;
        }
    }
    char rest[2];
    file.read(rest, 2);
    if (file.gcount() != 1 || rest[0] != '\n') {
        *error = "the output does not end with exactly one newline after the poem";
        return false;
    }
    return true;
}

std::string smallPoem(int index, int size)
{
    std::string poem = "Poem " + std::to_string(index) + ": ";
    static const std::string words = "a small poem, served many times at once; 작은 시. ";
    while (poem.size() < size_t(size))
        poem += words;
    poem.resize(size_t(size));
    poem.back() = '\n';
    return poem;
}

std::optional<std::string> readFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

bool writeFile(const std::string &path, const std::string &contents)
{
    std::ofstream file(path, std::ios::binary);
    file.write(contents.data(), std::streamsize(contents.size()));
    return bool(file.flush());
}

// ---- the machine -------------------------------------------------------------------------

std::string cpuModel()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            const size_t colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown";
}

std::string kernel()
{
    utsname name{};
    if (::uname(&name) != 0)
        return "unknown";
    return std::string(name.sysname) + " " + name.release + " " + name.machine;
}

double selfMaxRssMiB()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

const char *verdict(bool pass)
{
    return pass ? "PASS" : "MISS";
}

std::string hostOf(const std::string &address)
{
    const size_t colon = address.rfind(':');
    std::string host = address.substr(0, colon);
    if (host.size() > 2 && host.front() == '[')
        host = host.substr(1, host.size() - 2);
    return host;
}

std::string portOf(const std::string &address)
{
    return address.substr(address.rfind(':') + 1);
}

// Removes the temporary directory and what is in it.
struct TempDir
{
    std::string path;
    std::vector<std::string> files;
    ~TempDir()
    {
        for (const std::string &file : files)
            ::unlink(file.c_str());
        if (!path.empty())
            ::rmdir(path.c_str());
    }
    std::string file(const std::string &name)
    {
        files.push_back(path + "/" + name);
        return files.back();
    }
};

} // namespace

int main(int argc, char *argv[])
{
    const Options options = parseOptions(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    // get-poetry keeps two descriptors per connection, poetry-server one: raise the limit
    // to the hard limit for both children.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    ::getrlimit(RLIMIT_NOFILE, &files);

    TempDir temp;
    {
        const char *base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/bench_fetch.XXXXXX";
        if (!::mkdtemp(pattern.data())) {
            std::fprintf(stderr, "bench_fetch: mkdtemp: %s\n", std::strerror(errno));
            return 1;
        }
        temp.path = pattern;
    }

    bool failed = false;
    auto fail = [&failed](const std::string &what) {
        std::fprintf(stderr, "bench_fetch: ERROR: %s\n", what.c_str());
        failed = true;
    };

    std::printf("Poetry Reader benchmark (bench_fetch)\n");
    std::printf("  machine: %ld CPUs, %s; %s; Qt %s\n", ::sysconf(_SC_NPROCESSORS_ONLN),
                cpuModel().c_str(), kernel().c_str(), QT_RUNTIME_VERSION);
    std::printf("  runs: %d (median reported), file descriptor limit %llu\n\n", options.runs,
                static_cast<unsigned long long>(files.rlim_cur));

    // get-poetry's fixed cost: starting a Qt program and exiting.
    std::vector<double> startup;
    for (int i = 0; i < std::max(3, options.runs); ++i) {
        const ChildResult run = runChild({options.getPoetry, "--version"}, Output::DevNull);
        if (!run.ran || run.exitCode != 0) {
            fail("get-poetry --version did not run");
            break;
        }
        startup.push_back(run.seconds);
    }

    // ---- (a) one big poem ---------------------------------------------------------------
    const long long bigSize = options.sizeMiB * mib;
    const double rssTarget = 1.2 * double(options.sizeMiB) + 40;
    double plainMedian = 0, getPoetryMedian = 0, getPoetryRss = 0, plainRss = 0;
    std::vector<double> plainRates, getPoetryRates, getPoetryRssRuns, plainCpu, getPoetryCpu;
    std::string bigAddress;
    {
        ServerProcess server;
        const std::string poemPath = temp.file("big-poem.txt");
        std::string error;
        if (!writeBigPoem(poemPath, options.sizeMiB)) {
            fail("cannot write " + poemPath);
        } else if (!server.start(options.poetryServer, {poemPath}, &error)) {
            fail(error);
        } else {
            bigAddress = server.addresses().front();
            const std::vector<std::string> plainArgs{options.plainRead, hostOf(bigAddress),
                                                     portOf(bigAddress)};
            const std::vector<std::string> getArgs{options.getPoetry, "--max-size", "0",
                                                   bigAddress};

            // Untimed first: every byte of get-poetry's output checked (also a warm-up).
            const std::string outputPath = temp.file("big-output.txt");
            const ChildResult checked = runChild(getArgs, Output::File, outputPath);
            if (!checked.ran || checked.exitCode != 0)
                fail("get-poetry (output check run) exited with "
                     + std::to_string(checked.exitCode));
            else if (!verifyBigPoemOutput(outputPath, options.sizeMiB, &error))
                fail("get-poetry: " + error);
            ::unlink(outputPath.c_str());
            const ChildResult warm = runChild(plainArgs, Output::Pipe);
            if (!warm.ran || warm.exitCode != 0 || warm.out != std::to_string(bigSize) + "\n")
                fail("plain_read (warm-up) got \"" + warm.out + "\" bytes, expected "
                     + std::to_string(bigSize));

            // Timed runs, alternating, so that both see the same machine.
            for (int i = 0; i < options.runs && !failed; ++i) {
                const ChildResult plain = runChild(plainArgs, Output::Pipe);
                if (!plain.ran || plain.exitCode != 0
                    || plain.out != std::to_string(bigSize) + "\n") {
                    fail("plain_read got \"" + plain.out + "\", expected "
                         + std::to_string(bigSize));
                    break;
                }
                plainRates.push_back(double(bigSize) / mib / plain.seconds);
                plainCpu.push_back(plain.cpuSeconds);
                plainRss = std::max(plainRss, plain.maxRssMiB);

                const ChildResult get = runChild(getArgs, Output::DevNull);
                if (!get.ran || get.exitCode != 0) {
                    fail("get-poetry exited with " + std::to_string(get.exitCode));
                    break;
                }
                getPoetryRates.push_back(double(bigSize) / mib / get.seconds);
                getPoetryCpu.push_back(get.cpuSeconds);
                getPoetryRssRuns.push_back(get.maxRssMiB);
            }
            plainMedian = median(plainRates);
            getPoetryMedian = median(getPoetryRates);
            getPoetryRss = getPoetryRssRuns.empty()
                    ? 0
                    : *std::max_element(getPoetryRssRuns.begin(), getPoetryRssRuns.end());
        }
    }

    // ---- (b) many small poems at once -------------------------------------------------------
    std::vector<double> manyTimes, manyRss, manyCpu;
    {
        ServerProcess server;
        std::vector<std::string> poemPaths, poems;
        bool written = true;
        for (int i = 0; i < options.ports; ++i) {
            poems.push_back(smallPoem(i, options.poemBytes));
            poemPaths.push_back(temp.file("small-" + std::to_string(i) + ".txt"));
            written = writeFile(poemPaths.back(), poems.back()) && written;
        }
        std::string error;
        if (!written) {
            fail("cannot write the small poems");
        } else if (!server.start(options.poetryServer, poemPaths, &error)) {
            fail(error);
        } else {
            std::vector<std::string> args{options.getPoetry, "--max-connections",
                                          std::to_string(options.fetches)};
            std::string expected;
            for (int i = 0; i < options.fetches; ++i) {
                const size_t port = size_t(i % options.ports);
                args.push_back(server.addresses()[port]);
                expected += poems[port] + '\n';
            }
            const std::string outputPath = temp.file("many-output.txt");
            for (int i = 0; i < options.runs + 1 && !failed; ++i) { // the first is a warm-up
                const ChildResult run = runChild(args, Output::File, outputPath);
                if (!run.ran || run.exitCode != 0) {
                    fail("get-poetry with " + std::to_string(options.fetches)
                         + " addresses exited with " + std::to_string(run.exitCode));
                    break;
                }
                if (readFile(outputPath) != expected) {
                    fail("get-poetry with " + std::to_string(options.fetches)
                         + " addresses printed other bytes than the poems");
                    break;
                }
                if (i > 0) {
                    manyTimes.push_back(run.seconds);
                    manyRss.push_back(run.maxRssMiB);
                    manyCpu.push_back(run.cpuSeconds);
                }
            }
        }
    }

    // ---- the table --------------------------------------------------------------------------
    const double ratio = plainMedian > 0 ? getPoetryMedian / plainMedian : 0;
    const double manyMedian = median(manyTimes);
    const double manyRssMax
            = manyRss.empty() ? 0 : *std::max_element(manyRss.begin(), manyRss.end());
    auto range = [](const std::vector<double> &values) {
        if (values.empty())
            return std::string("-");
        char text[64];
        std::snprintf(text, sizeof text, "%.0f–%.0f",
                      *std::min_element(values.begin(), values.end()),
                      *std::max_element(values.begin(), values.end()));
        return std::string(text);
    };

    std::printf("(a) one %lld MiB poem from poetry-server at %s\n", options.sizeMiB,
                bigAddress.c_str());
    std::printf("    %-36s %8s %12s %10s %12s\n", "client", "MiB/s", "range MiB/s", "CPU ms",
                "peak RSS");
    std::printf("    %-36s %8.0f %12s %10.0f %8.1f MiB\n", "plain_read (read loop, 1 MiB buffer)",
                plainMedian, range(plainRates).c_str(), median(plainCpu) * 1000, plainRss);
    std::printf("    %-36s %8.0f %12s %10.0f %8.1f MiB\n", "get-poetry --max-size 0 > /dev/null",
                getPoetryMedian, range(getPoetryRates).c_str(), median(getPoetryCpu) * 1000,
                getPoetryRss);
    std::printf("    (MiB/s and CPU ms (user + system of the client) are medians; wall time runs\n"
                "    from fork() to wait4(), process start-up included)\n");
    std::printf("    get-poetry start-up and exit (--version): %.1f ms median\n\n",
                median(startup) * 1000);

    std::printf("(b) %d concurrent fetches of a %d-byte poem from %d poetry-server ports,\n"
                "    one get-poetry --max-connections %d\n",
                options.fetches, options.poemBytes, options.ports, options.fetches);
    std::printf("    wall time %.3f s median (runs:", manyMedian);
    for (double time : manyTimes)
        std::printf(" %.3f", time);
    std::printf("),\n    CPU %.0f ms median, peak RSS %.1f MiB\n\n", median(manyCpu) * 1000,
                manyRssMax);

    std::printf("%-46s %14s %18s %6s\n", "target", "measured", "target", "result");
    std::printf("%-46s %13.2fx %17s %6s\n", "(a) get-poetry / plain_read throughput", ratio,
                ">= 0.90x", verdict(ratio >= 0.9));
    char rssTargetText[32];
    std::snprintf(rssTargetText, sizeof rssTargetText, "<= %.1f MiB", rssTarget);
    std::printf("%-46s %10.1f MiB %18s %6s\n", "(a) get-poetry peak RSS (1.2 x poem + 40 MiB)",
                getPoetryRss, rssTargetText,
                verdict(getPoetryRss > 0 && getPoetryRss <= rssTarget));
    char manyLabel[64];
    std::snprintf(manyLabel, sizeof manyLabel, "(b) %d fetches, wall time", options.fetches);
    std::printf("%-46s %12.3f s %18s %6s\n", manyLabel, manyMedian, "< 2 s",
                verdict(manyMedian > 0 && manyMedian < 2.0));
    std::printf("\nbytes verified: %s; bench_fetch's own peak RSS %.1f MiB (a floor for the "
                "children's ru_maxrss)\n",
                failed ? "NO (see the errors above)" : "yes", selfMaxRssMiB());
    return failed ? 1 : 0;
}
