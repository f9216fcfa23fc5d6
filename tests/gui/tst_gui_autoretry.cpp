// Automatic retry in the window (issue 13): off by default; when on, a failure that can heal is
// fetched again in its row after a backoff, the row saying "Retrying in N s" meanwhile, up to
// the attempts set; a kind that does not heal is left alone. Real servers on 127.0.0.1.

#include "autoretry.h"
#include "downloadmodel.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "poetryserver.h"
#include "testpoems.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

class TestAutoRetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_settingsDir = GuiTest::isolateSettings(); }
    void init() { QSettings().clear(); }
    void offByDefault();
    void healsWhenTheServerComesUp();
    void givesUpAfterTheAttempts();
    void leavesKindsThatDoNotHeal();

private:
    std::unique_ptr<MainWindow> window(int attempts)
    {
        QSettings().setValue(u"fetch/retryAttempts"_s, attempts);
        QSettings().setValue(u"fetch/retryBaseDelayMs"_s, 300);
        auto shown = std::make_unique<MainWindow>();
        shown->show();
        return shown;
    }
    // A port on 127.0.0.1 that refuses connections now.
    static quint16 closedPort()
    {
        PoetryServer probe({});
        if (!probe.listen(QHostAddress::LocalHost))
            return 0;
        const quint16 port = probe.serverPort();
        probe.close();
        return port;
    }

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestAutoRetry::offByDefault()
{
    const quint16 port = closedPort();
    QVERIFY(port);
    QSettings().clear();
    MainWindow shown;
    shown.show();
    DownloadModel *model = shown.downloadModel();
    model->fetch({}, *Address::parse(QString::number(port)), {});
    QTRY_COMPARE_WITH_TIMEOUT(model->failedCount(), 1, 20'000);
    QTest::qWait(100);
    QCOMPARE(shown.autoRetry()->pendingCount(), 0);
    QCOMPARE(model->download(0).note, QString());
}

void TestAutoRetry::healsWhenTheServerComesUp()
{
    const quint16 port = closedPort();
    QVERIFY(port);
    auto shown = window(3);
    DownloadModel *model = shown->downloadModel();
    model->fetch({}, *Address::parse(QString::number(port)), {});
    QTRY_COMPARE_WITH_TIMEOUT(model->failedCount(), 1, 20'000);
    // Waiting for its retry, and saying so in the row.
    QCOMPARE(shown->autoRetry()->pendingCount(), 1);
    const QString state = model->index(0, DownloadModel::StateColumn).data().toString();
    QVERIFY2(state.startsWith(u"Retrying in "_s), qPrintable(state));
    // The server comes up: the next retry fetches the poem, in the same row.
    const QByteArray poem = TestPoems::utf8Poem(500);
    PoetryServer server({.poem = poem});
    QVERIFY(server.listen(QHostAddress::LocalHost, port));
    QTRY_COMPARE_WITH_TIMEOUT(model->doneCount(), 1, 30'000);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->download(0).bytes(), poem);
    QVERIFY(shown->autoRetry()->retriesOf(model->download(0).id) >= 1);
    QCOMPARE(model->index(0, DownloadModel::StateColumn).data().toString(), u"Done"_s);
}

void TestAutoRetry::givesUpAfterTheAttempts()
{
    const quint16 port = closedPort();
    QVERIFY(port);
    auto shown = window(2);
    DownloadModel *model = shown->downloadModel();
    model->fetch({}, *Address::parse(QString::number(port)), {});
    const DownloadId id = model->download(0).id;
    QTRY_COMPARE_WITH_TIMEOUT(shown->autoRetry()->retriesOf(id), 2, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(model->activeCount(), 0, 20'000);
    QTest::qWait(1500); // longer than any wait of a third retry (300 ms · 2², with jitter)
    QCOMPARE(shown->autoRetry()->retriesOf(id), 2);
    QCOMPARE(shown->autoRetry()->pendingCount(), 0);
    QCOMPARE(model->failedCount(), 1);
    QCOMPARE(model->index(0, DownloadModel::StateColumn).data().toString(), u"Failed"_s);
}

void TestAutoRetry::leavesKindsThatDoNotHeal()
{
    // A poem over the size limit fails the same way every time: never retried.
    PoetryServer server({.poem = TestPoems::utf8Poem(4096)});
    QVERIFY(server.listen(QHostAddress::LocalHost));
    auto shown = window(5);
    DownloadModel *model = shown->downloadModel();
    FetchOptions options;
    options.maxPoemSize = 100;
    model->fetch({}, server.address(), options);
    QTRY_COMPARE_WITH_TIMEOUT(model->failedCount(), 1, 20'000);
    QCOMPARE(model->download(0).failure()->kind(), Failure::Kind::PoemTooLarge);
    QCOMPARE(shown->autoRetry()->pendingCount(), 0);
}

QTEST_MAIN(TestAutoRetry)
#include "tst_gui_autoretry.moc"
