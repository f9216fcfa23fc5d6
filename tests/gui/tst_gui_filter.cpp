// DownloadFilterModel over real downloads from real servers on 127.0.0.1: text, states and
// failure kinds narrow the rows, rows come and go as downloads change, the counts for the status
// bar, the selection kept, the filter remembered. The bar's widgets: tst_gui_filterbar.

#include "downloadfiltermodel.h"
#include "downloadmodel.h"
#include "guitestsupport.h"
#include "poetryfetcher.h"
#include "testpoems.h"
#include "testservers.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 20'000;

QStringList shownServers(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, DownloadModel::ServerColumn).data().toString();
    names.sort();
    return names;
}

// For the stalling server: no idle limit, so that a row stays active however slow the machine.
FetchOptions noIdleLimit()
{
    FetchOptions options = TestServers::quickOptions();
    options.idleTimeout = std::chrono::milliseconds(0);
    return options;
}

} // namespace

class TestFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void textMatchesNameOrAddressIgnoringCase();
    void statesNarrowTheRows();
    void rowsFollowStateChanges();
    void failureKindShowsOnlyThoseFailures();
    void countsAndStatusText();
    void selectionSurvivesAFilterChange();
    void filterIsRememberedBetweenRuns();
    void damagedSettingsFilterNothingAway();

private:
    // Fetches from `address` under `name` and returns the row.
    int fetch(const QString &name, const Address &address, FetchOptions options = {});
    bool waitForFinished(int count);

    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<PoetryServer> m_poems;
    std::unique_ptr<PoetryServer> m_refusing;
    std::unique_ptr<PoetryServer> m_stalling;
    std::unique_ptr<PoetryServer> m_resetting;
    std::unique_ptr<PoetryFetcher> m_fetcher;
    std::unique_ptr<DownloadModel> m_downloads;
    std::unique_ptr<DownloadFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFilter::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
    QVERIFY(Translations::install(u"en"_s)); // English plural forms, as main() installs them
    m_poems = TestServers::start(TestPoems::utf8Poem(2000));
    m_refusing = TestServers::start({}, PoetryServer::Fault::Refuse);
    m_stalling = TestServers::start({}, PoetryServer::Fault::Stall);
    m_resetting
            = TestServers::start(TestPoems::utf8Poem(2000), PoetryServer::Fault::ResetAfter, 100);
}

void TestFilter::init()
{
    m_fetcher = std::make_unique<PoetryFetcher>();
    m_downloads = std::make_unique<DownloadModel>(m_fetcher.get());
    m_filter = std::make_unique<DownloadFilterModel>();
    m_filter->setSourceModel(m_downloads.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestFilter::cleanup()
{
    m_tester.reset();
    m_filter.reset();
    m_downloads.reset();
    m_fetcher.reset();
}

int TestFilter::fetch(const QString &name, const Address &address, FetchOptions options)
{
    if (options == FetchOptions())
        options = TestServers::quickOptions();
    return m_downloads->rowOf(m_downloads->fetch(name, address, options));
}

bool TestFilter::waitForFinished(int count)
{
    return QTest::qWaitFor(
            [&] {
                return m_downloads->doneCount() + m_downloads->failedCount()
                        + m_downloads->cancelledCount()
                        >= count;
            },
            timeoutMs);
}

void TestFilter::textMatchesNameOrAddressIgnoringCase()
{
    fetch(u"Ode Server"_s, m_poems->address());
    fetch(u"ポエム Server"_s, m_poems->address());
    fetch(u"Elsewhere"_s, m_refusing->address());
    QVERIFY(waitForFinished(3));

    m_filter->setText(u"ode"_s);
    QCOMPARE(shownServers(*m_filter), QStringList{u"Ode Server"_s});
    m_filter->setText(u"SERVER"_s);
    QCOMPARE(shownServers(*m_filter), (QStringList{u"Ode Server"_s, u"ポエム Server"_s}));
    m_filter->setText(u"ポエム"_s);
    QCOMPARE(shownServers(*m_filter), QStringList{u"ポエム Server"_s});
    // The address, as the tooltip shows it.
    m_filter->setText(u":"_s + QString::number(m_refusing->address().port()));
    QCOMPARE(shownServers(*m_filter), QStringList{u"Elsewhere"_s});
    m_filter->setText(u"no such server"_s);
    QCOMPARE(m_filter->rowCount(), 0);
    m_filter->setText({});
    QCOMPARE(m_filter->rowCount(), 3);
    QVERIFY(!m_filter->isFiltering());
}

void TestFilter::statesNarrowTheRows()
{
    fetch(u"done"_s, m_poems->address());
    fetch(u"failed"_s, m_refusing->address());
    QVERIFY(waitForFinished(2));
    fetch(u"active"_s, m_stalling->address(), noIdleLimit());
    const int paused = fetch(u"paused"_s, m_stalling->address(), noIdleLimit());
    const int cancelled = fetch(u"cancelled"_s, m_stalling->address(), noIdleLimit());
    QVERIFY(m_downloads->download(paused).job->suspend());
    QVERIFY(m_downloads->cancel(cancelled));
    QVERIFY(waitForFinished(3));

    using F = DownloadFilterModel;
    const std::pair<F::States, QStringList> cases[] = {
            {F::Done, {u"done"_s}},
            {F::Failed, {u"failed"_s}},
            {F::Active, {u"active"_s}},
            {F::Paused, {u"paused"_s}},
            {F::Cancelled, {u"cancelled"_s}},
            {F::Done | F::Failed, {u"done"_s, u"failed"_s}},
            {F::States(), {}},
            {F::AllStates, {u"active"_s, u"cancelled"_s, u"done"_s, u"failed"_s, u"paused"_s}},
    };
    for (const auto &[states, names] : cases) {
        m_filter->setStates(states);
        QCOMPARE(shownServers(*m_filter), names);
    }
    // State and text together.
    m_filter->setStates(F::Done | F::Failed);
    m_filter->setText(u"fail"_s);
    QCOMPARE(shownServers(*m_filter), QStringList{u"failed"_s});
}

void TestFilter::rowsFollowStateChanges()
{
    m_filter->setStates(DownloadFilterModel::Active);
    const int row = fetch(u"stalls"_s, m_stalling->address(), noIdleLimit());
    QCOMPARE(m_filter->rowCount(), 1);

    // Cancelled, it is no longer active: the filter drops it when the model says it changed.
    QVERIFY(m_downloads->cancel(row));
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->rowCount(), 0, timeoutMs);
    m_filter->setStates(DownloadFilterModel::Cancelled);
    QCOMPARE(m_filter->rowCount(), 1);

    // A retry makes it active again: it leaves the cancelled ones.
    QVERIFY(m_downloads->retry(row, noIdleLimit()));
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->rowCount(), 0, timeoutMs);
    m_filter->setStates(DownloadFilterModel::Active);
    QCOMPARE(m_filter->rowCount(), 1);
}

void TestFilter::failureKindShowsOnlyThoseFailures()
{
    FetchOptions small = TestServers::quickOptions();
    small.maxPoemSize = 10;
    fetch(u"poem"_s, m_poems->address());
    fetch(u"refused"_s, m_refusing->address());
    fetch(u"reset"_s, m_resetting->address());
    fetch(u"too large"_s, m_poems->address(), small);
    QVERIFY(waitForFinished(4));

    m_filter->setFailureKind(Failure::Kind::ConnectionLost);
    QCOMPARE(shownServers(*m_filter), QStringList{u"reset"_s});
    m_filter->setFailureKind(Failure::Kind::PoemTooLarge);
    QCOMPARE(shownServers(*m_filter), QStringList{u"too large"_s});
    m_filter->setFailureKind(Failure::Kind::ConnectionRefused);
    QCOMPARE(shownServers(*m_filter), QStringList{u"refused"_s});
    m_filter->setStates(DownloadFilterModel::Done);
    QCOMPARE(m_filter->rowCount(), 0);

    m_filter->clearFilter();
    QCOMPARE(m_filter->rowCount(), 4);
    QVERIFY(!m_filter->failureKind());
}

void TestFilter::countsAndStatusText()
{
    QSignalSpy counts(m_filter.get(), &DownloadFilterModel::countsChanged);
    fetch(u"one"_s, m_poems->address());
    fetch(u"two"_s, m_refusing->address());
    QVERIFY(waitForFinished(2));
    QCOMPARE(m_filter->statusText(), u"2 of 2 shown"_s);

    // Coalesced: two changes in one turn of the event loop, one signal.
    QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty(), timeoutMs);
    counts.clear();
    m_filter->setStates(DownloadFilterModel::Failed);
    m_filter->setText(u"o"_s);
    QVERIFY(counts.isEmpty());
    QVERIFY(counts.wait(timeoutMs));
    QCOMPARE(counts.size(), 1);
    m_filter->setText({});
    QCOMPARE(m_filter->shownCount(), 1);
    QCOMPARE(m_filter->totalCount(), 2);
    QCOMPARE(m_filter->statusText(), u"1 of 2 shown"_s);

    // A new row hidden by the filter changes only the total, and says so.
    QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty(), timeoutMs);
    counts.clear();
    fetch(u"three"_s, m_poems->address());
    QVERIFY(counts.wait(timeoutMs));
    QCOMPARE(m_filter->statusText(), u"1 of 3 shown"_s);

    QVERIFY(Translations::install(u"ko"_s));
    QCOMPARE(m_filter->statusText(), u"3개 중 1개 표시"_s);
    QVERIFY(Translations::install(u"ja"_s));
    QCOMPARE(m_filter->statusText(), u"3件中1件を表示"_s);
    QVERIFY(Translations::install(u"en"_s));

    QVERIFY(waitForFinished(3));
    m_downloads->clearFinished();
    QCOMPARE(m_filter->statusText(), u"0 of 0 shown"_s);
}

void TestFilter::selectionSurvivesAFilterChange()
{
    fetch(u"Ode Server"_s, m_poems->address());
    fetch(u"Elsewhere"_s, m_refusing->address());
    fetch(u"Another Server"_s, m_poems->address());
    QVERIFY(waitForFinished(3));
    m_filter->sort(DownloadModel::ServerColumn);
    QItemSelectionModel selection(m_filter.get());
    const QModelIndex ode = m_filter->index(2, DownloadModel::ServerColumn);
    QCOMPARE(ode.data().toString(), u"Ode Server"_s);
    selection.setCurrentIndex(ode, QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);

    // Still shown: still selected and current, at its new row.
    m_filter->setText(u"server"_s);
    QCOMPARE(m_filter->rowCount(), 2);
    QCOMPARE(selection.currentIndex().data().toString(), u"Ode Server"_s);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data().toString(), u"Ode Server"_s);

    // Hidden: no longer selected.
    m_filter->setText(u"another"_s);
    QVERIFY(selection.selectedRows().isEmpty());
}

void TestFilter::filterIsRememberedBetweenRuns()
{
    const QString path = m_settingsDir->filePath(u"filter.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        m_filter->setText(u"ポエム 'server'"_s);
        m_filter->setStates(DownloadFilterModel::Failed | DownloadFilterModel::Paused);
        m_filter->setFailureKind(Failure::Kind::ConnectionLost);
        m_filter->save(settings);
    }
    const QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.value(u"downloads/filter/kind"_s).toString(), u"ConnectionLost"_s);
    DownloadFilterModel restored;
    restored.setSourceModel(m_downloads.get());
    QSignalSpy changed(&restored, &DownloadFilterModel::filterChanged);
    restored.restore(settings);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(restored.text(), u"ポエム 'server'"_s);
    QCOMPARE(restored.states(), DownloadFilterModel::Failed | DownloadFilterModel::Paused);
    QCOMPARE(restored.failureKind(), std::optional(Failure::Kind::ConnectionLost));
}

void TestFilter::damagedSettingsFilterNothingAway()
{
    const QString path = m_settingsDir->filePath(u"damaged.ini"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A list where the text belongs, states out of range, a kind that does not exist.
    file.write("[downloads]\nfilter\\text=a, b\nfilter\\states=99\nfilter\\kind=NoSuchError\n");
    file.close();
    QSettings damaged(path, QSettings::IniFormat);
    QCOMPARE(damaged.value(u"downloads/filter/text"_s).typeId(), QMetaType::QStringList);
    m_filter->restore(damaged);
    QVERIFY(!m_filter->isFiltering());

    for (const char *states : {"-1", "abc", "true", "2.5"}) {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"downloads/filter/states"_s, QString::fromLatin1(states));
        settings.sync();
        m_filter->restore(settings);
        QCOMPARE(m_filter->states(), DownloadFilterModel::States(DownloadFilterModel::AllStates));
    }

    // A very long text is cut, not refused.
    QSettings settings(path, QSettings::IniFormat);
    settings.setValue(u"downloads/filter/text"_s, QString(5000, u'x'));
    settings.setValue(u"downloads/filter/states"_s, 4);
    m_filter->restore(settings);
    QCOMPARE(m_filter->text().size(), DownloadFilterModel::maxTextLength);
    QCOMPARE(m_filter->states(), DownloadFilterModel::States(DownloadFilterModel::Done));
}

QTEST_MAIN(TestFilter)
#include "tst_gui_filter.moc"
