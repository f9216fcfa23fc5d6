// bench_bytesview: the Bytes tab over poems of several sizes (issue 13). For each size, the view
// (900x700, offscreen) shows the bytes with a chunk mark every 4 KiB for the first 256 chunks, as
// a job's trace keeps them, then scrolls: line by line, page by page, and in jumps across the
// whole poem, painting synchronously after each step. Prints the paint time per step (median,
// p99, max) and the steps over 50 ms. Target: no step over 50 ms, and the same times for
// 64 MiB as for 1 MiB (the view paints only what is visible). A benchmark: it prints numbers.
//
// Usage: bench_bytesview [--steps N] [MIB ...]   (default: 300 steps, 1 64)

#include "bytesview.h"
#include "testpoems.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace std::chrono_literals;

namespace {

struct Result
{
    double median = 0, p99 = 0, max = 0;
    int stalls = 0;
};

Result run(double mib, int steps)
{
    const auto size = qsizetype(mib * 1024 * 1024);
    const QByteArray bytes = TestPoems::mixedScriptText(size);
    QList<BytesView::ChunkMark> chunks;
    for (qint64 offset = 0; offset < size && chunks.size() < 256; offset += 4096)
        chunks.append({offset, std::chrono::milliseconds(chunks.size())});

    BytesView view;
    view.resize(900, 700);
    view.show();
    QCoreApplication::processEvents();
    view.setBytes(bytes, chunks);
    QScrollBar *bar = view.verticalScrollBar();
    std::vector<double> times;
    times.reserve(size_t(steps));
    for (int step = 0; step < steps; ++step) {
        QElapsedTimer timer;
        timer.start();
        switch (step % 3) {
        case 0:
            bar->triggerAction(QScrollBar::SliderSingleStepAdd);
            break;
        case 1:
            bar->triggerAction(QScrollBar::SliderPageStepAdd);
            break;
        default: // a jump: spread over the whole poem
            bar->setValue(int(qint64(bar->maximum()) * (step * 37 % steps) / std::max(1, steps)));
            break;
        }
        view.viewport()->repaint();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    Result result;
    result.median = times[times.size() / 2];
    result.p99 = times[std::min(times.size() - 1, times.size() * 99 / 100)];
    result.max = times.back();
    result.stalls = int(std::count_if(times.begin(), times.end(), [](double t) { return t > 50; }));
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int steps = 300;
    std::vector<double> sizes;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--steps") && i + 1 < args.size())
            steps = std::max(3, args.at(++i).toInt());
        else
            sizes.push_back(args.at(i).toDouble());
    }
    if (sizes.empty())
        sizes = {1, 64};
    std::printf("%10s %8s %12s %12s %12s %10s\n", "size MiB", "steps", "median ms", "p99 ms",
                "max ms", ">50 ms");
    for (const double mib : sizes) {
        const Result result = run(mib, steps);
        std::printf("%10.2f %8d %12.3f %12.3f %12.3f %10d\n", mib, steps, result.median, result.p99,
                    result.max, result.stalls);
        std::fflush(stdout);
    }
    return 0;
}
