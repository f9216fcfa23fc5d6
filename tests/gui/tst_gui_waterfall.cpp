// The waterfall delegate: bars where the shared axis puts them, painted in the phases' colours,
// the phase under the pointer named in a tooltip, and a real model's rows drawn on one axis.

#include "downloadmodel.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "testpoems.h"
#include "testservers.h"
#include "waterfallaxis.h"
#include "waterfalldelegate.h"

#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using PhaseTimeline::Phase;
using PhaseTimeline::Span;

namespace {

class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

class TestWaterfall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsOnTheSharedAxis();
    void paintsThePhasesColours();
    void toolTipNamesThePhase();
    void realRowsShareOneAxis();

private:
    // 100 ms on the axis; the row starts 20 ms in: queued 10, connecting 20, waiting 30, then
    // receiving 20 ms and still running.
    static WaterfallRow sampleRow();
    static void fillAxis(WaterfallAxis &axis);
};

WaterfallRow TestWaterfall::sampleRow()
{
    return {20ms,
            {{Phase::Queued, 0ms, 10ms, false},
             {Phase::Connecting, 10ms, 20ms, false},
             {Phase::Waiting, 30ms, 30ms, false},
             {Phase::Receiving, 60ms, 20ms, true}}};
}

void TestWaterfall::fillAxis(WaterfallAxis &axis)
{
    const auto origin = WaterfallAxis::Clock::now();
    axis.include(origin, origin + 100ms);
}

void TestWaterfall::barsOnTheSharedAxis()
{
    WaterfallAxis axis;
    fillAxis(axis);
    WaterfallDelegate delegate(&axis);
    const QRect cell(0, 0, 106, 20); // 100 pixels between the paddings: 1 px per ms
    const WaterfallRow row = sampleRow();
    QCOMPARE(delegate.barRect(cell, row, row.spans.at(0)).left(), 23.0);
    QCOMPARE(delegate.barRect(cell, row, row.spans.at(0)).width(), 10.0);
    QCOMPARE(delegate.barRect(cell, row, row.spans.at(3)).left(), 83.0);
    QCOMPARE(delegate.barRect(cell, row, row.spans.at(3)).right(), 103.0);
    QCOMPARE(delegate.spanAt(cell, row, {40, 10})->phase, Phase::Connecting);
    QCOMPARE(delegate.spanAt(cell, row, {70, 10})->phase, Phase::Waiting);
    QVERIFY(!delegate.spanAt(cell, row, {10, 10})); // before the row began
    // A wider axis (another row ran longer) makes the same row narrower: nothing else changes.
    axis.include(axis.origin(), axis.origin() + 200ms);
    QCOMPARE(delegate.barRect(cell, row, row.spans.at(3)).left(), 43.0);
}

void TestWaterfall::paintsThePhasesColours()
{
    for (const bool dark : {false, true}) {
        WaterfallAxis axis;
        fillAxis(axis);
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), QVariant::fromValue(sampleRow()),
                      DownloadModel::WaterfallRole);
        QTreeView view;
        QPalette palette = view.palette();
        palette.setColor(QPalette::Base, dark ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
        palette.setColor(QPalette::Text, dark ? QColor(Qt::white) : QColor(Qt::black));
        view.setPalette(palette);
        view.setModel(&model);
        WaterfallDelegate delegate(&axis);
        QImage image(106, 20, QImage::Format_ARGB32);
        image.fill(palette.color(QPalette::Base));
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.initFrom(view.viewport());
        option.rect = image.rect();
        option.palette = palette;
        option.widget = view.viewport();
        delegate.paint(&painter, option, model.index(0, 0));
        painter.end();
        const auto pixel = [&](int x) {
            return image.pixelColor(x, 10).rgb();
        };
        QCOMPARE(pixel(28), PhaseTimeline::color(Phase::Queued, palette).rgb());
        QCOMPARE(pixel(43), PhaseTimeline::color(Phase::Connecting, palette).rgb());
        QCOMPARE(pixel(68), PhaseTimeline::color(Phase::Waiting, palette).rgb());
        QCOMPARE(pixel(93), PhaseTimeline::color(Phase::Receiving, palette).rgb());
        QCOMPARE(pixel(10), palette.color(QPalette::Base).rgb()); // nothing before the row began
        for (int phase = 0; phase < PhaseTimeline::phaseCount; ++phase) {
            const double ratio = PhaseTimeline::contrastRatio(
                    PhaseTimeline::color(Phase(phase), palette), palette.color(QPalette::Base));
            QVERIFY2(ratio >= 3.0, qPrintable(u"%1 %2"_s.arg(phase).arg(ratio)));
        }
    }
}

void TestWaterfall::toolTipNamesThePhase()
{
    WaterfallAxis axis;
    fillAxis(axis);
    const Span waiting{Phase::Waiting, 30ms, 30ms, false};
    QCOMPARE(WaterfallDelegate::toolTip(waiting),
             WaterfallDelegate::tr("%1: %2 (at +%3)")
                     .arg(PhaseTimeline::phaseName(Phase::Waiting), PhaseTimeline::time(30ms),
                          PhaseTimeline::time(30ms)));
    QVERIFY(WaterfallDelegate::toolTip(sampleRow().spans.at(3))
                    .contains(WaterfallDelegate::tr("%1 so far").arg(PhaseTimeline::time(20ms))));

    // Through the view's own help event, as hovering does.
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QVariant::fromValue(sampleRow()),
                  DownloadModel::WaterfallRole);
    QTreeView view;
    view.setModel(&model);
    auto *delegate = new WaterfallDelegate(&axis, &view);
    view.setItemDelegate(delegate);
    view.setHeaderHidden(true);
    view.resize(300, 120);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect cell = view.visualRect(model.index(0, 0));
    const QRectF bar = delegate->barRect(cell, sampleRow(), sampleRow().spans.at(2));
    const QPoint point(int(bar.center().x()), cell.center().y());
    QHelpEvent event(QEvent::ToolTip, point, view.viewport()->mapToGlobal(point));
    QCoreApplication::sendEvent(view.viewport(), &event);
    // Read at once: offscreen, nothing keeps a pointer over the bar for the tip to stay.
    QCOMPARE(QToolTip::text(), WaterfallDelegate::toolTip(waiting));
    QToolTip::hideText();

    // The axis grows (another row runs on): the view repaints without a signal of the model.
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    QCoreApplication::processEvents(); // the repaints already asked for go first
    const int before = counter.paints;
    axis.include(axis.origin(), axis.end() + 50ms);
    QTRY_VERIFY(counter.paints > before);
}

void TestWaterfall::realRowsShareOneAxis()
{
    const auto server
            = TestServers::start(TestServers::slowOptions(TestPoems::utf8Poem(600), 100, 20ms));
    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    model.fetch(u"first"_s, server->address(), TestServers::quickOptions());
    QTRY_VERIFY_WITH_TIMEOUT(model.download(0).bytesReceived() > 0, 10000);
    model.fetch(u"second"_s, server->address(), TestServers::quickOptions());
    QTRY_VERIFY_WITH_TIMEOUT(
            model.download(0).job->isFinished() && model.download(1).job->isFinished(), 15000);
    WaterfallDelegate delegate(model.waterfallAxis());
    const QRect cell(0, 0, 206, 20);
    const auto rowOf = [&](int row) {
        return model.index(row, DownloadModel::WaterfallColumn)
                .data(DownloadModel::WaterfallRole)
                .value<WaterfallRow>();
    };
    const WaterfallRow first = rowOf(0);
    const WaterfallRow second = rowOf(1);
    // The first row starts at the axis' left end; the second later; whichever ended last
    // reaches towards the right end (the axis may run a flush past the last end: while a row
    // runs, it ends now).
    QCOMPARE(delegate.barRect(cell, first, first.spans.first()).left(), 3.0);
    QVERIFY(delegate.barRect(cell, second, second.spans.first()).left() > 3.0);
    const double right = std::max(delegate.barRect(cell, first, first.spans.last()).right(),
                                  delegate.barRect(cell, second, second.spans.last()).right());
    QVERIFY2(right <= 203.5 && right > 103.0, qPrintable(QString::number(right)));
    for (int row = 0; row < 2; ++row) {
        const RequestTrace &trace = model.download(row).trace();
        QVERIFY(model.waterfallAxis()->end() >= trace.startTime() + *trace.endTime());
    }
}

QTEST_MAIN(TestWaterfall)
#include "tst_gui_waterfall.moc"
