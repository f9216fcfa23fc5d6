// bench_filter: the filter bar over a long downloads list (issue 13: "the filter over 10,000 rows
// answers a keystroke in <= 50 ms"). Fills DownloadModel with real downloads from real servers on
// 127.0.0.1 (done, failed and still active ones, so that the model's 10 Hz updates run as in the
// window), shows them sorted in a view under a FilterBar (offscreen unless QT_QPA_PLATFORM says
// otherwise), then types into the bar's field and times each keystroke from the key press to the
// view repainted. A benchmark, not a test: it prints numbers.
//
// Usage: bench_filter [ROWS]   (default 10000)

#include "downloadfiltermodel.h"
#include "downloadmodel.h"
#include "filterbar.h"
#include "poetryfetcher.h"
#include "serverthread.h"
#include "testservers.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Times
{
    std::vector<double> ms;

    double median() const
    {
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0 : sorted[sorted.size() / 2];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
};

// The time from `act` to the view repainted with its result.
double timed(QAbstractItemView *view, const std::function<void()> &act)
{
    QElapsedTimer timer;
    timer.start();
    act();
    QCoreApplication::processEvents(); // the relayout the change posted
    view->viewport()->repaint();
    return double(timer.nsecsElapsed()) / 1e6;
}

void print(const char *what, const Times &times)
{
    std::printf("  %-44s median %6.2f ms, max %6.2f ms over %zu\n", what, times.median(),
                times.max(), times.ms.size());
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 10'000;
    if (rows <= 0) {
        std::fprintf(stderr, "usage: bench_filter [ROWS]\n");
        return 2;
    }

    // Six in ten downloads done, three failed (refused), one still running (a stalling server).
    ServerThread poems(TestServers::options(QByteArray(200, 'p')), 1);
    ServerThread refusing(TestServers::options({}, PoetryServer::Fault::Refuse), 1);
    ServerThread stalling(TestServers::options({}, PoetryServer::Fault::Stall), 1);
    for (ServerThread *thread : {&poems, &refusing, &stalling})
        thread->start();
    const Address poemAddress = poems.waitForAddresses().value(0);
    const Address refusedAddress = refusing.waitForAddresses().value(0);
    const Address stallAddress = stalling.waitForAddresses().value(0);
    if (!poemAddress.isValid() || !refusedAddress.isValid() || !stallAddress.isValid()) {
        std::fprintf(stderr, "bench_filter: the servers did not start\n");
        return 1;
    }

    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(2000);
    DownloadModel downloads(&fetcher);
    FetchOptions options = TestServers::quickOptions();
    options.idleTimeout = std::chrono::milliseconds(0); // the stalled ones stay active
    QElapsedTimer phase;
    phase.start();
    int running = 0;
    for (int i = 0; i < rows; ++i) {
        // Names of two scripts, as server lists have them.
        const QString name
                = (i % 7 == 0 ? u"ポエム詩人-%1"_s : u"server-%1"_s).arg(i, 5, 10, QChar(u'0'));
        const int kind = i % 10;
        const Address &address = kind < 6 ? poemAddress : kind < 9 ? refusedAddress : stallAddress;
        running += kind == 9;
        downloads.fetch(name, address, options);
    }
    const bool settled = QTest::qWaitFor(
            [&] { return downloads.doneCount() + downloads.failedCount() >= rows - running; },
            300'000);
    std::printf("bench_filter: %d rows (%d done, %d failed, %d active), filled in %.1f s%s\n", rows,
                downloads.doneCount(), downloads.failedCount(), downloads.activeCount(),
                double(phase.elapsed()) / 1000.0, settled ? "" : " (NOT all settled)");

    DownloadFilterModel filter;
    filter.setSourceModel(&downloads);
    QWidget window;
    auto *bar = new FilterBar(&filter, &window);
    auto *view = new QTreeView(&window);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setModel(&filter);
    view->setSortingEnabled(true);
    view->sortByColumn(DownloadModel::ServerColumn, Qt::AscendingOrder);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(bar);
    layout->addWidget(view);
    window.resize(1000, 700);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "bench_filter: the window was not shown\n");
        return 1;
    }
    QCoreApplication::processEvents();

    QLineEdit *edit = bar->textEdit();
    Times narrowing;
    Times widening;
    const QString typed = u"server-0123"_s;
    for (QChar c : typed)
        narrowing.ms.push_back(timed(view, [&] { QTest::keyClick(edit, c.toLatin1()); }));
    const int shownAtEnd = filter.shownCount();
    for (qsizetype i = 0; i < typed.size(); ++i)
        widening.ms.push_back(timed(view, [&] { QTest::keyClick(edit, Qt::Key_Backspace); }));
    Times upperCase; // the same again, typed in capitals: the match ignores case
    for (QChar c : u"SERVER-0123"_s)
        upperCase.ms.push_back(timed(view, [&] { QTest::keyClick(edit, c.toLatin1()); }));
    edit->clear();
    QCoreApplication::processEvents();

    Times states;
    for (const auto state :
         {DownloadFilterModel::Failed, DownloadFilterModel::Active, DownloadFilterModel::Done}) {
        states.ms.push_back(timed(view, [&] { bar->stateAction(state)->trigger(); }));
        states.ms.push_back(timed(view, [&] { filter.setStates(DownloadFilterModel::AllStates); }));
    }

    std::printf("  typing \"%s\" (%d of %d rows shown at the end):\n", qPrintable(typed),
                shownAtEnd, rows);
    print("a keystroke narrowing the filter", narrowing);
    print("a backspace widening it", widening);
    print("a keystroke in capitals", upperCase);
    print("a state picked, and all states again", states);
    std::printf("  each keystroke, one by one (ms):");
    for (double ms : narrowing.ms)
        std::printf(" %.1f", ms);
    std::printf("\n");
    const double worst = std::max({narrowing.max(), widening.max(), upperCase.max(), states.max()});
    std::printf("  slowest keystroke or pick: %.2f ms; target <= 50 ms: %s\n", worst,
                worst <= 50 ? "met" : "NOT met");
    return 0;
}
