// The server side of the real window, driven as a user would: the Add Server dialog by keyboard
// alone, editing an address after adding, a double-click that fetches, import with names and
// line numbers, export that imports back, and sorting by the headers.

#include "addserverdialog.h"
#include "downloadmodel.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "serverlistio.h"
#include "serverlistmodel.h"
#include "serverpanel.h"
#include "translations.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

// The names of the servers as the view shows them, top to bottom.
QStringList shownNames(const QTreeView *view)
{
    QStringList names;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        names.append(view->model()->index(row, ServerListModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestServerList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void addServerByKeyboard();
    void editAddressAfterAdding();
    void doubleClickFetchesAndDoesNotEdit();
    void importReadsNamesAndNumbersBadLines();
    void exportImportsBack();
    void sortByHeaders();
    void removeSelectedWhenSorted();
    void longNamesAreCut();

private:
    std::unique_ptr<MainWindow> showWindow();

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestServerList::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
    QVERIFY(Translations::install(u"en"_s)); // English plural forms, as main() installs them
}

void TestServerList::init()
{
    QSettings().clear();
    QSettings().setValue(u"servers/size"_s, 0); // not a first start
}

std::unique_ptr<MainWindow> TestServerList::showWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->activateWindow();
    return window;
}

void TestServerList::addServerByKeyboard()
{
    auto window = showWindow();
    QVERIFY(window);
    bool typed = false;
    GuiTest::whenDialogOpens([&typed](QDialog *dialog) {
        QVERIFY(qobject_cast<AddServerDialog *>(dialog));
        auto *address = dialog->findChild<QLineEdit *>(u"addressEdit"_s);
        auto *name = dialog->findChild<QLineEdit *>(u"nameEdit"_s);
        QTRY_COMPARE(dialog->focusWidget(), address); // the focus starts in Address
        QTest::keyClicks(address, u"20001"_s);
        QTest::keyClick(address, Qt::Key_Tab);
        QCOMPARE(dialog->focusWidget(), name); // then Name
        QTest::keyClicks(name, u"Slow almanac"_s);
        QTest::keyClick(name, Qt::Key_Tab);
        QVERIFY(qobject_cast<QPushButton *>(dialog->focusWidget())); // then the buttons
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(dialog->focusWidget(), name);
        QTest::keyClick(name, Qt::Key_Return); // Enter: OK
        typed = true;
    });
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(typed);
    QCOMPARE(window->serverModel()->rowCount(), 1);
    QCOMPARE(window->serverModel()->server(0).name, u"Slow almanac"_s);
    QCOMPARE(window->serverModel()->server(0).address, u"127.0.0.1:20001"_s);
}

void TestServerList::editAddressAfterAdding()
{
    auto window = showWindow();
    QVERIFY(window);
    ServerListModel *servers = window->serverModel();
    servers->addServer(u"Harbour"_s, u"10001"_s);
    QTreeView *view = window->serverPanel()->view();
    GuiTest::clickRow(view, servers->index(0, ServerListModel::NameColumn));

    // Edit Server…: the same dialog, with both fields, the address first.
    auto *edit = window->findChild<QAction *>(u"editServerAction"_s);
    QVERIFY(edit && edit->isEnabled());
    bool edited = false;
    GuiTest::whenDialogOpens([&edited](QDialog *dialog) {
        auto *address = dialog->findChild<QLineEdit *>(u"addressEdit"_s);
        QCOMPARE(address->text(), u"127.0.0.1:10001"_s);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"nameEdit"_s)->text(), u"Harbour"_s);
        QTRY_COMPARE(dialog->focusWidget(), address);
        address->selectAll();
        QTest::keyClicks(address, u"localhost:7"_s);
        QTest::keyClick(address, Qt::Key_Return);
        edited = true;
    });
    edit->trigger();
    QVERIFY(edited);
    QCOMPARE(servers->rowCount(), 1);
    QCOMPARE(servers->server(0).address, u"localhost:7"_s);
    QCOMPARE(servers->server(0).name, u"Harbour"_s);
    QCOMPARE(QSettings().value(u"servers/1/address"_s).toString(), u"localhost:7"_s);

    // And in place: the address cell, F2 (tst_gui_mainwindow tries what is typed there).
    const QModelIndex address
            = GuiTest::viewIndex(view, servers->index(0, ServerListModel::AddressColumn));
    view->clearSelection(); // a click on a selected row edits by itself
    GuiTest::clickRow(view, address);
    QCOMPARE(view->currentIndex(), address);
    QVERIFY(!view->viewport()->findChild<QLineEdit *>());
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"10009"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(servers->server(0).address, u"127.0.0.1:10009"_s);
}

void TestServerList::doubleClickFetchesAndDoesNotEdit()
{
    auto window = showWindow();
    QVERIFY(window);
    window->serverModel()->addServer(u"Refusing"_s, u"127.0.0.1:9"_s);
    QTreeView *view = window->serverPanel()->view();
    const QModelIndex address = GuiTest::viewIndex(
            view, window->serverModel()->index(0, ServerListModel::AddressColumn));
    GuiTest::clickRow(view, address); // selected: a click now would start editing
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    const QPoint point = view->visualRect(address).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, point);
    QTest::qWait(QApplication::doubleClickInterval() + 100); // past the delayed edit
    QCOMPARE(window->downloadModel()->rowCount(), 1);
    QCOMPARE(window->downloadModel()->download(0).serverName, u"Refusing"_s);
    QVERIFY(!view->viewport()->findChild<QLineEdit *>());
}

void TestServerList::importReadsNamesAndNumbersBadLines()
{
    auto window = showWindow();
    QVERIFY(window);
    QString text;
    QString details;
    GuiTest::whenDialogOpens([&](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        QVERIFY(box);
        text = box->text();
        details = box->detailedText();
        box->accept();
    });
    window->importText(u"# servers\n"            // 1
                       "Slow almanac 20001\n"    // 2: a name, then an address
                       "Harbour  days\t20002\n"  // 3: NAME<TAB>ADDRESS
                       "10003 [::1]:10004\n"     // 4: addresses
                       "\n"                      // 5
                       "not an address\n"        // 6: bad
                       "10005 words 10006\n"     // 7: bad
                       "Tabbed\tlocalhost:abc\n" // 8: bad
                       "#1 on the list\t20009\n" // 9: a name that begins with '#'
                       ""_s);
    ServerListModel *servers = window->serverModel();
    QCOMPARE(servers->rowCount(), 5);
    QCOMPARE(servers->server(0).name, u"Slow almanac"_s);
    QCOMPARE(servers->server(0).address, u"127.0.0.1:20001"_s);
    QCOMPARE(servers->server(1).name, u"Harbour  days"_s);
    QCOMPARE(servers->server(1).address, u"127.0.0.1:20002"_s);
    QCOMPARE(servers->server(2).address, u"127.0.0.1:10003"_s);
    QCOMPARE(servers->server(3).address, u"[::1]:10004"_s);
    QCOMPARE(servers->server(4).name, u"#1 on the list"_s);
    QCOMPARE(text, u"3 lines could not be read as a server."_s);
    const QStringList lines = details.split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(u"Line 6: “not an address”: "_s), qPrintable(details));
    QVERIFY2(lines.at(1).startsWith(u"Line 7: “10005 words 10006”: "_s), qPrintable(details));
    QVERIFY2(lines.at(2).startsWith(u"Line 8: “Tabbed\tlocalhost:abc”: "_s), qPrintable(details));
    QVERIFY2(lines.at(2).contains(u"not a number"_s), qPrintable(details));

    // The line alone: one server, no complaint (a box would be closed and counted).
    bool complained = false;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&complained] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            complained = true;
            dialog->reject();
        }
    });
    closer.start(10);
    window->importText(u"Slow almanac 20011"_s);
    closer.stop();
    QVERIFY(!complained);
    QCOMPARE(servers->rowCount(), 6);
    QCOMPARE(servers->server(5).name, u"Slow almanac"_s);
}

void TestServerList::exportImportsBack()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"servers.txt"_s);
    const QList<ServerListModel::Entry> entries{
            {u"Harbour almanac"_s, u"127.0.0.1:10001"_s},
            {u"  spaces  inside  "_s, u"localhost:10002"_s},
            {u"#hash first"_s, u"[::1]:10003"_s},
            {u"시 서버 · 詩"_s, u"example.org:7"_s},
            {{}, u"10005"_s},
            {u"Tab\there, line\nbreak"_s, u"10006"_s},
    };
    QList<Server> exported;
    {
        auto window = showWindow();
        QVERIFY(window);
        QCOMPARE(window->serverModel()->addServers(entries), int(entries.size()));
        window->serverModel()->addServer(u"Demo"_s, u"10007"_s, true); // not exported
        for (int row = 0; row < int(entries.size()); ++row)
            exported.append(window->serverModel()->server(row));
        GuiTest::whenDialogOpens([path](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            QVERIFY(files);
            QCOMPARE(files->acceptMode(), QFileDialog::AcceptSave);
            QVERIFY(GuiTest::chooseFile(files, path));
            dialog->accept();
        });
        window->findChild<QAction *>(u"exportServersAction"_s)->trigger();
        QVERIFY(QFile::exists(path));
    }
    QSettings().clear();
    QSettings().setValue(u"servers/size"_s, 0);
    auto window = showWindow();
    QVERIFY(window);
    QCOMPARE(window->serverModel()->rowCount(), 0);
    bool complained = false;
    GuiTest::whenDialogOpens([&](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files) {
            complained = true;
            dialog->reject();
            return;
        }
        QVERIFY(GuiTest::chooseFile(files, path));
        dialog->accept();
    });
    QTest::keyClick(window.get(), Qt::Key_O, Qt::ControlModifier); // Import Servers…
    QVERIFY(!complained);
    ServerListModel *servers = window->serverModel();
    QCOMPARE(servers->rowCount(), int(exported.size()));
    for (int row = 0; row < servers->rowCount(); ++row) {
        QCOMPARE(servers->server(row).name, exported.at(row).name);
        QCOMPARE(servers->server(row).address, exported.at(row).address);
    }
    QCOMPARE(servers->server(1).name, u"spaces  inside"_s);
    QCOMPARE(servers->server(5).name, u"Tab here, line break"_s);
}

void TestServerList::sortByHeaders()
{
    auto window = showWindow();
    QVERIFY(window);
    ServerListModel *servers = window->serverModel();
    servers->addServer(u"beta"_s, u"10002"_s);
    servers->addServer(u"Alpha"_s, u"10001"_s);
    servers->addServer(u"gamma"_s, u"9"_s);
    QTreeView *view = window->serverPanel()->view();
    QCOMPARE(shownNames(view), (QStringList{u"beta"_s, u"Alpha"_s, u"gamma"_s})); // as added

    QHeaderView *header = view->header();
    const auto clickHeader = [header](int column) {
        QTest::mouseClick(
                header->viewport(), Qt::LeftButton, {},
                QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                       header->height() / 2));
    };
    clickHeader(ServerListModel::NameColumn);
    QCOMPARE(shownNames(view), (QStringList{u"Alpha"_s, u"beta"_s, u"gamma"_s}));
    clickHeader(ServerListModel::NameColumn);
    QCOMPARE(shownNames(view), (QStringList{u"gamma"_s, u"beta"_s, u"Alpha"_s}));
    clickHeader(ServerListModel::AddressColumn); // the port as a number: 9 first
    QCOMPARE(shownNames(view), (QStringList{u"gamma"_s, u"Alpha"_s, u"beta"_s}));
    // The model keeps its order; the view's rows act on the right servers.
    QCOMPARE(servers->server(0).name, u"beta"_s);
    GuiTest::clickRow(view, view->model()->index(0, 0)); // gamma, shown first
    window->fetchSelected();
    QCOMPARE(window->downloadModel()->rowCount(), 1);
    QCOMPARE(window->downloadModel()->download(0).serverName, u"gamma"_s);
    // A server added while sorted goes to its place.
    servers->addServer(u"delta"_s, u"10000"_s);
    QCOMPARE(shownNames(view), (QStringList{u"gamma"_s, u"delta"_s, u"Alpha"_s, u"beta"_s}));
}

void TestServerList::removeSelectedWhenSorted()
{
    auto window = showWindow();
    QVERIFY(window);
    ServerListModel *servers = window->serverModel();
    for (const auto &[name, address] : {std::pair{u"d"_s, u"10004"_s},
                                        {u"a"_s, u"10001"_s},
                                        {u"c"_s, u"10003"_s},
                                        {u"b"_s, u"10002"_s},
                                        {u"e"_s, u"10005"_s}})
        servers->addServer(name, address);
    QTreeView *view = window->serverPanel()->view();
    view->sortByColumn(ServerListModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(shownNames(view), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    GuiTest::clickRow(view, view->model()->index(1, 0));                    // b
    GuiTest::clickRow(view, view->model()->index(3, 0), Qt::ShiftModifier); // to d
    // More than one: the window asks first (issue 12, item 13). Cancel keeps them all.
    QString question;
    const auto answer = [&question](const char *button) {
        GuiTest::whenDialogOpens([&question, button](QDialog *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            question = box ? box->text() : QString();
            if (auto *choice = dialog->findChild<QAbstractButton *>(QString::fromLatin1(button)))
                choice->click();
            else
                dialog->reject();
        });
    };
    answer("noSuchButton"); // rejected, as Esc or Cancel would
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(question, u"Remove 3 servers from the list?"_s);
    QCOMPARE(shownNames(view), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    answer("removeButton");
    // The closed question gives the focus back to the list, as it does on a desktop.
    QApplication::setActiveWindow(window.get());
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(shownNames(view), (QStringList{u"a"_s, u"e"_s}));
    QCOMPARE(servers->rowOf(u"10001"_s), 0);
    QCOMPARE(servers->rowOf(u"10005"_s), 1);
    QCOMPARE(servers->rowOf(u"10003"_s), -1);
    QCOMPARE(QSettings().value(u"servers/size"_s).toInt(), 2);
}

void TestServerList::longNamesAreCut()
{
    ServerListModel model;
    const QString longName(5000, u'x');
    QCOMPARE(model.addServer(longName, u"10001"_s), 0);
    QCOMPARE(model.server(0).name.size(), ServerListModel::maxNameLength);
    QVERIFY(model.setData(model.index(0, ServerListModel::NameColumn), QString(3000, u'y')));
    QCOMPARE(model.server(0).name, QString(ServerListModel::maxNameLength, u'y'));
    // Never half of a surrogate pair.
    const QString emoji = QString(ServerListModel::maxNameLength - 1, u'z') + u"😀😀"_s;
    QCOMPARE(model.addServer(emoji, u"10002"_s), 1);
    QCOMPARE(model.server(1).name, QString(ServerListModel::maxNameLength - 1, u'z'));
    // The editors stop there too.
    AddServerDialog dialog;
    QCOMPARE(dialog.findChild<QLineEdit *>(u"nameEdit"_s)->maxLength(),
             ServerListModel::maxNameLength);
}

QTEST_MAIN(TestServerList)
#include "tst_gui_serverlist.moc"
