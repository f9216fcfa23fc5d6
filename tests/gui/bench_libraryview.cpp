// bench_libraryview: the Library view on a library of POEMS poems (default 10,000), offscreen,
// the window's event loop watched by a 1 ms timer (its lateness is the stall). Prints:
//  1. start-up: open() and the view shown until its table holds every poem (budget 300 ms),
//     and the longest stall of the GUI thread meanwhile;
//  2. search as you type: from a keystroke to its rows (target 50 ms), for words of one to
//     three characters in Korean, Japanese and English, and the longest stall;
//  3. 1,000 downloads recorded while the view is shown: the longest stall while the library
//     writes them and the table follows.
// A benchmark, not a test: it prints numbers. Usage: bench_libraryview [POEMS]

#include "../library/librarytestsupport.h"
#include "librarymodel.h"
#include "libraryview.h"
#include "poemlibrary.h"
#include "stallprobe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Spins the event loop until the model holds the result of its current text.
bool waitUpToDate(LibraryModel *model, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!model->isUpToDate() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return model->isUpToDate();
}

void commit(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int poems = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10000;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString fileName = dir.filePath(u"library.sqlite"_s);
    {
        PoemLibrary library;
        library.open(fileName);
        for (int i = 0; i < poems; ++i)
            library.record(LibraryTest::record(LibraryTest::benchPoem(i)));
        library.close(std::chrono::seconds(600));
    }
    StallProbe probe;
    for (int round = 0; round < 3; ++round) {
        probe.reset();
        QElapsedTimer timer;
        timer.start();
        PoemLibrary library;
        library.open(fileName);
        const double opened = double(timer.nsecsElapsed()) / 1e6;
        LibraryView view(&library);
        view.resize(900, 700);
        view.show();
        if (!waitUpToDate(view.model()))
            return 1;
        std::printf("start-up: open %.1f ms, table of %d poems filled after %.1f ms (budget 300 "
                    "ms); longest stall %.1f ms\n",
                    opened, view.model()->rowCount(), double(timer.nsecsElapsed()) / 1e6,
                    probe.max());
    }

    PoemLibrary library;
    library.open(fileName);
    LibraryView view(&library);
    view.resize(900, 700);
    view.show();
    waitUpToDate(view.model());
    for (const QString &word :
         {u"눈"_s, u"駅"_s, u"바람"_s, u"東京駅"_s, u"첫눈이"_s, u"雨"_s, u"the rain"_s, u""_s}) {
        view.searchField()->clear();
        waitUpToDate(view.model());
        probe.reset();
        QElapsedTimer timer;
        timer.start();
        // Typed: each character is a keystroke and a search of its own.
        double lastKeystroke = 0;
        for (const QChar c : word) {
            lastKeystroke = double(timer.nsecsElapsed()) / 1e6;
            commit(view.searchField(), QString(c));
        }
        if (word.isEmpty())
            view.searchField()->setText(u" "_s);
        waitUpToDate(view.model());
        std::printf("search: %-12s %5d rows %6.1f ms after the last keystroke (target 50 ms); "
                    "longest stall %.1f ms\n",
                    qPrintable(u'"' + word + u'"'), view.model()->rowCount(),
                    double(timer.nsecsElapsed()) / 1e6 - lastKeystroke, probe.max());
    }

    view.searchField()->clear();
    waitUpToDate(view.model());
    probe.reset();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 1000; ++i)
        library.record(LibraryTest::record(LibraryTest::benchPoem(poems + i)));
    // Not flush(): it would wait on this thread. The loop runs while the library writes.
    while (library.pendingCount() > 0 && timer.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QTest::qWait(500); // the table follows the last batch
    waitUpToDate(view.model());
    std::printf("record: 1000 new poems while shown: %d rows after %.1f ms; longest stall %.1f "
                "ms\n",
                view.model()->rowCount(), double(timer.nsecsElapsed()) / 1e6, probe.max());
    return 0;
}
