// bench_fetch: the benchmark suite of issues 2 and 5, a program that prints numbers (not a
// timed test). See docs/benchmarks.md; scripts/bench.sh builds and runs it.
//
// (a) One big poem (256 MiB by default) from the real poetry-server, fetched by
//     `get-poetry --max-size 0 ADDRESS > /dev/null` and, in the same run and from the same
//     server, by plain_read (a blocking read() loop into a 1 MiB buffer). Runs alternate;
//     the medians give the throughput ratio. Peak RSS of get-poetry comes from wait4().
// (b) Many poems: 100, 1,000 and 10,000 fetches of a 3 KB poem from 10 poetry-server ports,
//     at most 1,000 at once, by one `get-poetry --max-connections 1000` with every address on
//     its command line, by the classic Twisted client (tests/bench/twisted/get_poetry.py) and
//     by epoll_client (plain C++ and epoll): wall time, CPU time and peak RSS.
// (c) Slow servers: 1,000 downloads of a 500-byte poem sent 10 bytes every 50 ms: CPU per byte.
// (d) Memory per live download: RSS with 1,000 connections to a stalling server, less RSS with
//     one, divided by 999.
// (e) The window: runs bench_window (tests/gui) and quotes its stall percentiles and CPU.
// (f) Start-up: poetry-reader from fork() to its window being mapped on the X display
//     ($DISPLAY, e.g. under xvfb-run), polled with `xdotool search --onlyvisible --pid`.
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
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr long long mib = 1024 * 1024;

struct Options
{
    long long sizeMiB = 256;
    std::vector<int> fetches{100, 1000, 10000};
    int maxConnections = 1000;
    int runs = 5;
    int ports = 10;
    int poemBytes = 3000;
    int slow = 1000;         // (c) downloads; 0 skips
    int slowPoemBytes = 500; // (c) poem size
    int stalled = 1000;      // (d) connections; 0 skips
    int windowDownloads = 1000;
    int windowSeconds = 10;
    int startupRuns = 5;
    std::string getPoetry = GET_POETRY_PATH;
    std::string poetryServer = POETRY_SERVER_PATH;
    std::string plainRead = PLAIN_READ_PATH;
    std::string epollClient = EPOLL_CLIENT_PATH;
    std::string twisted;                     // the script; empty: the Twisted client is not run
    std::string python = "/usr/bin/python3"; // Debian's, which has python3-twisted
    std::string benchWindow;                 // empty: (e) is skipped
    std::string poetryReader;                // empty: (f) is skipped
    std::string xdotool = "/usr/bin/xdotool";
    std::string data; // (b)'s medians for the plot, when given
};

[[noreturn]] void usage(const char *message)
{
    std::fprintf(
            stderr,
            "bench_fetch: %s\n"
            "usage: bench_fetch [--size-mib N] [--fetches N[,N...]] [--max-connections N]\n"
            "                   [--runs N] [--ports N] [--poem-bytes N] [--slow N]\n"
            "                   [--slow-bytes N] [--stalled N] [--twisted SCRIPT]\n"
            "                   [--python PATH] [--bench-window PATH] [--window-downloads N]\n"
            "                   [--window-seconds N] [--poetry-reader PATH] [--startup-runs N]\n"
            "                   [--xdotool PATH] [--data FILE] [--get-poetry PATH]\n"
            "                   [--poetry-server PATH] [--plain-read PATH]\n"
            "                   [--epoll-client PATH]\n",
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
        else if (name == "--fetches") {
            options.fetches.clear();
            std::stringstream list(value);
            std::string item;
            while (std::getline(list, item, ',')) {
                char *end = nullptr;
                const long long parsed = std::strtoll(item.c_str(), &end, 10);
                if (item.empty() || *end != '\0' || parsed < 1 || parsed > 100000)
                    usage("--fetches takes whole numbers from 1 to 100000, separated by commas");
                options.fetches.push_back(int(parsed));
            }
            if (options.fetches.empty())
                usage("--fetches needs a number");
        } else if (name == "--max-connections")
            options.maxConnections = int(std::min(number(1), 100000LL));
        else if (name == "--slow")
            options.slow = int(std::min(number(0), 100000LL));
        else if (name == "--slow-bytes")
            options.slowPoemBytes = int(std::min(number(1), 1000000LL));
        else if (name == "--stalled")
            options.stalled = int(std::min(number(0), 100000LL));
        else if (name == "--window-downloads")
            options.windowDownloads = int(std::min(number(1), 100000LL));
        else if (name == "--window-seconds")
            options.windowSeconds = int(std::min(number(1), 3600LL));
        else if (name == "--startup-runs")
            options.startupRuns = int(std::min(number(1), 1000LL));
        else if (name == "--twisted")
            options.twisted = value;
        else if (name == "--python")
            options.python = value;
        else if (name == "--bench-window")
            options.benchWindow = value;
        else if (name == "--poetry-reader")
            options.poetryReader = value;
        else if (name == "--xdotool")
            options.xdotool = value;
        else if (name == "--data")
            options.data = value;
        else if (name == "--epoll-client")
            options.epollClient = value;
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

// fork/exec `argv` with standard output on `target` and `environment` (NAME=VALUE) added.
pid_t spawn(const std::vector<std::string> &argv, int target,
            const std::vector<std::string> &environment = {})
{
    std::vector<char *> args;
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (const std::string &variable : environment)
            ::putenv(const_cast<char *>(variable.c_str()));
        if (target >= 0)
            ::dup2(target, STDOUT_FILENO);
        ::execv(args[0], args.data());
        std::fprintf(stderr, "bench_fetch: cannot run %s: %s\n", args[0], std::strerror(errno));
        ::_exit(127);
    }
    return pid;
}

// fork/exec `argv`, stdout to /dev/null, a pipe (captured) or `path`; wait4() for its rusage.
ChildResult runChild(const std::vector<std::string> &argv, Output output,
                     const std::string &path = {}, const std::vector<std::string> &environment = {})
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

    const auto start = Clock::now();
    const pid_t pid = spawn(argv, target, environment);
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
               std::string *error, const std::vector<std::string> &extraArgs = {})
    {
        int pipeFds[2];
        if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
            *error = std::strerror(errno);
            return false;
        }
        std::vector<std::string> argv{program, "--port", "0"};
        argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
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

// Whether the file at `path` holds `count` poems, the i-th being poems[i % poems.size()], each
// followed by a newline. Read piece by piece: this process must stay small (see above).
bool outputIsPoems(const std::string &path, const std::vector<std::string> &poems, int count)
{
    std::ifstream file(path, std::ios::binary);
    std::string actual;
    for (int i = 0; i < count; ++i) {
        const std::string &poem = poems[size_t(i) % poems.size()];
        actual.resize(poem.size() + 1);
        file.read(actual.data(), std::streamsize(actual.size()));
        if (file.gcount() != std::streamsize(actual.size())
            || actual.compare(0, poem.size(), poem) != 0 || actual.back() != '\n')
            return false;
    }
    return file.peek() == std::ifstream::traits_type::eof();
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
    ~TempDir()
    {
        std::error_code ignored;
        if (!path.empty())
            std::filesystem::remove_all(path, ignored);
    }
    std::string file(const std::string &name) const { return path + "/" + name; }
};

// A child's resident set (VmRSS) in KiB, or -1.
long long rssKiB(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atoll(line.c_str() + 6);
    }
    return -1;
}

// How many of a process's descriptors are sockets.
int socketCount(pid_t pid)
{
    std::error_code error;
    int count = 0;
    const std::string directory = "/proc/" + std::to_string(pid) + "/fd";
    for (const auto &entry : std::filesystem::directory_iterator(directory, error)) {
        std::error_code ignored;
        const auto target = std::filesystem::read_symlink(entry.path(), ignored);
        if (target.native().rfind("socket:", 0) == 0)
            ++count;
    }
    return count;
}

void stop(pid_t pid)
{
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
}

// The number after `key` in `text`, or -1.
double numberAfter(const std::string &text, const std::string &key)
{
    const size_t at = text.find(key);
    return at == std::string::npos ? -1 : std::atof(text.c_str() + at + key.size());
}

// One contender of (b), (c) and (d): how it is started.
struct Contender
{
    std::string name;
    std::vector<std::string> command; // the addresses follow
    enum class Check { Output, ByteCount } check;
};

struct Stats
{
    std::vector<double> wall, cpu, rss;
    bool ok = true;
    double wallMedian() const { return median(wall); }
    double cpuMedian() const { return median(cpu); }
    double rssMax() const { return rss.empty() ? 0 : *std::max_element(rss.begin(), rss.end()); }
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

    // ---- the contenders of (b), (c) and (d) -------------------------------------------------
    const std::string maxConnections = std::to_string(options.maxConnections);
    std::vector<Contender> contenders{
            {"get-poetry",
             {options.getPoetry, "--max-connections", maxConnections},
             Contender::Check::Output},
            {"epoll_client",
             {options.epollClient, "--max-connections", maxConnections},
             Contender::Check::ByteCount},
    };
    if (!options.twisted.empty())
        contenders.insert(contenders.begin() + 1,
                          {"Twisted client",
                           {options.python, options.twisted, "--max-connections", maxConnections},
                           Contender::Check::Output});

    // Runs `contender` on `addresses` once; checks its output (every poem and a newline, in
    // order: the i-th is poems[i % poems.size()]) or its count of bytes.
    auto runContender = [&](const Contender &contender, const std::vector<std::string> &addresses,
                            const std::vector<std::string> &poems, size_t expectedCount,
                            const std::string &outputPath) -> std::optional<ChildResult> {
        std::vector<std::string> args = contender.command;
        args.insert(args.end(), addresses.begin(), addresses.end());
        const bool counts = contender.check == Contender::Check::ByteCount;
        const ChildResult run
                = counts ? runChild(args, Output::Pipe) : runChild(args, Output::File, outputPath);
        const std::string what
                = contender.name + " with " + std::to_string(addresses.size()) + " addresses";
        if (!run.ran || run.exitCode != 0) {
            fail(what + " exited with " + std::to_string(run.exitCode));
            return std::nullopt;
        }
        if (counts ? run.out != std::to_string(expectedCount) + "\n"
                   : !outputIsPoems(outputPath, poems, int(addresses.size()))) {
            fail(what + " got other bytes than the poems");
            return std::nullopt;
        }
        return run;
    };

    // Writes `count` poems of `size` bytes, starts one poetry-server for them.
    auto startServer
            = [&](ServerProcess &server, const std::string &prefix, int count, int size,
                  std::vector<std::string> *poems, const std::vector<std::string> &extraArgs = {}) {
                  std::vector<std::string> paths;
                  for (int i = 0; i < count; ++i) {
                      poems->push_back(smallPoem(i, size));
                      paths.push_back(temp.file(prefix + std::to_string(i) + ".txt"));
                      if (!writeFile(paths.back(), poems->back())) {
                          fail("cannot write " + paths.back());
                          return false;
                      }
                  }
                  std::string error;
                  if (!server.start(options.poetryServer, paths, &error, extraArgs)) {
                      fail(error);
                      return false;
                  }
                  return true;
              };

    // ---- (b) many small poems ---------------------------------------------------------------
    // stats[count index][contender index]
    std::vector<std::vector<Stats>> many(options.fetches.size(),
                                         std::vector<Stats>(contenders.size()));
    {
        ServerProcess server;
        std::vector<std::string> poems;
        if (startServer(server, "small-", options.ports, options.poemBytes, &poems)) {
            for (size_t f = 0; f < options.fetches.size(); ++f) {
                const int fetches = options.fetches[f];
                std::vector<std::string> addresses;
                for (int i = 0; i < fetches; ++i)
                    addresses.push_back(server.addresses()[size_t(i % options.ports)]);
                const size_t expectedCount = size_t(fetches) * size_t(options.poemBytes);
                const std::string outputPath = temp.file("many-output.txt");
                // One warm-up each, then the runs, the contenders taking turns.
                for (int run = 0; run < options.runs + 1; ++run) {
                    for (size_t c = 0; c < contenders.size(); ++c) {
                        Stats &stats = many[f][c];
                        if (!stats.ok)
                            continue;
                        const auto result = runContender(contenders[c], addresses, poems,
                                                         expectedCount, outputPath);
                        if (!result) {
                            stats.ok = false;
                            continue;
                        }
                        if (run > 0) {
                            stats.wall.push_back(result->seconds);
                            stats.cpu.push_back(result->cpuSeconds);
                            stats.rss.push_back(result->maxRssMiB);
                        }
                    }
                }
            }
        }
    }

    // ---- (c) slow servers -------------------------------------------------------------------
    std::vector<Stats> slow(contenders.size());
    const long long slowBytes = static_cast<long long>(options.slow) * options.slowPoemBytes;
    if (options.slow > 0) {
        ServerProcess server;
        std::vector<std::string> poems;
        if (startServer(server, "slow-", options.ports, options.slowPoemBytes, &poems,
                        {"--delay", "0.05", "--num-bytes", "10"})) {
            std::vector<std::string> addresses;
            for (int i = 0; i < options.slow; ++i)
                addresses.push_back(server.addresses()[size_t(i % options.ports)]);
            const int slowRuns = std::max(1, std::min(options.runs, 3));
            for (int run = 0; run < slowRuns; ++run) {
                for (size_t c = 0; c < contenders.size(); ++c) {
                    if (!slow[c].ok)
                        continue;
                    // Every download at once: the slow servers are the bottleneck.
                    Contender all = contenders[c];
                    all.command.back() = std::to_string(std::max(options.slow, 1));
                    const auto result = runContender(all, addresses, poems, size_t(slowBytes),
                                                     temp.file("slow-output.txt"));
                    if (!result) {
                        slow[c].ok = false;
                        continue;
                    }
                    slow[c].wall.push_back(result->seconds);
                    slow[c].cpu.push_back(result->cpuSeconds);
                    slow[c].rss.push_back(result->maxRssMiB);
                }
            }
        }
    }

    // ---- (d) memory per live download -------------------------------------------------------
    // RSS with `count` connections open to a stalling server, once they are all open.
    std::vector<double> perDownloadKiB(contenders.size(), -1);
    if (options.stalled > 1) {
        ServerProcess server;
        std::vector<std::string> poems;
        if (startServer(server, "stall-", options.ports, options.poemBytes, &poems,
                        {"--fault", "stall"})) {
            auto liveRss = [&](const Contender &contender, int count) -> long long {
                std::vector<std::string> args = contender.command;
                args.back() = std::to_string(count);
                for (int i = 0; i < count; ++i)
                    args.push_back(server.addresses()[size_t(i % options.ports)]);
                const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
                const pid_t pid = spawn(args, devNull);
                ::close(devNull);
                if (pid < 0)
                    return -1;
                // Wait for every connection, then for the RSS to settle.
                const auto deadline = Clock::now() + std::chrono::seconds(20);
                while (socketCount(pid) < count && Clock::now() < deadline)
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                long long rss = rssKiB(pid), previous = -1;
                while (rss != previous && Clock::now() < deadline) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    previous = rss;
                    rss = rssKiB(pid);
                }
                const bool allOpen = socketCount(pid) >= count;
                stop(pid);
                if (!allOpen) {
                    fail(contender.name + " did not open " + std::to_string(count)
                         + " connections to the stalling server");
                    return -1;
                }
                return rss;
            };
            for (size_t c = 0; c < contenders.size(); ++c) {
                const long long one = liveRss(contenders[c], 1);
                const long long all = one < 0 ? -1 : liveRss(contenders[c], options.stalled);
                if (all >= 0)
                    perDownloadKiB[c] = double(all - one) / double(options.stalled - 1);
            }
        }
    }

    // ---- (e) the window ---------------------------------------------------------------------
    double windowP50 = -1, windowP99 = -1, windowMax = -1, windowCpu = -1, windowProbedCpu = -1;
    std::string windowOutput;
    if (!options.benchWindow.empty()) {
        const ChildResult run
                = runChild({options.benchWindow, std::to_string(options.windowDownloads),
                            std::to_string(options.windowSeconds)},
                           Output::Pipe, {}, {"QT_QPA_PLATFORM=offscreen"});
        windowOutput = run.out;
        windowP50 = numberAfter(run.out, "p50 ");
        windowP99 = numberAfter(run.out, "p99 ");
        windowMax = numberAfter(run.out, "max ");
        windowCpu = numberAfter(run.out, "thread alone): ");
        windowProbedCpu = numberAfter(run.out, "probe ran: window's thread ");
        if (!run.ran || run.exitCode != 0 || windowP99 < 0)
            fail("bench_window exited with " + std::to_string(run.exitCode));
        if (numberAfter(run.out, "failed: ") != 0)
            fail("bench_window: some downloads failed");
    }

    // ---- (f) start-up -----------------------------------------------------------------------
    std::vector<double> startupTimes;
    if (!options.poetryReader.empty()) {
        if (!std::getenv("DISPLAY")) {
            fail("start-up needs an X display (run under xvfb-run)");
        } else {
            for (int i = 0; i < options.startupRuns + 1; ++i) { // the first is a warm-up
                const std::string config = temp.file("config-" + std::to_string(i));
                std::filesystem::create_directories(config);
                const auto start = Clock::now();
                const pid_t pid = spawn({options.poetryReader}, -1,
                                        {"XDG_CONFIG_HOME=" + config, "QT_QPA_PLATFORM=xcb"});
                bool mapped = false;
                while (!mapped && Clock::now() - start < std::chrono::seconds(20)) {
                    const ChildResult search = runChild({options.xdotool, "search", "--onlyvisible",
                                                         "--pid", std::to_string(pid)},
                                                        Output::DevNull);
                    if (!search.ran || search.exitCode == 127)
                        break;
                    mapped = search.exitCode == 0;
                }
                const double elapsed = seconds(Clock::now() - start);
                ::kill(pid, SIGTERM);
                int status = 0;
                ::waitpid(pid, &status, 0);
                if (!mapped) {
                    fail("poetry-reader's window was not mapped (is xdotool installed?)");
                    break;
                }
                if (i > 0)
                    startupTimes.push_back(elapsed);
            }
        }
    }

    // ---- the tables -------------------------------------------------------------------------
    const double ratio = plainMedian > 0 ? getPoetryMedian / plainMedian : 0;
    // "min–max" of `values` times `scale`, with `decimals` digits after the point.
    auto range = [](const std::vector<double> &values, double scale = 1, int decimals = 0) {
        if (values.empty())
            return std::string("-");
        char text[64];
        std::snprintf(text, sizeof text, "%.*f–%.*f", decimals,
                      *std::min_element(values.begin(), values.end()) * scale, decimals,
                      *std::max_element(values.begin(), values.end()) * scale);
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

    std::printf("(b) many %d-byte poems from %d poetry-server ports, at most %d connections at "
                "once,\n    every address on one command line; %d runs after a warm-up\n",
                options.poemBytes, options.ports, options.maxConnections, options.runs);
    std::printf("    %7s  %-16s %9s %15s %9s %10s\n", "fetches", "client", "wall s", "range s",
                "CPU ms", "peak RSS");
    FILE *data = options.data.empty() ? nullptr : std::fopen(options.data.c_str(), "w");
    if (data) {
        std::fprintf(data, "fetches");
        for (const Contender &contender : contenders)
            std::fprintf(data, " \"%s\"", contender.name.c_str());
        std::fprintf(data, "\n");
    }
    for (size_t f = 0; f < options.fetches.size(); ++f) {
        if (data)
            std::fprintf(data, "%d", options.fetches[f]);
        for (size_t c = 0; c < contenders.size(); ++c) {
            const Stats &stats = many[f][c];
            std::printf("    %7d  %-16s %9.3f %15s %9.0f %6.1f MiB%s\n", options.fetches[f],
                        contenders[c].name.c_str(), stats.wallMedian(),
                        range(stats.wall, 1, 3).c_str(), stats.cpuMedian() * 1000, stats.rssMax(),
                        stats.ok ? "" : "  FAILED");
            if (data)
                std::fprintf(data, " %.6f", stats.ok ? stats.wallMedian() : -1.0);
        }
        if (data)
            std::fprintf(data, "\n");
    }
    if (data)
        std::fclose(data);
    std::printf("\n");

    if (options.slow > 0) {
        std::printf("(c) slow servers: %d downloads at once of a %d-byte poem, 10 bytes every "
                    "50 ms\n    (%lld bytes in all); median of %zu runs\n",
                    options.slow, options.slowPoemBytes, slowBytes,
                    slow.empty() ? size_t(0) : slow.front().wall.size());
        std::printf("    %-16s %9s %9s %12s %10s\n", "client", "wall s", "CPU ms", "CPU ns/byte",
                    "peak RSS");
        for (size_t c = 0; c < contenders.size(); ++c)
            std::printf("    %-16s %9.3f %9.0f %12.0f %6.1f MiB%s\n", contenders[c].name.c_str(),
                        slow[c].wallMedian(), slow[c].cpuMedian() * 1000,
                        slow[c].cpuMedian() * 1e9 / double(std::max(1LL, slowBytes)),
                        slow[c].rssMax(), slow[c].ok ? "" : "  FAILED");
        std::printf("\n");
    }
    if (options.stalled > 1) {
        std::printf("(d) memory per live download: (RSS with %d connections to a stalling server"
                    " - RSS with 1) / %d\n",
                    options.stalled, options.stalled - 1);
        for (size_t c = 0; c < contenders.size(); ++c)
            std::printf("    %-16s %8.1f KiB\n", contenders[c].name.c_str(), perDownloadKiB[c]);
        std::printf("\n");
    }
    if (!options.benchWindow.empty()) {
        std::printf("(e) the window: bench_window %d %d (QT_QPA_PLATFORM=offscreen)\n",
                    options.windowDownloads, options.windowSeconds);
        std::istringstream lines(windowOutput);
        std::string line;
        while (std::getline(lines, line))
            std::printf("    | %s\n", line.c_str());
        std::printf("\n");
    }
    if (!options.poetryReader.empty()) {
        std::printf("(f) start-up: poetry-reader (first start, demo servers) from fork() to its "
                    "window mapped\n    on $DISPLAY (xdotool search --onlyvisible, polled): "
                    "median %.0f ms, runs %s ms\n\n",
                    median(startupTimes) * 1000, range(startupTimes, 1000).c_str());
    }

    auto contenderIndex = [&](const std::string &name) -> std::optional<size_t> {
        for (size_t c = 0; c < contenders.size(); ++c) {
            if (contenders[c].name == name)
                return c;
        }
        return std::nullopt;
    };
    const auto twisted = contenderIndex("Twisted client");
    const auto epoll = contenderIndex("epoll_client");
    const size_t last = options.fetches.size() - 1;
    const int lastCount = options.fetches[last];

    std::printf("%-50s %14s %18s %6s\n", "target", "measured", "target", "result");
    auto row = [](const std::string &label, const std::string &measured, const std::string &target,
                  const char *result) {
        std::printf("%-50s %14s %18s %6s\n", label.c_str(), measured.c_str(), target.c_str(),
                    result);
    };
    auto format = [](const char *pattern, double value) {
        char text[64];
        std::snprintf(text, sizeof text, pattern, value);
        return std::string(text);
    };
    row("(a) get-poetry / plain_read throughput", format("%.2fx", ratio), ">= 0.90x",
        verdict(ratio >= 0.9));
    char rssTargetText[32];
    std::snprintf(rssTargetText, sizeof rssTargetText, "<= %.1f MiB", rssTarget);
    row("(a) get-poetry peak RSS (1.2 x poem + 40 MiB)", format("%.1f MiB", getPoetryRss),
        rssTargetText, verdict(getPoetryRss > 0 && getPoetryRss <= rssTarget));
    const double getPoetryMany = many[last][0].wallMedian();
    if (twisted) {
        const double speedup
                = getPoetryMany > 0 ? many[last][*twisted].wallMedian() / getPoetryMany : 0;
        row("(b) Twisted / get-poetry wall time, " + std::to_string(lastCount) + " fetches",
            format("%.1fx", speedup), ">= 20x", verdict(speedup >= 20));
    }
    if (epoll) {
        const double epollTime = many[last][*epoll].wallMedian();
        const double slowdown = epollTime > 0 ? getPoetryMany / epollTime : 0;
        row("(b) get-poetry / epoll_client wall time, " + std::to_string(lastCount),
            format("%.2fx", slowdown), "<= 1.5x", verdict(slowdown > 0 && slowdown <= 1.5));
    }
    if (options.slow > 0 && twisted) {
        const double share = slow[*twisted].cpuMedian() > 0
                ? slow[0].cpuMedian() / slow[*twisted].cpuMedian()
                : 0;
        row("(c) slow: get-poetry CPU / Twisted CPU", format("%.2fx", share), "(report)",
            share > 0 && share < 1 ? "LESS" : "MORE");
    }
    if (options.stalled > 1)
        row("(d) memory per live download, get-poetry", format("%.1f KiB", perDownloadKiB[0]),
            "<= 32 KiB", verdict(perDownloadKiB[0] >= 0 && perDownloadKiB[0] <= 32));
    if (!options.benchWindow.empty()) {
        row("(e) window: event-loop stall p99", format("%.2f ms", windowP99), "<= 16 ms",
            verdict(windowP99 >= 0 && windowP99 <= 16));
        row("(e) window: event-loop stall max", format("%.2f ms", windowMax), "<= 50 ms",
            verdict(windowMax >= 0 && windowMax <= 50));
        // Measured without the stall probe, whose 1,000 wake-ups a second cost CPU of their own
        // (quoted alongside).
        row("(e) window: CPU of the window's thread",
            format("%.0f%% core", windowCpu) + format(" (%.0f%% probed)", windowProbedCpu),
            "<= 50% core", verdict(windowCpu >= 0 && windowCpu <= 50));
        (void)windowP50;
    }
    if (!options.poetryReader.empty()) {
        const double startupMs = median(startupTimes) * 1000;
        row("(f) start-up to the window mapped", format("%.0f ms", startupMs), "<= 300 ms",
            verdict(startupMs > 0 && startupMs <= 300));
    }
    std::printf("\nbytes verified: %s; bench_fetch's own peak RSS %.1f MiB (a floor for the "
                "children's ru_maxrss)\n",
                failed ? "NO (see the errors above)" : "yes", selfMaxRssMiB());
    return failed ? 1 : 0;
}
