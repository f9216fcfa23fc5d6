// bench_window: 1,000 concurrent slow downloads into the real window (offscreen unless a
// platform is given), and how long the window's event loop is blocked meanwhile.
//
// A 1 ms precise timer runs on the window's thread; its lateness (the time between two
// timeouts, less 1 ms) is the stall. The servers run on a thread of their own, so that what is
// measured is the window: the fetcher, the models, the views and the poem pane. Prints p50, p99
// and max of the stall, and the CPU the process used. A benchmark, not a test: it prints numbers.
//
// Usage: bench_window [DOWNLOADS] [SECONDS] [--hidden] [--waterfall]
//   (defaults: 1000 downloads, 10 s)
// --hidden keeps the window hidden (models, no painting): what the views themselves cost.
// --waterfall draws the waterfall column (WaterfallDelegate, 300 px wide), as issue 13 asks.

#include "confirmations.h"
#include "downloadmodel.h"
#include "downloadspanel.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "poetryserver.h"
#include "serverthread.h"
#include "testpoems.h"
#include "waterfalldelegate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QMutex>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QThread>
#include <QTreeView>
#include <QWaitCondition>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr int serverCount = 10;

// RUSAGE_SELF: the whole process; RUSAGE_THREAD: the calling thread (the window's, when called
// from the event loop's timers).
double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage usage{};
    ::getrusage(who, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto index
            = size_t(std::clamp(p * double(sorted.size() - 1), 0.0, double(sorted.size() - 1)));
    return sorted[index];
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList arguments = QApplication::arguments();
    const bool hidden = arguments.removeAll(u"--hidden"_s) > 0;
    const bool waterfall = arguments.removeAll(u"--waterfall"_s) > 0;
    const int downloads = arguments.size() > 1 ? arguments.at(1).toInt() : 1000;
    const int seconds = arguments.size() > 2 ? arguments.at(2).toInt() : 10;
    if (downloads <= 0 || seconds <= 0) {
        std::fprintf(stderr,
                     "usage: bench_window [DOWNLOADS] [SECONDS] [--hidden] [--waterfall]\n");
        return 2;
    }

    const auto settingsDir = GuiTest::isolateSettings();
    {
        QSettings settings;
        settings.setValue(u"fetch/maxConnections"_s, downloads); // all at once
        // Quitting with downloads under way asks first: a benchmark has nobody to answer.
        settings.setValue(Confirmations::askBeforeQuittingKey(), false);
    }

    // 10 bytes every 50 ms, and enough of them to last both phases of the measurement.
    PoetryServer::Options options;
    options.poem = TestPoems::utf8Poem(2 * qsizetype(seconds) * 20 * 10 + 2000);
    options.bytesPerChunk = 10;
    options.delay = 50ms;
    ServerThread serverThread(options, serverCount);
    serverThread.start();
    const QList<Address> addresses = serverThread.waitForAddresses();
    if (addresses.size() != serverCount) {
        std::fprintf(stderr, "bench_window: could not start the servers\n");
        return 1;
    }

    MainWindow window;
    window.resize(1280, 800);
    if (waterfall) {
        window.downloadsPanel()->view()->setItemDelegateForColumn(
                DownloadModel::WaterfallColumn,
                new WaterfallDelegate(window.downloadModel()->waterfallAxis(),
                                      window.downloadsPanel()->view()));
        window.downloadsPanel()->view()->header()->resizeSection(DownloadModel::WaterfallColumn,
                                                                 300);
    }
    if (!hidden)
        window.show();
    QStringList list;
    for (const Address &address : addresses)
        list.append(address.toString());
    QElapsedTimer starting;
    starting.start();
    for (int i = 0; i < downloads; ++i)
        window.addAndFetch({list.at(i % serverCount)});
    std::printf("starting %d downloads (rows inserted, requests made): %lld ms\n", downloads,
                starting.elapsed());
    // The reader watches one poem stream in, as a user would.
    window.downloadsPanel()->showRow(downloads / 2);

    std::vector<double> stalls;
    stalls.reserve(size_t(seconds) * 1000);
    QElapsedTimer sinceLast;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    bool measuring = false;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (measuring)
            stalls.push_back(std::max(0.0, double(sinceLast.nsecsElapsed()) / 1e6 - 1.0));
        sinceLast.start();
    });

    // Three phases: 1 s for every connection to come up; then `seconds` of the window's CPU with
    // nothing else running on its thread; then `seconds` of stall measurement. The probe wakes
    // the event loop a thousand times a second, and every wake-up polls all 1,000 sockets, so
    // the CPU is measured without it (and quoted with it too, for comparison).
    struct CpuPhase
    {
        double process = 0;
        double window = 0;
        QElapsedTimer wall;
        void begin()
        {
            process = cpuSeconds();
            window = cpuSeconds(RUSAGE_THREAD);
            wall.start();
        }
        // Percent of one core: the whole process, the window's thread.
        std::pair<double, double> end() const
        {
            const double seconds = double(std::max<qint64>(1, wall.elapsed())) / 1000.0;
            return {100.0 * (cpuSeconds() - process) / seconds,
                    100.0 * (cpuSeconds(RUSAGE_THREAD) - window) / seconds};
        }
    };
    CpuPhase quiet;
    CpuPhase probed;
    std::pair<double, double> quietCpu;
    std::pair<double, double> probedCpu;
    QTimer::singleShot(1000, [&] {
        std::printf("after 1 s: %d receiving or queued, %d done, %d failed\n",
                    window.downloadModel()->activeCount(), window.downloadModel()->doneCount(),
                    window.downloadModel()->failedCount());
        quiet.begin();
    });
    QTimer::singleShot((seconds + 1) * 1000, [&] {
        quietCpu = quiet.end();
        probed.begin();
        probe.start();
        sinceLast.start();
        measuring = true;
    });
    QTimer::singleShot((2 * seconds + 1) * 1000, [&] {
        probedCpu = probed.end();
        measuring = false;
        QCoreApplication::quit();
    });
    app.exec();

    const int active = window.downloadModel()->activeCount();
    const int failed = window.downloadModel()->failedCount();
    std::sort(stalls.begin(), stalls.end());
    std::printf("bench_window: %d concurrent slow downloads (10 bytes / 50 ms each), %d s%s%s\n",
                downloads, seconds, hidden ? ", window hidden" : "",
                waterfall ? ", waterfall drawn" : "");
    std::printf("  still receiving at the end: %d, failed: %d\n", active, failed);
    std::printf("  event-loop stall over %zu samples: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                stalls.size(), percentile(stalls, 0.50), percentile(stalls, 0.99),
                stalls.empty() ? 0.0 : stalls.back());
    std::printf("  CPU (window and servers' thread): %.0f%% of one core\n", quietCpu.first);
    std::printf("  CPU (the window's thread alone): %.0f%% of one core\n", quietCpu.second);
    std::printf("  CPU while the 1 ms stall probe ran: window's thread %.0f%%, process %.0f%%\n",
                probedCpu.second, probedCpu.first);
    std::printf("  targets: p99 <= 16 ms, max <= 50 ms, window's CPU <= 50%% of one core\n");

    window.downloadModel()->cancelAll();
    serverThread.quit();
    serverThread.wait();
    return 0;
}
