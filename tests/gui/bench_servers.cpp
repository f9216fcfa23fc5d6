// bench_servers: the window started on a settings file with a very long server list, or with one
// very long server name, as issue 12 found them (100,000 servers: 45 s to the first window; a
// 15 MB name: 11 s busy and 1.1 GB). A benchmark, not a test: it prints numbers.
//
// Usage: bench_servers [SERVERS]        (default 100000)  the time to the first window, and
//                                       to sort the list by a header click
//        bench_servers --long-name MB   one server whose name is MB megabytes
// Run each case in a process of its own: the peak RSS printed is the process's.

#include "guitestsupport.h"
#include "mainwindow.h"
#include "serverlistmodel.h"
#include "serverpanel.h"
#include "settingsfile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QTreeView>

#include <sys/resource.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

double peakRssMiB()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// A settings file as the window writes it, written directly (QSettings would take longer than
// what is measured).
bool writeSettings(const QString &fileName, int servers, qsizetype nameBytes)
{
    QByteArray bytes = "[servers]\n";
    bytes.reserve(nameBytes + qsizetype(servers) * 64 + 64);
    for (int i = 1; i <= servers; ++i) {
        bytes += QByteArray::number(i) + "\\name=";
        if (nameBytes > 0)
            bytes += QByteArray(nameBytes, 'n');
        else
            bytes += "Server " + QByteArray::number(i);
        // Distinct addresses: 10.x.y.z, port 7.
        bytes += '\n' + QByteArray::number(i) + "\\address=10." + QByteArray::number(i >> 16) + '.'
                + QByteArray::number((i >> 8) & 255) + '.' + QByteArray::number(i & 255) + ":7\n";
    }
    bytes += "size=" + QByteArray::number(servers) + '\n';
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    const bool longName = arguments.value(1) == u"--long-name"_s;
    const int number = arguments.size() > (longName ? 2 : 1)
            ? arguments.at(longName ? 2 : 1).toInt()
            : (longName ? 15 : 100'000);
    if (number <= 0) {
        std::fprintf(stderr, "usage: bench_servers [SERVERS] | --long-name MB\n");
        return 2;
    }
    const int servers = longName ? 1 : number;
    const qsizetype nameBytes = longName ? qsizetype(number) * 1000 * 1000 : 0;

    const auto settingsDir = GuiTest::isolateSettings();
    const QString fileName = SettingsFile::defaultFileName();
    QDir().mkpath(QFileInfo(fileName).path());
    if (!writeSettings(fileName, servers, nameBytes)) {
        std::fprintf(stderr, "bench_servers: could not write %s\n", qPrintable(fileName));
        return 1;
    }
    const double rssBefore = peakRssMiB();
    std::printf("bench_servers: %d server(s)%s, settings file %.1f MB, peak RSS before %.0f MiB\n",
                servers, longName ? qPrintable(u", a name of %1 MB"_s.arg(number)) : "",
                double(QFileInfo(fileName).size()) / 1e6, rssBefore);

    // What the window does at start: the check of the file, then the window reads it.
    QElapsedTimer total;
    total.start();
    QElapsedTimer phase;
    phase.start();
    // The check alone, on a copy: it repairs what it finds, and the window must find it too.
    const QString copy = fileName + u".bench"_s;
    QFile::copy(fileName, copy);
    phase.restart();
    const SettingsFile::Result check = SettingsFile::check(copy);
    const qint64 checkMs = phase.restart();
    QFile::remove(copy);
    if (!check.backupFileName.isEmpty())
        QFile::remove(check.backupFileName);
    total.restart();
    phase.restart();
    MainWindow window;
    const qint64 constructMs = phase.restart();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "bench_servers: the window was not shown\n");
        return 1;
    }
    QCoreApplication::processEvents(); // the first paint and what is queued behind it
    const qint64 showMs = phase.restart();
    const qint64 firstWindowMs = total.elapsed();
    std::printf("  start-up check alone, on a copy (the window runs it again): %lld ms (%s)\n",
                checkMs, check.problem == SettingsFile::Problem::None ? "clean" : "repaired");
    std::printf("  window constructed (check, load, views): %lld ms; shown and painted: %lld ms\n",
                constructMs, showMs);
    std::printf("  servers listed: %d; longest name: %lld characters\n",
                window.serverModel()->rowCount(),
                qlonglong(window.serverModel()->rowCount() > 0
                                  ? window.serverModel()->server(0).name.size()
                                  : 0));
    std::printf("  to the first window (constructed, shown, painted): %.2f s; target <= 2 s: %s\n",
                double(constructMs + showMs) / 1000.0,
                constructMs + showMs <= 2000 ? "met" : "NOT met");
    Q_UNUSED(firstWindowMs);

    if (!longName) {
        // A click on the Name header: the whole list sorted.
        QTreeView *view = window.serverPanel()->view();
        phase.restart();
        view->sortByColumn(ServerListModel::NameColumn, Qt::AscendingOrder);
        QCoreApplication::processEvents();
        const qint64 byName = phase.restart();
        view->sortByColumn(ServerListModel::AddressColumn, Qt::DescendingOrder);
        QCoreApplication::processEvents();
        std::printf("  sort by name: %lld ms; by address: %lld ms\n", byName, phase.elapsed());
    }
    std::printf("  peak RSS: %.0f MiB\n", peakRssMiB());
    return 0;
}
