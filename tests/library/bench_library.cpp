// What the poem library costs (docs/library.md, "Measured"): prints numbers, never fails on them.
//
//   bench_library [POEMS]      (default 10000; CTest runs it with 200 as a smoke test)
//
//  1. 1,000 real downloads (a poetry server on a thread of its own, 1,000 fetches at once)
//     recorded as each finishes: the time the caller's thread spends in record(), p50/p99/max,
//     and how long until everything is in the file;
//  2. a library of POEMS distinct poems (Korean, Japanese and English lines) built and closed;
//  3. opening it, as the window's start-up would (the check of every page included);
//  4. searches on it, through the library's thread: one and two characters (the scan), three and
//     more (the trigram index), no match, and the whole list; at most 500 found, then as the
//     Library view asks (the newest 1,000 matches);
//  5. what the Library view asks for at start-up: the list of every poem (LibraryModel asks for
//     up to 50,000), right after open(), and open() with it.

#include "librarytestsupport.h"
#include "poemjob.h"
#include "poemlibrary.h"
#include "poetryfetcher.h"
#include "serverthread.h"
#include "testservers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p * double(values.size())));
    return double(values[index]);
}

void measureRecording(const QString &fileName, int downloads)
{
    ServerThread servers(TestServers::options(LibraryTest::benchPoem(1)), 4);
    servers.start();
    const QList<Address> addresses = servers.waitForAddresses();
    PoemLibrary library;
    library.open(fileName);
    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(downloads);
    std::vector<qint64> blocked;
    blocked.reserve(size_t(downloads));
    int finished = 0;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < downloads; ++i) {
        PoemJob *job = fetcher.fetch(addresses[i % addresses.size()]);
        QObject::connect(job, &PoemJob::finished, &library, [&](PoemJob *done) {
            QElapsedTimer timer;
            timer.start();
            library.record(*done, u"Bench"_s);
            blocked.push_back(timer.nsecsElapsed());
            ++finished;
        });
    }
    while (finished < downloads)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const qint64 fetched = wall.elapsed();
    library.flush(std::chrono::seconds(60));
    const qint64 stored = wall.elapsed();
    std::printf("record: %d downloads finished in %lld ms, all in the file after %lld ms\n",
                downloads, qint64(fetched), qint64(stored));
    std::printf("record: caller blocked per record(): p50 %.1f us, p99 %.1f us, max %.1f us\n",
                percentile(blocked, 0.5) / 1000, percentile(blocked, 0.99) / 1000,
                percentile(blocked, 1.0) / 1000);
}

void buildLibrary(const QString &fileName, int poems)
{
    QElapsedTimer timer;
    timer.start();
    PoemLibrary library;
    library.open(fileName);
    std::vector<qint64> blocked;
    for (int i = 0; i < poems; ++i) {
        LibraryRecord record = LibraryTest::record(LibraryTest::benchPoem(i),
                                                   u"127.0.0.1:%1"_s.arg(10000 + i % 50));
        QElapsedTimer one;
        one.start();
        library.record(std::move(record));
        blocked.push_back(one.nsecsElapsed());
    }
    library.close(std::chrono::seconds(600));
    std::printf("build: %d poems recorded and written in %lld ms (record() p99 %.1f us); "
                "file %.1f MiB\n",
                poems, qint64(timer.elapsed()), percentile(blocked, 0.99) / 1000,
                double(QFileInfo(fileName).size()) / 1048576.0);
}

void measureOpen(const QString &fileName)
{
    std::vector<qint64> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(fileName);
        times.push_back(timer.nsecsElapsed());
        if (opened.problem != PoemLibrary::Problem::None)
            std::printf("open: problem %s\n", qPrintable(opened.message()));
    }
    std::printf("open: %.1f ms median, %.1f ms max (budget 300 ms for start-up)\n",
                percentile(times, 0.5) / 1e6, percentile(times, 1.0) / 1e6);
}

void measureSearch(const QString &fileName, int limit)
{
    PoemLibrary library;
    library.open(fileName);
    std::printf("search: %lld poems, trigram index: %s\n",
                qint64(LibraryTest::result(library.poemCount())),
                library.hasTrigramIndex() ? "yes" : "no");
    for (const QString &text :
         {u"눈"_s, u"駅"_s, u"바람"_s, u"東京駅"_s, u"첫눈이"_s, u"the rain"_s, u"silence stone"_s,
          u"雨"_s, u"zq"_s, u"zzzqqq"_s, u""_s}) {
        std::vector<qint64> times;
        qsizetype found = 0;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            found = LibraryTest::result(library.search(text, limit)).size();
            times.push_back(timer.nsecsElapsed());
        }
        std::printf("search: %-16s %5lld found (limit %d): %6.1f ms median, %6.1f ms max "
                    "(target 50 ms)\n",
                    qPrintable(u'"' + text + u'"'), qint64(found), limit,
                    percentile(times, 0.5) / 1e6, percentile(times, 1.0) / 1e6);
    }
}

void measureList(const QString &fileName)
{
    std::vector<qint64> listTimes;
    std::vector<qint64> totalTimes;
    qsizetype found = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        PoemLibrary library;
        library.open(fileName);
        QElapsedTimer list;
        list.start();
        found = LibraryTest::result(library.search({}, 50000)).size();
        listTimes.push_back(list.nsecsElapsed());
        totalTimes.push_back(timer.nsecsElapsed());
    }
    std::printf("list: every poem (%lld) after open: %.1f ms median, %.1f ms max; open and list "
                "%.1f ms median, %.1f ms max (off the window's thread; budget 300 ms)\n",
                qint64(found), percentile(listTimes, 0.5) / 1e6, percentile(listTimes, 1.0) / 1e6,
                percentile(totalTimes, 0.5) / 1e6, percentile(totalTimes, 1.0) / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const int poems = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10000;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    measureRecording(dir.filePath(u"recorded.sqlite"_s), std::min(1000, poems));
    const QString fileName = dir.filePath(u"library.sqlite"_s);
    buildLibrary(fileName, poems);
    measureOpen(fileName);
    measureSearch(fileName, 500);
    // As the Library view searches: the newest 1,000 matches (LibraryModel::maxSearchRows).
    measureSearch(fileName, 1000);
    measureList(fileName);
    return 0;
}
