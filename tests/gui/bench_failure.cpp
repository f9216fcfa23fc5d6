// bench_failure: what a 64 MiB PoemTooLarge failure costs the window. An endless server (on a
// thread of its own) runs into the default 64 MiB cap; the benchmark measures the process's
// resident memory before the fetch, once the failure has arrived, and once it is selected and
// shown in the failure pane, and the longest event-loop stall while it is selected. Target
// (issue 10): the growth stays within 3 x the poem's bytes. A benchmark: it prints numbers.
//
// Usage: bench_failure [MIB]   (default 64)

#include "downloadmodel.h"
#include "downloadspanel.h"
#include "failurepane.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "serverthread.h"
#include "testpoems.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStackedWidget>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// "VmRSS" or "VmHWM" from /proc/self/status, in MiB.
double statusMiB(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    const qint64 mib = arguments.size() > 1 ? arguments.at(1).toLongLong() : 64;
    if (mib <= 0 || mib > 4096) {
        std::fprintf(stderr, "usage: bench_failure [MIB]\n");
        return 2;
    }
    const auto settingsDir = GuiTest::isolateSettings();
    {
        QSettings settings;
        settings.setValue(u"fetch/maxPoemSize"_s, mib * 1024 * 1024);
    }

    PoetryServer::Options options;
    options.poem = TestPoems::utf8Poem(1024 * 1024);
    options.fault = PoetryServer::Fault::Endless;
    ServerThread serverThread(options, 1);
    serverThread.start();
    const QList<Address> addresses = serverThread.waitForAddresses();
    if (addresses.size() != 1) {
        std::fprintf(stderr, "bench_failure: could not start the server\n");
        return 1;
    }

    MainWindow window;
    window.resize(1180, 760);
    window.show();
    QTest::qWait(200);
    const double before = statusMiB("VmRSS");
    window.addAndFetch({addresses.first().toString()});
    DownloadModel *downloads = window.downloadModel();
    const int row = downloads->rowCount() - 1;
    QElapsedTimer fetching;
    fetching.start();
    if (!QTest::qWaitFor([&] { return downloads->download(row).job->isFinished(); }, 120'000)) {
        std::fprintf(stderr, "bench_failure: the download did not end\n");
        return 1;
    }
    const qint64 fetchMs = fetching.elapsed();
    const Download &download = downloads->download(row);
    const QString kind = download.failure() ? download.failure()->typeName() : u"poem"_s;
    const double arrived = statusMiB("VmRSS");

    // Select it, as a user clicks the row, and watch how long the event loop is held.
    QElapsedTimer showing;
    showing.start();
    window.downloadsPanel()->showRow(row);
    QApplication::processEvents();
    const qint64 showMs = showing.elapsed();
    QTest::qWait(500);
    const bool shown = window.downloadsPanel()->details()->currentWidget()
            == window.downloadsPanel()->failurePane();
    const double selected = statusMiB("VmRSS");
    const double peak = statusMiB("VmHWM");

    const double poemMiB = double(download.bytesReceived()) / (1024.0 * 1024.0);
    const double growth = std::max(selected, peak) - before;
    std::printf("bench_failure: %s of %.1f MiB in %lld ms, %s\n", qPrintable(kind), poemMiB,
                fetchMs, shown ? "shown in the failure pane" : "NOT shown");
    std::printf("  resident: %.0f MiB before, %.0f MiB when it ended, %.0f MiB selected, "
                "peak %.0f MiB\n",
                before, arrived, selected, peak);
    std::printf("  selecting it held the event loop %lld ms\n", showMs);
    std::printf("  growth %.0f MiB = %.2f x the poem; target <= 3 x: %s\n", growth,
                growth / poemMiB, growth <= 3 * poemMiB ? "met" : "MISS");
    return 0;
}
