// The Timing tab against real servers: the phases and every connection attempt of a download
// (happy eyeballs over a name pinned to a refusing IPv4 and a slow serving IPv6 address), read
// live while the poem streams, for failures too, and nothing once the job is gone.

#include "bytechart.h"
#include "hostresolver.h"
#include "phasetimeline.h"
#include "poemjob.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "testpoems.h"
#include "testservers.h"
#include "timingview.h"

#include <QPalette>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestTiming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsLiveJobWithAttempts();
    void showsFailure();
    void jobDestroyedShowsNothing();
    void coloursStandOutInLightAndDark();

private:
    static QStringList column(const QTreeWidget *list, int column);
};

QStringList TestTiming::column(const QTreeWidget *list, int column)
{
    QStringList texts;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        texts.append(list->topLevelItem(row)->text(column));
    return texts;
}

void TestTiming::followsLiveJobWithAttempts()
{
    // 127.0.0.1 refuses, [::1] on the same port serves 600 bytes in 30 chunks 40 ms apart.
    const auto refusing = TestServers::start(QByteArray("unused"), PoetryServer::Fault::Refuse);
    PoetryServer server(TestServers::slowOptions(TestPoems::utf8Poem(600), 20, 40ms));
    QVERIFY2(server.listen(QHostAddress::LocalHostIPv6, refusing->serverPort()),
             qPrintable(server.errorString()));
    const QString name = u"timing-view.poetry.test"_s;
    HostResolver::instance().pin(
            name,
            {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)});
    const auto unpin = qScopeGuard([&] { HostResolver::instance().unpin(name); });

    PoetryFetcher fetcher;
    PoemJob *job = fetcher.fetch(Address(name, server.serverPort()), TestServers::quickOptions());
    job->setAutoDelete(false);
    const auto drop = qScopeGuard([job] { delete job; });
    TimingView view;
    view.resize(600, 500);
    view.show();
    view.setJob(job);

    const QString refused = Address(u"127.0.0.1"_s, server.serverPort()).toString();
    const QString served = Address(u"::1"_s, server.serverPort()).toString();
    QTreeWidget *attempts = view.attemptList();
    QTRY_COMPARE_WITH_TIMEOUT(attempts->topLevelItemCount(), 2, 10000);
    QCOMPARE(column(attempts, TimingView::AttemptAddressColumn), QStringList({refused, served}));
    QCOMPARE(attempts->topLevelItem(0)->text(TimingView::AttemptOutcomeColumn),
             PhaseTimeline::outcomeName(PhaseTimeline::Attempt::Outcome::Failed));
    QVERIFY(!attempts->topLevelItem(0)->toolTip(TimingView::AttemptOutcomeColumn).isEmpty());

    // Live: the receiving phase shows "so far" and the chart grows while the job runs.
    const QString receiving = PhaseTimeline::phaseName(PhaseTimeline::Phase::Receiving);
    QTRY_VERIFY_WITH_TIMEOUT(
            column(view.phaseList(), TimingView::PhaseNameColumn).contains(receiving), 10000);
    QVERIFY(!job->isFinished());
    QVERIFY(view.phaseList()
                    ->findItems(receiving, Qt::MatchExactly)
                    .first()
                    ->text(TimingView::PhaseLengthColumn)
                    .contains(TimingView::tr("%1 (so far)").arg(QString()).trimmed()));
    const qsizetype pointsSeen = view.chart()->points().size();
    QTRY_VERIFY_WITH_TIMEOUT(view.chart()->points().size() > pointsSeen || job->isFinished(),
                             10000);
    QVERIFY2(!job->isFinished(), "no live update of the chart before the end");
    QVERIFY(view.summary().startsWith(TimingView::tr("Running for %1.").section(u'%', 0, 0)));

    QSignalSpy finished(job, &PoemJob::finished);
    QVERIFY(job->isFinished() || finished.wait(15000));
    QVERIFY(!job->failure());
    using PhaseTimeline::phaseName;
    using Phase = PhaseTimeline::Phase;
    QCOMPARE(column(view.phaseList(), TimingView::PhaseNameColumn),
             QStringList({phaseName(Phase::Queued), phaseName(Phase::Resolving),
                          phaseName(Phase::Connecting), phaseName(Phase::Waiting),
                          phaseName(Phase::Receiving)}));
    // Each phase with a swatch of its waterfall colour.
    QCOMPARE(view.phaseList()->topLevelItem(4)->data(0, Qt::DecorationRole).value<QColor>(),
             PhaseTimeline::color(Phase::Receiving, view.phaseList()->palette()));
    for (const QString &length : column(view.phaseList(), TimingView::PhaseLengthColumn))
        QVERIFY2(!length.contains(u'('), qPrintable(length));
    QCOMPARE(attempts->topLevelItem(1)->text(TimingView::AttemptOutcomeColumn),
             PhaseTimeline::outcomeName(PhaseTimeline::Attempt::Outcome::Connected));
    QVERIFY(!attempts->topLevelItem(1)->text(TimingView::AttemptEndColumn).isEmpty());
    QVERIFY(view.summary().contains(served));
    QCOMPARE(view.chart()->points().last().total, server.servedBytes().size());
    QCOMPARE(view.chart()->points().size(), job->trace().chunks().size());
}

void TestTiming::showsFailure()
{
    const auto refusing = TestServers::start(QByteArray("unused"), PoetryServer::Fault::Refuse);
    PoetryFetcher fetcher;
    PoemJob *job = fetcher.fetch(refusing->address(), TestServers::quickOptions());
    job->setAutoDelete(false);
    const auto drop = qScopeGuard([job] { delete job; });
    TimingView view;
    view.setJob(job);
    QSignalSpy finished(job, &PoemJob::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(job->failure());
    QVERIFY2(view.summary().contains(job->failure()->typeName()), qPrintable(view.summary()));
    const QStringList names = column(view.phaseList(), TimingView::PhaseNameColumn);
    QVERIFY(names.contains(PhaseTimeline::phaseName(PhaseTimeline::Phase::Connecting)));
    QVERIFY(!names.contains(PhaseTimeline::phaseName(PhaseTimeline::Phase::Receiving)));
    QCOMPARE(view.attemptList()->topLevelItemCount(), 1);
    QCOMPARE(view.attemptList()->topLevelItem(0)->text(TimingView::AttemptAddressColumn),
             refusing->address().toString());
    QCOMPARE(view.attemptList()->topLevelItem(0)->text(TimingView::AttemptOutcomeColumn),
             PhaseTimeline::outcomeName(PhaseTimeline::Attempt::Outcome::Failed));
    QVERIFY(view.chart()->points().isEmpty());
}

void TestTiming::jobDestroyedShowsNothing()
{
    const auto server
            = TestServers::start(TestServers::slowOptions(TestPoems::utf8Poem(2000), 10, 50ms));
    PoetryFetcher fetcher;
    PoemJob *job = fetcher.fetch(server->address(), TestServers::quickOptions());
    job->setAutoDelete(false);
    TimingView view;
    view.show();
    view.setJob(job);
    QVERIFY(view.isFollowing());
    QTRY_VERIFY_WITH_TIMEOUT(job->bytesReceived() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!view.chart()->points().isEmpty(), 10000);
    delete job; // ends it without a signal, the view still shows it
    QVERIFY(!view.job());
    QCOMPARE(view.phaseList()->topLevelItemCount(), 0);
    QCOMPARE(view.attemptList()->topLevelItemCount(), 0);
    QVERIFY(view.chart()->points().isEmpty());
    QVERIFY(!view.isFollowing()); // no tick left to read the dead job
}

void TestTiming::coloursStandOutInLightAndDark()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    for (int phase = 0; phase < PhaseTimeline::phaseCount; ++phase) {
        for (const QPalette &palette : {light, dark}) {
            const QColor colour = PhaseTimeline::color(PhaseTimeline::Phase(phase), palette);
            const double ratio
                    = PhaseTimeline::contrastRatio(colour, palette.color(QPalette::Base));
            QVERIFY2(ratio >= 3.0, qPrintable(u"phase %1: %2"_s.arg(phase).arg(ratio)));
        }
    }
}

QTEST_MAIN(TestTiming)
#include "tst_gui_timing.moc"
