// Hostile content: whatever a server sends (its poem, a partial poem), whatever a server is
// called and whatever a failure says is shown as the literal characters, never read as rich
// text, in every pane, cell, tooltip and dialog of the real window; NUL bytes and invalid UTF-8
// show as U+FFFD without cutting the text short.

#include "displayformat.h"
#include "downloadmodel.h"
#include "downloadspanel.h"
#include "failurepane.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "poempane.h"
#include "poetryserver.h"
#include "serverlistmodel.h"
#include "serverpanel.h"
#include "testservers.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 20'000;

// Markup of every kind a text might be mistaken for: tags, an image that would load, a link,
// an entity (which must stay "&amp;", not become "&") and a comment.
const QString hostile = u"<b>bold</b> <img src=x onerror=y> <a href=\"http://evil\">click</a> "
                        "&amp; &lt;i&gt; <!-- c --> <script>alert(1)</script>"_s;
const QString hostileName = u"<b>Evil</b> <img src=x onerror=y> &amp; <a href=\"http://evil\">"
                            "click</a>"_s;

QByteArray hostilePoem()
{
    return (u"First line: "_s + hostile + u"\n<h1>Not a heading</h1>\n<table><tr><td>cell"_s
            + u"</td></tr></table>\n&nbsp;&#65;&#x42;\nLast line.\n"_s)
            .toUtf8();
}

// What a tooltip shows: QToolTip's label is Qt::AutoText, rich text when Qt::mightBeRichText().
QString renderedToolTip(const QString &tip)
{
    if (!Qt::mightBeRichText(tip))
        return tip;
    QTextDocument document;
    document.setHtml(tip);
    return document.toPlainText();
}

// What a QLabel shows of its text.
QString renderedLabel(const QLabel *label)
{
    const bool rich = label->textFormat() == Qt::RichText
            || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    if (!rich)
        return label->text();
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText();
}

// Every label of the window that shows something that looks like markup must be plain text.
void checkEveryLabelIsPlain(QWidget *root)
{
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (!Qt::mightBeRichText(label->text()) && !label->text().contains(u'&'))
            continue;
        QVERIFY2(label->textFormat() == Qt::PlainText,
                 qPrintable(u"label %1 reads “%2” as rich text"_s.arg(label->objectName(),
                                                                      label->text())));
    }
}

constexpr auto resetFault = PoetryServer::Fault::ResetAfter;

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void poemAndServerNameShowLiterally();
    void partialPoemAndFailureShowLiterally();
    void failureMessagesShowLiterally();
    void nulAndInvalidUtf8ShowAsReplacement();
    void importErrorsShowLiterally();
    void saveDialogSuggestsSafeNameAndErrorIsPlain();

private:
    std::unique_ptr<MainWindow> showWindow();
    int fetchFrom(MainWindow &window, const QString &name, const Address &address);

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestHostile::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
}

void TestHostile::init()
{
    QSettings().clear();
    QSettings().setValue(u"servers/size"_s, 0); // not a first start
}

std::unique_ptr<MainWindow> TestHostile::showWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// Adds the server and fetches it; returns the downloads model's row, or -1.
int TestHostile::fetchFrom(MainWindow &window, const QString &name, const Address &address)
{
    const int serverRow = window.serverModel()->addServer(name, address.toString());
    if (serverRow < 0)
        return -1;
    GuiTest::clickRow(window.serverPanel()->view(),
                      window.serverModel()->index(serverRow, ServerListModel::NameColumn));
    const int before = window.downloadModel()->rowCount();
    window.fetchSelected();
    return window.downloadModel()->rowCount() == before + 1 ? before : -1;
}

void TestHostile::poemAndServerNameShowLiterally()
{
    const QByteArray poem = hostilePoem();
    auto server = TestServers::start(poem);
    auto window = showWindow();
    QVERIFY(window);
    const int row = fetchFrom(*window, hostileName, server->address());
    QVERIFY(row >= 0);
    DownloadModel *downloads = window->downloadModel();
    QTRY_COMPARE_WITH_TIMEOUT(downloads->download(row).state(), RequestState::Done, timeoutMs);
    window->downloadsPanel()->showRow(row);
    QCOMPARE(window->downloadsPanel()->details()->currentWidget(),
             window->downloadsPanel()->poemPane());

    // The poem pane: the text exactly, the name as the title, in plain text.
    QCOMPARE(window->downloadsPanel()->poemPane()->text(), QString::fromUtf8(poem));
    auto *title = window->downloadsPanel()->poemPane()->findChild<QLabel *>(u"poemTitle"_s);
    QVERIFY(title);
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QCOMPARE(renderedLabel(title), hostileName);
    auto *status = window->downloadsPanel()->poemPane()->findChild<QLabel *>(u"poemStatus"_s);
    QVERIFY(status);
    QCOMPARE(status->textFormat(), Qt::PlainText);
    QVERIFY(renderedToolTip(status->toolTip()).contains(server->address().toString()));

    // The downloads table: the cell and its tooltip.
    const QString address = server->address().toString();
    const QModelIndex cell = downloads->index(row, DownloadModel::ServerColumn);
    QCOMPARE(cell.data().toString(), hostileName);
    QCOMPARE(renderedToolTip(cell.data(Qt::ToolTipRole).toString()), hostileName + u'\n' + address);
    // The server list: name, address and result cells, and their tooltips.
    ServerListModel *servers = window->serverModel();
    const QModelIndex name = servers->index(0, ServerListModel::NameColumn);
    QCOMPARE(name.data().toString(), hostileName);
    QCOMPARE(renderedToolTip(name.data(Qt::ToolTipRole).toString()), hostileName);
    QCOMPARE(renderedToolTip(servers->index(0, ServerListModel::AddressColumn)
                                     .data(Qt::ToolTipRole)
                                     .toString()),
             address);
    QTRY_VERIFY(servers->index(0, ServerListModel::ResultColumn)
                        .data()
                        .toString()
                        .startsWith(u"Done"_s));

    // The window's title does not carry server text at all, and no label reads markup.
    QVERIFY(!window->windowTitle().contains(u'<'));
    checkEveryLabelIsPlain(window.get());
}

void TestHostile::partialPoemAndFailureShowLiterally()
{
    const QByteArray poem = hostilePoem();
    const qint64 cut = 60;
    auto server = TestServers::start(poem, resetFault, cut);
    auto window = showWindow();
    QVERIFY(window);
    const int row = fetchFrom(*window, hostileName, server->address());
    QVERIFY(row >= 0);
    DownloadModel *downloads = window->downloadModel();
    QTRY_COMPARE_WITH_TIMEOUT(downloads->download(row).state(), RequestState::Failed, timeoutMs);
    window->downloadsPanel()->showRow(row);
    FailurePane *pane = window->downloadsPanel()->failurePane();
    QCOMPARE(window->downloadsPanel()->details()->currentWidget(), pane);

    const QString partial = QString::fromUtf8(poem.first(cut));
    QVERIFY(partial.contains(u"<b>bold</b>"_s)); // the cut keeps some markup
    QVERIFY(pane->partialPoemView()->isVisibleTo(pane));
    QCOMPARE(pane->partialPoemView()->toPlainText(), partial);
    const QString address = server->address().toString();
    auto *serverLabel = pane->findChild<QLabel *>(u"failureServer"_s);
    QVERIFY(serverLabel);
    QCOMPARE(serverLabel->textFormat(), Qt::PlainText);
    QCOMPARE(renderedLabel(serverLabel), u"%1 (%2)"_s.arg(hostileName, address));
    // "Copy Details" copies the literal text: the name and the partial poem, unescaped.
    QVERIFY2(pane->detailsText().contains(hostileName), qPrintable(pane->detailsText()));
    QVERIFY2(pane->detailsText().contains(partial), qPrintable(pane->detailsText()));
    // The state cell's tooltip is the failure, shown literally.
    const Failure failure = *downloads->download(row).failure();
    QCOMPARE(renderedToolTip(downloads->index(row, DownloadModel::StateColumn)
                                     .data(Qt::ToolTipRole)
                                     .toString()),
             failure.typeName() + u": " + failure.errorMessage());
    checkEveryLabelIsPlain(window.get());
}

void TestHostile::failureMessagesShowLiterally()
{
    // The core's messages carry addresses and the system's words; test them with markup in
    // every field the failure pane shows, and a partial poem too.
    auto window = showWindow();
    QVERIFY(window);
    Failure failure(Failure::Kind::NetworkError, hostile);
    failure.setSystemError(71, hostile);
    failure.setAddress(hostileName);
    failure.setPartialPoem(Poem(hostilePoem(), Address(u"127.0.0.1"_s, 1)));
    FailurePane *pane = window->downloadsPanel()->failurePane();
    pane->showFailure(4242, failure, hostileName, u"127.0.0.1:1"_s, QDateTime::currentDateTime(),
                      1500);

    const auto label = [pane](const char *name) {
        return pane->findChild<QLabel *>(QString::fromLatin1(name));
    };
    QVERIFY(label("failureMessage"));
    QCOMPARE(label("failureMessage")->textFormat(), Qt::PlainText);
    QVERIFY2(renderedLabel(label("failureMessage")).contains(hostile),
             qPrintable(label("failureMessage")->text()));
    QCOMPARE(label("failureSystemError")->textFormat(), Qt::PlainText);
    QVERIFY(renderedLabel(label("failureSystemError")).contains(hostile));
    QCOMPARE(renderedLabel(label("failureServer")), u"%1 (127.0.0.1:1)"_s.arg(hostileName));
    QVERIFY(pane->tracebackView()->toPlainText().contains(hostile));
    QCOMPARE(pane->partialPoemView()->toPlainText(), QString::fromUtf8(hostilePoem()));
    const QString details = pane->detailsText();
    QVERIFY(details.contains(hostile));
    QVERIFY(details.contains(hostileName));
    QVERIFY(!details.contains(u"&lt;b&gt;"_s)); // plain text for the clipboard, not escaped
    // The group box titles are plain text by nature; the labels must be too.
    checkEveryLabelIsPlain(pane);
}

void TestHostile::nulAndInvalidUtf8ShowAsReplacement()
{
    // NUL bytes in the middle, invalid and truncated UTF-8, noncharacters that QTextDocument
    // uses internally (U+FDD0, U+FDD1), and text after all of them that must still be there.
    QByteArray poem = "before NUL\n";
    poem += QByteArray("a\0b\0\0c\n", 7);
    poem += "invalid: \xff\xfe \xc3\x28 \xe2\x82 end\n";
    poem += "frame markers: \xef\xb7\x90 \xef\xb7\x91 \xef\xb7\xaf\n";
    poem += "<b>still plain</b> 끝 — the last line.\n";
    QString expected = QString::fromUtf8(poem);
    for (QChar &c : expected) {
        if (c.unicode() == 0 || (c.unicode() >= 0xFDD0 && c.unicode() <= 0xFDEF))
            c = QChar::ReplacementCharacter;
    }
    QVERIFY(expected.endsWith(u"the last line.\n"_s));
    QCOMPARE(DisplayFormat::displayText(QString::fromUtf8(poem)), expected);

    auto server = TestServers::start(poem);
    auto window = showWindow();
    QVERIFY(window);
    const int row = fetchFrom(*window, u"NUL"_s, server->address());
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadModel()->download(row).state(), RequestState::Done,
                              timeoutMs);
    window->downloadsPanel()->showRow(row);
    const QString shown = window->downloadsPanel()->poemPane()->text();
    QCOMPARE(shown.size(), expected.size()); // nothing cut at the first NUL
    QCOMPARE(shown, expected);
    QCOMPARE(shown.count(QChar(u'\0')), 0);
    auto *status = window->downloadsPanel()->poemPane()->findChild<QLabel *>(u"poemStatus"_s);
    QVERIFY(status->text().contains(u"UTF-8"_s));
    // The saved and copied poem stays the bytes as sent: only the display replaces.
    QCOMPARE(window->downloadModel()->download(row).bytes(), poem);

    // The same bytes as a partial poem in the failure pane.
    auto cutServer = TestServers::start(poem + poem, resetFault, poem.size());
    const int failedRow = fetchFrom(*window, u"NUL, cut"_s, cutServer->address());
    QVERIFY(failedRow >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadModel()->download(failedRow).state(),
                              RequestState::Failed, timeoutMs);
    window->downloadsPanel()->showRow(failedRow);
    QCOMPARE(window->downloadsPanel()->failurePane()->partialPoemView()->toPlainText(), expected);
    QVERIFY(window->downloadsPanel()->failurePane()->detailsText().contains(expected));
}

void TestHostile::importErrorsShowLiterally()
{
    auto window = showWindow();
    QVERIFY(window);
    bool checked = false;
    GuiTest::whenDialogOpens([&checked](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        QVERIFY(box);
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY2(box->detailedText().contains(u"<b>bold</b>"_s), qPrintable(box->detailedText()));
        checked = true;
        box->accept();
    });
    window->importText(u"<b>bold</b>\n<img src=x onerror=y>\n"_s);
    QVERIFY(checked);
}

void TestHostile::saveDialogSuggestsSafeNameAndErrorIsPlain()
{
    auto server = TestServers::start("a poem\n");
    auto window = showWindow();
    QVERIFY(window);
    const int row = fetchFrom(*window, u"../../<b>evil</b>/etc/passwd"_s, server->address());
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(window->downloadModel()->download(row).state(), RequestState::Done,
                              timeoutMs);
    window->downloadsPanel()->showRow(row);

    // A file whose parent is a file, not a folder: saving must fail, and say where, literally.
    QTemporaryDir directory;
    const QString blocker = directory.filePath(u"<i>not a folder<i> &amp;"_s);
    QFile blockerFile(blocker);
    QVERIFY(blockerFile.open(QIODevice::WriteOnly));
    blockerFile.close();
    const QString target = blocker + u"/poem.txt"_s;

    QString suggested;
    QString errorText;
    Qt::TextFormat errorFormat = Qt::AutoText;
    GuiTest::whenDialogOpens([&](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        QVERIFY(files);
        suggested = files->selectedFiles().value(0);
        GuiTest::whenDialogOpens([&](QDialog *next) {
            auto *box = qobject_cast<QMessageBox *>(next);
            QVERIFY(box);
            errorText = box->text();
            errorFormat = box->textFormat();
            box->accept();
        });
        QVERIFY(GuiTest::chooseFile(files, target));
        dialog->accept();
    });
    window->savePoem();
    // The suggested name is made of the name's letters and digits: no folder, no markup.
    const QString suggestedName = QFileInfo(suggested).fileName();
    QCOMPARE(suggestedName, u"b-evil-b-etc-passwd.txt"_s);
    QVERIFY(!suggested.contains(u".."_s));
    QTRY_VERIFY(!errorText.isEmpty());
    QCOMPARE(errorFormat, Qt::PlainText);
    QVERIFY2(errorText.contains(u"<i>not a folder<i> &amp;"_s), qPrintable(errorText));
}

QTEST_MAIN(TestHostile)
#include "tst_gui_hostile.moc"
