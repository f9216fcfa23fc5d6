// How the window starts (MainWindow::startUp, as main() calls it): the demo on a first start
// only when no servers are asked for, --demo on a later start, and the demo servers in sight.

#include "downloadmodel.h"
#include "guitestsupport.h"
#include "librarymodel.h"
#include "librarysession.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "poemlibrary.h"
#include "poemview.h"
#include "poetryserver.h"
#include "serverlistmodel.h"
#include "serverpanel.h"

#include <QAction>
#include <QLineEdit>
#include <QScreen>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_settingsDir = GuiTest::isolateSettings(); }
    void init() { QSettings().clear(); }
    void firstStartWithServersAddsOnlyThem();
    void firstStartWithoutServersShowsTheDemo();
    void laterStartAddsNothingUnlessAsked();
    void demoServersComeIntoSight();
    void emptyListOffersWhatToDo();
    void savedSizeFitsTheScreen();
    void poemIsKeptAcrossARestart();
    void libraryLimitsComeFromTheSettings();

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

namespace {

int demoRows(const ServerListModel &servers)
{
    int count = 0;
    for (int row = 0; row < servers.rowCount(); ++row)
        count += servers.server(row).demo ? 1 : 0;
    return count;
}

} // namespace

void TestStartup::firstStartWithServersAddsOnlyThem()
{
    // Issue 12, item 11: `poetry-reader 20003 20001` on a first start added the ten demo
    // servers too.
    PoetryServer server({});
    QVERIFY(server.listen(QHostAddress::LocalHost));
    MainWindow window;
    window.show();
    window.startUp(true, false, {server.address().toString()});
    QCOMPARE(window.serverModel()->rowCount(), 1);
    QCOMPARE(window.serverModel()->server(0).address, server.address().toString());
    QCOMPARE(demoRows(*window.serverModel()), 0);
}

void TestStartup::firstStartWithoutServersShowsTheDemo()
{
    MainWindow window;
    window.show();
    window.startUp(true, false, {});
    QVERIFY(window.serverModel()->rowCount() >= 1);
    QCOMPARE(demoRows(*window.serverModel()), window.serverModel()->rowCount());
}

void TestStartup::laterStartAddsNothingUnlessAsked()
{
    MainWindow window;
    window.show();
    window.startUp(false, false, {});
    QCOMPARE(window.serverModel()->rowCount(), 0);
    window.startUp(false, true, {});
    QVERIFY(demoRows(*window.serverModel()) >= 1);
}

void TestStartup::demoServersComeIntoSight()
{
    // Issue 12, item 12: --demo on a later start added the demo servers at the bottom of a
    // long list, out of sight.
    MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < 300; ++i)
        window.serverModel()->addServer(u"server %1"_s.arg(i), u"127.0.0.1:%1"_s.arg(2000 + i));
    const int before = window.serverModel()->rowCount();
    window.startUp(false, true, {});
    QVERIFY(window.serverModel()->rowCount() > before);
    QTreeView *view = window.serverPanel()->view();
    const QModelIndex firstDemo = GuiTest::viewIndex(view, window.serverModel()->index(before, 0));
    QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(firstDemo)));
}

void TestStartup::emptyListOffersWhatToDo()
{
    // Issue 12, item 11: a second start showed an empty window with no hint.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startUp(false, false, {});
    auto *empty = window.serverPanel()->findChild<QWidget *>(u"emptyServerList"_s);
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!window.serverPanel()->view()->isVisible());
    QStringList offered;
    QToolButton *demo = nullptr;
    for (auto *button : empty->findChildren<QToolButton *>()) {
        offered.append(button->accessibleName());
        if (button->defaultAction()->objectName() == u"demoAction"_s)
            demo = button;
    }
    QCOMPARE(offered, (QStringList{u"Add Server"_s, u"Start Demo Servers"_s}));
    QVERIFY(demo);
    QTest::mouseClick(demo, Qt::LeftButton);
    QVERIFY(window.serverModel()->rowCount() > 0);
    QVERIFY(!empty->isVisible());
    QVERIFY(window.serverPanel()->view()->isVisible());
    // Empty again: the hint comes back.
    window.serverModel()->removeRows(0, window.serverModel()->rowCount());
    QVERIFY(empty->isVisible());
}

void TestStartup::savedSizeFitsTheScreen()
{
    // Issue 12, item 6: at QT_SCALE_FACTOR=2 the saved 1180×760 became 2360×1520 on a
    // 1400×900 screen. A saved size larger than the screen (saved on a larger one, or at
    // another scale) is fitted to it.
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect available = window.screen()->availableGeometry();
        window.setGeometry(available.x() + 50, available.y() + 40, available.width() * 2,
                           available.height() * 2);
        QTRY_VERIFY(window.width() > available.width());
        QVERIFY(window.close());
    }
    MainWindow window;
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.frameGeometry()),
             qPrintable(u"%1,%2 %3×%4 on %5×%6"_s.arg(window.x())
                                .arg(window.y())
                                .arg(window.width())
                                .arg(window.height())
                                .arg(available.width())
                                .arg(available.height())));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.width() <= available.width());
    QVERIFY(window.height() <= available.height());
}

void TestStartup::poemIsKeptAcrossARestart()
{
    // Issue 14, done when: a poem fetched, the program quit and started again: the poem is in
    // the Library, found by a search, readable offline, and the server's last result is back.
    const QByteArray poem = "The harbour freezes from the edges in,\n눈이 내리는 역에서 駅前の雪\n";
    auto server = std::make_unique<PoetryServer>(PoetryServer::Options{.poem = poem});
    QVERIFY(server->listen(QHostAddress::LocalHost));
    const QString address = server->address().toString();
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startUp(false, false, {address});
        QTRY_COMPARE_WITH_TIMEOUT(window.downloadModel()->doneCount(), 1, 20'000);
        QVERIFY(window.close());
    }
    server.reset(); // offline from here on

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.serverModel()->rowCount(), 1);
    const QModelIndex result = window.serverModel()->index(0, ServerListModel::ResultColumn);
    QTRY_VERIFY_WITH_TIMEOUT(result.data().toString().contains(u"Done"_s), 10'000);
    LibraryView *library = window.libraryView();
    window.tabs()->setCurrentWidget(library);
    library->searchField()->setText(u"駅"_s); // inside a word
    QTRY_COMPARE_WITH_TIMEOUT(library->model()->rowCount(), 1, 10'000);
    QVERIFY(library->selectPoem(library->model()->poem(0).id));
    QTRY_COMPARE_WITH_TIMEOUT(library->poemView()->text(), QString::fromUtf8(poem), 10'000);
    QVERIFY(window.noticeBar()->isHidden());
}

void TestStartup::libraryLimitsComeFromTheSettings()
{
    // Issue 14: a limit in the settings (size and age; favourites never pruned).
    QSettings().setValue(u"library/maxMiB"_s, 5);
    QSettings().setValue(u"library/maxAgeDays"_s, 30);
    MainWindow window;
    const LibraryLimits limits = window.librarySession()->library()->limits();
    QCOMPARE(limits.maxBytes, qint64(5) * 1024 * 1024);
    QCOMPARE(limits.maxAge, std::chrono::hours(30 * 24));
    // A bad value is no limit, not a crash or a library emptied by a negative size.
    QSettings().setValue(u"library/maxMiB"_s, u"-3"_s);
    MainWindow again;
    QCOMPARE(again.librarySession()->library()->limits().maxBytes, 0);
}

QTEST_MAIN(TestStartup)
#include "tst_gui_startup.moc"
