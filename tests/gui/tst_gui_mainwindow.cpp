// The window, clicked through as a user would (QTest::mouseClick/keyClick on the real widgets),
// against real poetry servers on 127.0.0.1.

#include "addserverdialog.h"
#include "downloadmodel.h"
#include "downloadspanel.h"
#include "failurepane.h"
#include "fullbackloglistener.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "poempane.h"
#include "poetryserver.h"
#include "serverlistmodel.h"
#include "serverpanel.h"
#include "testpoems.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr int timeoutMs = 20'000;

std::unique_ptr<PoetryServer> startServer(const PoetryServer::Options &options, quint16 port = 0)
{
    auto server = std::make_unique<PoetryServer>(options);
    if (!server->listen(QHostAddress::LocalHost, port))
        return nullptr;
    return server;
}

PoetryServer::Options poemOptions(const QByteArray &poem, qint64 chunk = 0,
                                  milliseconds delay = 0ms)
{
    PoetryServer::Options options;
    options.poem = poem;
    options.bytesPerChunk = chunk;
    options.delay = delay;
    return options;
}

PoetryServer::Options faultOptions(PoetryServer::Fault fault)
{
    PoetryServer::Options options;
    options.poem = "unused";
    options.fault = fault;
    return options;
}

QWidget *toolButton(MainWindow &window, const char *actionName)
{
    auto *toolBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    auto *action = window.findChild<QAction *>(QString::fromLatin1(actionName));
    return toolBar && action ? toolBar->widgetForAction(action) : nullptr;
}

RequestState shownState(MainWindow &window, int viewRow)
{
    return window.downloadsPanel()
            ->proxy()
            ->index(viewRow, DownloadModel::StateColumn)
            .data(DownloadModel::StateRole)
            .value<RequestState>();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void fetchShowsExactPoem();
    void poemPaneKeepsReadersScrollPosition();
    void refusedShowsFailureDetails();
    void cancelStopsDownload();
    void escapeCancelsSelectedDownload();
    void retryFetchesAgain();
    void serverListSurvivesRestart();
    void windowLayoutIsRestored();
    void addServerRejectsBadAddress();
    void deleteKeyRemovesServer();
    void editAddressInPlace();
    void clearFinishedRemovesEndedRows();
    void statusBarCounts();
    void commandLineAddressesAreFetched();
    void copyAndSavePoem();
    void keyboardOnlyFetch();
    void importFromClipboard();
    void dropTextFile();
    void contextMenuRemovesDownload();
    void settingsApplyToNewRequests();
    void viewsAndButtonsHaveAccessibleNames();

private:
    // Adds the server to the list, clicks its row, then clicks Fetch.
    bool fetchByClicking(MainWindow &window, const Address &address, const QString &name);
    std::unique_ptr<MainWindow> showWindow();

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
}

void TestMainWindow::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindow::showWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

bool TestMainWindow::fetchByClicking(MainWindow &window, const Address &address,
                                     const QString &name)
{
    const int row = window.serverModel()->addServer(name, address.toString());
    if (row < 0)
        return false;
    GuiTest::clickRow(window.serverPanel()->view(),
                      window.serverModel()->index(row, ServerListModel::NameColumn));
    QWidget *fetch = toolButton(window, "fetchAction");
    if (!fetch || !fetch->isEnabled())
        return false;
    QTest::mouseClick(fetch, Qt::LeftButton);
    return true;
}

void TestMainWindow::fetchShowsExactPoem()
{
    const QByteArray poem = TestPoems::utf8Poem(6000);
    auto server = startServer(poemOptions(poem, 300, 10ms));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);

    QVERIFY(fetchByClicking(*window, server->address(), u"Slow and steady"_s));
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 1); // the row appears at once
    QCOMPARE(window->downloadsPanel()
                     ->proxy()
                     ->index(0, DownloadModel::ServerColumn)
                     .data()
                     .toString(),
             u"Slow and steady"_s);

    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));
    QCOMPARE(window->downloadsPanel()->details()->currentWidget(),
             window->downloadsPanel()->poemPane());
    // While it streams, what the pane shows is always the start of the poem.
    const QString expected = QString::fromUtf8(poem);
    QTRY_VERIFY_WITH_TIMEOUT(
            !window->downloadsPanel()->poemPane()->textView()->toPlainText().isEmpty(), timeoutMs);
    QVERIFY(expected.startsWith(window->downloadsPanel()->poemPane()->textView()->toPlainText()));

    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Done, timeoutMs);
    QCOMPARE(window->downloadsPanel()
                     ->proxy()
                     ->index(0, DownloadModel::StateColumn)
                     .data()
                     .toString(),
             u"Done"_s);
    QTRY_COMPARE(window->downloadsPanel()->poemPane()->textView()->toPlainText(), expected);
    QVERIFY(window->downloadsPanel()->poemPane()->textView()->isReadOnly());
    // The status line's tooltip gives the request's timeline.
    auto *status = window->downloadsPanel()->poemPane()->findChild<QLabel *>(u"poemStatus"_s);
    QVERIFY(status);
    QTRY_VERIFY(status->toolTip().contains(u"MainWindow::fetchServerRows"_s));
    QVERIFY(status->toolTip().contains(u"first byte"_s));
    // The server list remembers the result.
    QTRY_VERIFY(window->serverModel()
                        ->index(0, ServerListModel::ResultColumn)
                        .data()
                        .toString()
                        .startsWith(u"Done"_s));
}

void TestMainWindow::poemPaneKeepsReadersScrollPosition()
{
    // Long and slow: the pane scrolls long before the poem is complete.
    const QByteArray poem = TestPoems::utf8Poem(60'000);
    auto server = startServer(poemOptions(poem, 600, 20ms));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, server->address(), u"Long"_s));
    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));

    QScrollBar *bar = window->downloadsPanel()->poemPane()->textView()->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 20, timeoutMs);
    bar->setValue(5); // the reader scrolled a little way down
    const int maximum = bar->maximum();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > maximum + 10, timeoutMs);
    QCOMPARE(bar->value(), 5);
    QVERIFY(shownState(*window, 0) != RequestState::Done);
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Done, 60'000);
    QCOMPARE(bar->value(), 5);
    QTRY_COMPARE(window->downloadsPanel()->poemPane()->textView()->toPlainText(),
                 QString::fromUtf8(poem));
}

void TestMainWindow::refusedShowsFailureDetails()
{
    auto server = startServer(faultOptions(PoetryServer::Fault::Refuse));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, server->address(), u"Closed door"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Failed, timeoutMs);

    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));
    FailurePane *pane = window->downloadsPanel()->failurePane();
    QCOMPARE(window->downloadsPanel()->details()->currentWidget(), pane);
    QCOMPARE(pane->kindLabel()->text(), u"ConnectionRefusedError"_s);
    QCOMPARE(pane->kindLabel()->textFormat(), Qt::PlainText);
    const QString traceback = pane->tracebackView()->toPlainText();
    QVERIFY2(traceback.startsWith(u"Traceback (most recent call last):"_s), qPrintable(traceback));
    // Where the request was made: the window's own code, then every step, then the error.
    QVERIFY2(traceback.contains(u"ui/mainwindow.cpp"_s), qPrintable(traceback));
    QVERIFY2(traceback.contains(u"MainWindow::"_s), qPrintable(traceback));
    QVERIFY2(traceback.contains(u"\nConnectionRefusedError: "_s), qPrintable(traceback));
    // Monospace (measured: some monospace fonts do not say they are fixed-pitch).
    const QFontMetrics metrics(pane->tracebackView()->font());
    QCOMPARE(metrics.horizontalAdvance(u"iiii"_s), metrics.horizontalAdvance(u"MMMM"_s));
    QVERIFY(pane->detailsText().contains(server->address().toString()));
    QVERIFY(pane->detailsText().contains(traceback));
    QVERIFY(!pane->partialPoemView()->isVisibleTo(pane)); // nothing arrived
    QTRY_COMPARE(window->serverModel()->index(0, ServerListModel::ResultColumn).data().toString(),
                 u"ConnectionRefusedError"_s);
}

void TestMainWindow::cancelStopsDownload()
{
    auto server = startServer(faultOptions(PoetryServer::Fault::Stall));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, server->address(), u"Stalls"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Receiving, timeoutMs);

    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));
    QWidget *cancel = toolButton(*window, "cancelAction");
    QVERIFY(cancel);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Cancelled, timeoutMs);
    QTRY_COMPARE(window->downloadsPanel()->details()->currentWidget(),
                 window->downloadsPanel()->failurePane());
    QCOMPARE(window->downloadsPanel()->failurePane()->kindLabel()->text(), u"CancelledError"_s);
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, timeoutMs); // really closed
    QVERIFY(!cancel->isEnabled());
}

void TestMainWindow::escapeCancelsSelectedDownload()
{
    auto server = startServer(faultOptions(PoetryServer::Fault::Stall));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, server->address(), u"Stalls"_s));
    QVERIFY(fetchByClicking(*window, server->address(), u"Stalls"_s)); // a second download
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 1), RequestState::Receiving, timeoutMs);

    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(1, 0));
    QTest::keyClick(window->downloadsPanel()->view(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 1), RequestState::Cancelled, timeoutMs);
    QCOMPARE(shownState(*window, 0), RequestState::Receiving); // only the selected one
}

void TestMainWindow::retryFetchesAgain()
{
    auto refusing = startServer(faultOptions(PoetryServer::Fault::Refuse));
    QVERIFY(refusing);
    const quint16 port = refusing->serverPort();
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, refusing->address(), u"Comes up later"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Failed, timeoutMs);
    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));
    QCOMPARE(window->downloadsPanel()->details()->currentWidget(),
             window->downloadsPanel()->failurePane());

    // The server comes up on the same port; Retry in the details pane fetches in the same row.
    refusing.reset();
    const QByteArray poem = "Second time lucky:\nthe port that said no\nnow says a poem.\n";
    auto serving = startServer(poemOptions(poem), port);
    QVERIFY(serving);
    QPushButton *retry = window->downloadsPanel()->failurePane()->retryButton();
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Done, timeoutMs);
    QTRY_COMPARE(window->downloadsPanel()->details()->currentWidget(),
                 window->downloadsPanel()->poemPane());
    QTRY_COMPARE(window->downloadsPanel()->poemPane()->textView()->toPlainText(),
                 QString::fromUtf8(poem));
}

void TestMainWindow::serverListSurvivesRestart()
{
    {
        auto window = showWindow();
        QVERIFY(window);
        QCOMPARE(window->serverModel()->rowCount(), 0);
        GuiTest::whenDialogOpens([](QDialog *dialog) {
            auto *add = qobject_cast<AddServerDialog *>(dialog);
            QVERIFY(add);
            QTest::keyClicks(add->addressEdit(), u"localhost:4567"_s);
            auto *name = add->findChild<QLineEdit *>(u"nameEdit"_s);
            QTest::keyClicks(name, u"Kept across restarts"_s);
            QTest::mouseClick(add->okButton(), Qt::LeftButton);
        });
        QWidget *addButton = toolButton(*window, "addServerAction");
        QVERIFY(addButton);
        QTest::mouseClick(addButton, Qt::LeftButton);
        QTRY_COMPARE(window->serverModel()->rowCount(), 1);
        // A demo server is listed too, but it lives only as long as this run.
        window->startDemo();
        QVERIFY(window->serverModel()->rowCount() > 1);
    }
    auto window = showWindow();
    QVERIFY(window);
    QCOMPARE(window->serverModel()->rowCount(), 1);
    QCOMPARE(window->serverModel()->server(0).name, u"Kept across restarts"_s);
    QCOMPARE(window->serverModel()->server(0).address, u"localhost:4567"_s);
    QVERIFY(MainWindow::hasSavedSettings());
}

void TestMainWindow::windowLayoutIsRestored()
{
    QList<int> sizes;
    int progressWidth = 0;
    {
        auto window = showWindow();
        QVERIFY(window);
        window->resize(760, 560); // within the offscreen screen (800×800): fitted otherwise
        auto *splitter = window->findChild<QSplitter *>(u"centreSplitter"_s);
        QVERIFY(splitter);
        splitter->setSizes({200, 400});
        sizes = splitter->sizes();
        window->downloadsPanel()->view()->header()->resizeSection(DownloadModel::ProgressColumn,
                                                                  240);
        progressWidth = window->downloadsPanel()->view()->header()->sectionSize(
                DownloadModel::ProgressColumn);
        QVERIFY(window->close());
    }
    auto window = showWindow();
    QVERIFY(window);
    QCOMPARE(window->size(), QSize(760, 560));
    QCOMPARE(window->findChild<QSplitter *>(u"centreSplitter"_s)->sizes(), sizes);
    QCOMPARE(window->downloadsPanel()->view()->header()->sectionSize(DownloadModel::ProgressColumn),
             progressWidth);
}

void TestMainWindow::addServerRejectsBadAddress()
{
    auto window = showWindow();
    QVERIFY(window);
    QString message;
    bool okEnabled = true;
    GuiTest::whenDialogOpens([&](QDialog *dialog) {
        auto *add = qobject_cast<AddServerDialog *>(dialog);
        QVERIFY(add);
        QTest::keyClicks(add->addressEdit(), u"localhost:abc"_s);
        message = add->messageLabel()->text();
        okEnabled = add->okButton()->isEnabled();
        QTest::keyClick(add->addressEdit(), Qt::Key_Return); // must not accept
        QVERIFY(add->isVisible());
        dialog->reject();
    });
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier); // Add Server…
    QVERIFY2(message.contains(u"“abc” is not a number"_s), qPrintable(message));
    QVERIFY(!okEnabled);
    QCOMPARE(window->serverModel()->rowCount(), 0);
}

void TestMainWindow::deleteKeyRemovesServer()
{
    auto window = showWindow();
    QVERIFY(window);
    window->serverModel()->addServer(u"first"_s, u"10001"_s);
    window->serverModel()->addServer(u"second"_s, u"10002"_s);
    GuiTest::clickRow(window->serverPanel()->view(), window->serverModel()->index(0, 0));
    QTest::keyClick(window->serverPanel()->view(), Qt::Key_Delete);
    QCOMPARE(window->serverModel()->rowCount(), 1);
    QCOMPARE(window->serverModel()->server(0).name, u"second"_s);
    QCOMPARE(QSettings().value(u"servers/size"_s).toInt(), 1); // saved at once
}

void TestMainWindow::editAddressInPlace()
{
    auto window = showWindow();
    QVERIFY(window);
    window->serverModel()->addServer(u"moving"_s, u"10001"_s);
    QTreeView *view = window->serverPanel()->view();
    const QModelIndex address = window->serverModel()->index(0, ServerListModel::AddressColumn);
    GuiTest::clickRow(view, address);
    view->setCurrentIndex(GuiTest::viewIndex(view, address));
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QTRY_VERIFY(editor->hasFocus());

    editor->selectAll();
    QTest::keyClicks(editor, u"localhost:abc"_s);
    QVERIFY(window->statusBar()->currentMessage().contains(u"“abc” is not a number"_s));
    QTest::keyClick(editor, Qt::Key_Return); // refused: still editing
    QCOMPARE(window->serverModel()->server(0).address, u"127.0.0.1:10001"_s);

    editor->selectAll();
    QTest::keyClicks(editor, u"localhost:7"_s);
    QVERIFY(window->statusBar()->currentMessage().isEmpty());
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(window->serverModel()->server(0).address, u"localhost:7"_s);
    QCOMPARE(QSettings().value(u"servers/1/address"_s).toString(), u"localhost:7"_s); // saved
}

void TestMainWindow::clearFinishedRemovesEndedRows()
{
    auto good = startServer(poemOptions("short\n"));
    auto stalled = startServer(faultOptions(PoetryServer::Fault::Stall));
    QVERIFY(good && stalled);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, good->address(), u"good"_s));
    QVERIFY(fetchByClicking(*window, stalled->address(), u"stalled"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadModel()->doneCount(), 1, timeoutMs);
    QWidget *clear = toolButton(*window, "clearFinishedAction");
    QVERIFY(clear);
    QTRY_VERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 1);
    QCOMPARE(window->downloadsPanel()->proxy()->index(0, 0).data().toString(), u"stalled"_s);
}

void TestMainWindow::statusBarCounts()
{
    auto good = startServer(poemOptions("short\n"));
    auto refused = startServer(faultOptions(PoetryServer::Fault::Refuse));
    auto stalled = startServer(faultOptions(PoetryServer::Fault::Stall));
    QVERIFY(good && refused && stalled);
    auto window = showWindow();
    QVERIFY(window);
    window->addAndFetch({good->address().toString(), refused->address().toString(),
                         stalled->address().toString()});
    auto *counts = window->statusBar()->findChild<QLabel *>(u"counts"_s);
    QVERIFY(counts);
    QTRY_COMPARE_WITH_TIMEOUT(counts->text(), u"1 active  ·  1 done  ·  1 failed"_s, timeoutMs);
}

void TestMainWindow::commandLineAddressesAreFetched()
{
    const QByteArray poem = "From the command line.\n";
    auto server = startServer(poemOptions(poem));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    window->addAndFetch({QString::number(server->serverPort())}); // "10001" means 127.0.0.1
    QCOMPARE(window->serverModel()->rowCount(), 1);
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 1);
    // The first download is shown at once when nothing else was.
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadsPanel()->poemPane()->textView()->toPlainText(),
                              QString::fromUtf8(poem), timeoutMs);
}

void TestMainWindow::copyAndSavePoem()
{
    const QByteArray poem = "Saved exactly,\r\nbyte for byte — 한 줄 더.\n";
    auto server = startServer(poemOptions(poem));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, server->address(), u"To keep"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Done, timeoutMs);
    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));

    QApplication::clipboard()->clear();
    QTest::keyClick(window->downloadsPanel()->view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(poem));

    QTemporaryDir directory;
    const QString path = directory.filePath(u"poem.txt"_s);
    GuiTest::chooseFileWhenDialogOpens(path);
    QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier); // Save Poem…
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), poem); // the bytes as sent, \r\n included
}

void TestMainWindow::keyboardOnlyFetch()
{
    const QByteArray poem = "No mouse was harmed.\n";
    auto server = startServer(poemOptions(poem));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    window->serverModel()->addServer(u"keys"_s, server->address().toString());
    window->serverPanel()->view()->setFocus();
    QTest::keyClick(window->serverPanel()->view(), Qt::Key_Down); // the first server
    QTest::keyClick(window->serverPanel()->view(), Qt::Key_F5);   // Fetch
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 1);
    QTest::keyClick(window->serverPanel()->view(), Qt::Key_F5, Qt::ShiftModifier); // Fetch All
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadModel()->doneCount(), 2, timeoutMs);
    QTRY_COMPARE(window->downloadsPanel()->poemPane()->textView()->toPlainText(),
                 QString::fromUtf8(poem));
}

void TestMainWindow::importFromClipboard()
{
    auto window = showWindow();
    QVERIFY(window);
    QApplication::clipboard()->setText(u"10001 localhost:10002\n[::1]:10003\n"_s);
    QTest::keyClick(window.get(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->serverModel()->rowCount(), 3);
    QCOMPARE(window->serverModel()->server(2).address, u"[::1]:10003"_s);
}

void TestMainWindow::dropTextFile()
{
    auto window = showWindow();
    QVERIFY(window);
    QTemporaryDir directory;
    const QString path = directory.filePath(u"servers.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# the classic form works too\n10001 localhost:10002\n");
    file.close();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint where = window->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(where), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    QCOMPARE(window->serverModel()->rowCount(), 2);
    QCOMPARE(window->serverModel()->server(1).address, u"localhost:10002"_s);
}

void TestMainWindow::contextMenuRemovesDownload()
{
    auto server = startServer(poemOptions("gone soon\n"));
    QVERIFY(server);
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(fetchByClicking(*window, server->address(), u"one"_s));
    QVERIFY(fetchByClicking(*window, server->address(), u"two"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadModel()->doneCount(), 2, timeoutMs);
    const QModelIndex second = window->downloadsPanel()->proxy()->index(1, 0);
    GuiTest::clickRow(window->downloadsPanel()->view(), second);

    QStringList shown;
    auto *timer = new QTimer(window.get());
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, timer, [timer, &shown] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        timer->stop();
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                shown.append(action->objectName());
        }
        for (QAction *action : menu->actions()) {
            if (action->objectName() == u"removeDownloadsAction"_s) {
                QVERIFY(action->isEnabled());
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
                return;
            }
        }
        menu->close();
    });
    timer->start();
    // The menu key, or a right click: both arrive as a context menu event.
    const QPoint where = window->downloadsPanel()->view()->visualRect(second).center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, where,
                            window->downloadsPanel()->view()->viewport()->mapToGlobal(where));
    QApplication::sendEvent(window->downloadsPanel()->view()->viewport(), &event);
    QCOMPARE(shown,
             QStringList({u"cancelAction"_s, u"retryAction"_s, u"retryFailedAction"_s,
                          u"pauseAction"_s, u"resumeAction"_s, u"copyAction"_s,
                          u"copyAsCommandAction"_s, u"saveAction"_s, u"removeDownloadsAction"_s,
                          u"clearFinishedAction"_s}));
    QCOMPARE(window->downloadsPanel()->proxy()->rowCount(), 1);
    QCOMPARE(window->downloadsPanel()->proxy()->index(0, 0).data().toString(), u"one"_s);
}

void TestMainWindow::settingsApplyToNewRequests()
{
    // A connect timeout of 0.5 s, set in the dialog, times out a connection to a full backlog.
    auto window = showWindow();
    QVERIFY(window);
    GuiTest::whenDialogOpens([](QDialog *dialog) {
        auto *seconds = dialog->findChild<QDoubleSpinBox *>(u"connectTimeout"_s);
        QVERIFY(seconds);
        seconds->setFocus();
        seconds->selectAll();
        QTest::keyClicks(seconds, u"0.5"_s);
        QTest::keyClick(seconds, Qt::Key_Tab);
        dialog->accept();
    });
    QAction *settings = window->findChild<QAction *>(u"settingsAction"_s);
    QVERIFY(settings);
    QTest::mouseClick(toolButton(*window, "settingsAction"), Qt::LeftButton);
    QCOMPARE(window->fetchSettings().options.connectTimeout, 500ms);
    QCOMPARE(QSettings().value(u"fetch/connectTimeoutMs"_s).toLongLong(), 500);

    FullBacklogListener listener;
    QVERIFY(listener.isValid());
    QVERIFY(fetchByClicking(*window, listener.address(), u"Never answers"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownState(*window, 0), RequestState::Failed, timeoutMs);
    GuiTest::clickRow(window->downloadsPanel()->view(),
                      window->downloadsPanel()->proxy()->index(0, 0));
    QCOMPARE(window->downloadsPanel()->failurePane()->kindLabel()->text(), u"TimeoutError"_s);
}

void TestMainWindow::viewsAndButtonsHaveAccessibleNames()
{
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(!window->serverPanel()->view()->accessibleName().isEmpty());
    QVERIFY(!window->downloadsPanel()->view()->accessibleName().isEmpty());
    QVERIFY(!window->downloadsPanel()->poemPane()->textView()->accessibleName().isEmpty());
    QVERIFY(!window->downloadsPanel()->failurePane()->tracebackView()->accessibleName().isEmpty());
    // Buttons are named by their text (or an accessible name where they have none).
    const auto buttons = window->findChildren<QAbstractButton *>();
    QVERIFY(buttons.size() > 5);
    for (const QAbstractButton *button : buttons) {
        if (button->inherits("QToolBarExtension") || !button->isVisibleTo(window.get()))
            continue;
        QVERIFY2(!button->text().isEmpty() || !button->accessibleName().isEmpty()
                         || !button->toolTip().isEmpty(),
                 qPrintable(button->objectName()));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_gui_mainwindow.moc"
