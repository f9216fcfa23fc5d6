// The Library view driven offscreen against real SQLite files in a temporary folder: recorded
// poems fill the table (under QAbstractItemModelTester), typing searches as you type, Korean
// "눈" and Japanese "駅" found inside words, an older keystroke's results never shown, new poems
// appearing with the selection kept, a poem opened after a restart with no server anywhere,
// the favourite and read marks, Remove, and Clear History after its confirmation.

#include "../library/librarytestsupport.h"
#include "displayformat.h"
#include "guitestsupport.h"
#include "librarymodel.h"
#include "libraryrestore.h"
#include "libraryview.h"
#include "poemlibrary.h"
#include "poemview.h"
#include "serverlistmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QInputMethodEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;
using LibraryTest::result;

namespace {

const QByteArray korean = "첫눈이 내리는 밤\n당신의 창가에\n하얀 눈이 쌓이고\n"_ba;
const QByteArray tokyo = "東京駅の朝\n人の波が\n静かに流れる\n"_ba;
const QByteArray snowCountry = "\n  雪国の小さな駅で\n汽車を待つ\n"_ba;
const QByteArray english = "The Rain\n\nIt rains on the field.\n"_ba;

// A download as the window records it; the address is of no server at all.
LibraryRecord download(const QByteArray &bytes, int minutesAgo = 0)
{
    LibraryRecord record = LibraryTest::record(bytes, u"127.0.0.1:1"_s);
    record.ended = record.ended.addSecs(-60 * minutesAgo);
    record.started = record.ended.addMSecs(-10);
    return record;
}

QStringList titles(const LibraryModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, LibraryModel::TitleColumn).data().toString());
    return list;
}

// Types as a user does: ASCII by keys, Korean and Japanese committed by the input method, one
// character (one keystroke's search) at a time.
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, c.toLatin1());
        } else {
            QInputMethodEvent event;
            event.setCommitString(QString(c));
            QApplication::sendEvent(widget, &event);
        }
    }
}

void search(LibraryView &view, const QString &text)
{
    view.searchField()->clear();
    type(view.searchField(), text);
    QCOMPARE(view.searchField()->text(), text);
}

} // namespace

class TestGuiLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_file = m_dir->filePath(u"library.sqlite"_s);
    }

    void typingSearchesKoreanAndJapaneseInsideWords()
    {
        PoemLibrary library;
        QCOMPARE(library.open(m_file).problem, PoemLibrary::Problem::None);
        library.record(download(korean, 4));
        library.record(download(tokyo, 3));
        library.record(download(snowCountry, 2));
        library.record(download(english, 1));
        LibraryView view(&library);
        QAbstractItemModelTester tester(view.model());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.model()->rowCount(), 4);
        QCOMPARE(titles(*view.model()),
                 (QStringList{u"The Rain"_s, u"雪国の小さな駅で"_s, u"東京駅の朝"_s,
                              u"첫눈이 내리는 밤"_s}));
        const QModelIndex first = view.model()->index(0, LibraryModel::ServerColumn);
        QCOMPARE(first.data().toString(), u"Server 127.0.0.1:1"_s);
        QVERIFY(!view.model()->index(0, LibraryModel::SizeColumn).data().toString().isEmpty());
        QCOMPARE(view.model()->index(0, LibraryModel::ReadColumn).data(Qt::CheckStateRole),
                 QVariant(Qt::Unchecked));

        search(view, u"눈"_s);
        QTRY_VERIFY(view.model()->isUpToDate() && view.model()->rowCount() == 1);
        QCOMPARE(titles(*view.model()), QStringList{u"첫눈이 내리는 밤"_s});
        search(view, u"駅"_s);
        QTRY_VERIFY(view.model()->isUpToDate() && view.model()->rowCount() == 2);
        QCOMPARE(titles(*view.model()), (QStringList{u"雪国の小さな駅で"_s, u"東京駅の朝"_s}));
        search(view, u"東京駅"_s); // three characters: the trigram index
        QTRY_VERIFY(view.model()->isUpToDate() && view.model()->rowCount() == 1);
        QCOMPARE(titles(*view.model()), QStringList{u"東京駅の朝"_s});
        // Down goes from the search field to the first poem found, and opens it.
        QSignalSpy opened(&view, &LibraryView::poemOpened);
        QTest::keyClick(view.searchField(), Qt::Key_Down);
        QVERIFY(opened.wait(10000) || opened.size() == 1);
        QCOMPARE(view.poemView()->text(), QString::fromUtf8(tokyo));
        search(view, u"비"_s);
        QTRY_VERIFY(view.model()->isUpToDate() && view.model()->rowCount() == 0);
        search(view, {});
        QTRY_VERIFY(view.model()->isUpToDate() && view.model()->rowCount() == 4);
    }

    void anOlderKeystrokesResultsAreNeverShown()
    {
        PoemLibrary library;
        library.open(m_file);
        for (const QByteArray &poem : {korean, tokyo, snowCountry, english})
            library.record(download(poem));
        QVERIFY(library.flush());
        LibraryView view(&library);
        QAbstractItemModelTester tester(view.model());
        QStringList everShown;
        connect(view.model(), &QAbstractItemModel::rowsInserted, this,
                [&] { everShown += titles(*view.model()); });
        // At once, before the first list (of every poem) is back: each keystroke is newer.
        type(view.searchField(), u"눈 밤"_s);
        QTRY_VERIFY(view.model()->isUpToDate());
        QCOMPARE(titles(*view.model()), QStringList{u"첫눈이 내리는 밤"_s});
        everShown.removeDuplicates();
        QCOMPARE(everShown, QStringList{u"첫눈이 내리는 밤"_s});
    }

    void newPoemsAppearWithTheSelectionKept()
    {
        PoemLibrary library;
        library.open(m_file);
        library.record(download(korean, 4));
        library.record(download(tokyo, 3));
        LibraryView view(&library);
        QAbstractItemModelTester tester(view.model());
        view.show();
        QTRY_COMPARE(view.model()->rowCount(), 2);
        const qint64 koreanId = view.model()->poem(1).id;
        QVERIFY(view.selectPoem(koreanId));
        library.record(download(english, 1));
        library.record(download(korean)); // fetched again: it moves to the top
        QTRY_VERIFY(view.model()->isUpToDate() && view.model()->rowCount() == 3);
        QTRY_COMPARE(view.model()->poem(0).id, koreanId);
        QCOMPARE(view.model()->poem(1).title, u"The Rain"_s);
        const QModelIndex current = view.table()->selectionModel()->currentIndex();
        QCOMPARE(current.data(LibraryModel::PoemIdRole).toLongLong(), koreanId);
        QCOMPARE(view.table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view.openPoemId(), koreanId);
    }

    // The merge of a new result into the rows, against the library's own list after each of many
    // random rounds of new poems, poems fetched again (they move to the top) and removals.
    void theRowsFollowTheLibraryThroughRandomChanges()
    {
        PoemLibrary library;
        library.open(m_file);
        LibraryView view(&library);
        QAbstractItemModelTester tester(view.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(view.model()->isUpToDate());
        quint32 seed = 20261203;
        const auto next = [&seed](quint32 range) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % range;
        };
        int made = 0;
        for (int round = 0; round < 25; ++round) {
            const int rows = view.model()->rowCount();
            if (rows > 0)
                QVERIFY(view.selectPoem(view.model()->poem(int(next(quint32(rows)))).id));
            for (quint32 i = next(4); i > 0; --i)
                library.record(download(u"눈 %1\n"_s.arg(made++).toUtf8()));
            for (quint32 i = rows > 0 ? next(3) : 0; i > 0; --i) { // fetched again
                const int row = int(next(quint32(rows)));
                library.record(
                        download(u"눈 %1\n"_s.arg(view.model()->poem(row).title.mid(2)).toUtf8()));
            }
            if (rows > 2 && next(2) == 0)
                view.model()->remove({view.model()->poem(int(next(quint32(rows)))).id});
            const qint64 selected = view.openPoemId();
            QVERIFY(library.flush());
            view.model()->refresh();
            QTRY_VERIFY(view.model()->isUpToDate());
            const QList<LibraryPoem> expected = result(library.search({}, LibraryModel::maxRows));
            QCOMPARE(view.model()->rowCount(), int(expected.size()));
            for (int row = 0; row < int(expected.size()); ++row)
                QCOMPARE(view.model()->poem(row), expected[row]);
            // The selection stays on its poem, wherever the poem moved.
            if (selected != 0 && view.model()->rowOf(selected) >= 0) {
                const QModelIndex current = view.table()->selectionModel()->currentIndex();
                QCOMPARE(current.data(LibraryModel::PoemIdRole).toLongLong(), selected);
            }
        }
        QVERIFY(made > 10);
    }

    void aPoemOpensAfterARestartWithNoNetwork()
    {
        {
            PoemLibrary library;
            library.open(m_file);
            library.record(download(snowCountry));
        }
        PoemLibrary library;
        library.open(m_file);
        LibraryView view(&library);
        view.show();
        QTRY_COMPARE(view.model()->rowCount(), 1);
        const qint64 id = view.model()->poem(0).id;
        QSignalSpy opened(&view, &LibraryView::poemOpened);
        QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {},
                          view.table()->visualRect(view.model()->index(0, 0)).center());
        QVERIFY(opened.wait(10000) || opened.size() == 1);
        QCOMPARE(opened.first().first().toLongLong(), id);
        QCOMPARE(view.poemView()->text(), QString::fromUtf8(snowCountry));
        // Opened is read: in the row at once, in the file after the batch.
        QVERIFY(view.model()->poem(0).read);
        QVERIFY(view.readAction()->isChecked());
        QVERIFY(library.flush());
        QVERIFY(result(library.poemInfo(id))->read);
    }

    void marksRemoveAndClearHistory()
    {
        PoemLibrary library;
        library.open(m_file);
        library.record(download(korean, 2));
        library.record(download(tokyo, 1));
        LibraryView view(&library);
        view.show();
        QTRY_COMPARE(view.model()->rowCount(), 2);
        QVERIFY(!view.removeAction()->isEnabled());
        const qint64 tokyoId = view.model()->poem(0).id;
        const qint64 koreanId = view.model()->poem(1).id;
        QSignalSpy opened(&view, &LibraryView::poemOpened);
        QVERIFY(view.selectPoem(koreanId));
        QVERIFY(opened.wait(10000) || opened.size() == 1);
        QVERIFY(view.removeAction()->isEnabled());

        view.favouriteAction()->trigger();
        QVERIFY(view.model()->poem(1).favourite);
        QVERIFY(view.readAction()->isChecked());
        view.readAction()->trigger(); // unread again
        QVERIFY(!view.model()->poem(1).read);
        QVERIFY(library.flush());
        auto info = result(library.poemInfo(koreanId));
        QVERIFY(info && info->favourite && !info->read);

        QVERIFY(view.selectPoem(tokyoId));
        view.removeAction()->trigger();
        QCOMPARE(view.model()->rowCount(), 1);
        QTRY_VERIFY(view.model()->isUpToDate());
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(result(library.search(u"東京"_s)).isEmpty());
        QCOMPARE(result(library.poemCount()), 1);

        // Clear History asks first: Cancel keeps everything.
        QSignalSpy cleared(&view, &LibraryView::historyCleared);
        QString question;
        GuiTest::whenDialogOpens([&](QDialog *dialog) {
            question = static_cast<QMessageBox *>(dialog)->text();
            dialog->reject();
        });
        view.clearHistoryAction()->trigger();
        QVERIFY(!question.isEmpty());
        QCOMPARE(cleared.size(), 0);
        QCOMPARE(result(library.history()).size(), 2);
        GuiTest::whenDialogOpens([&](QDialog *dialog) {
            for (auto *button : dialog->findChildren<QPushButton *>()) {
                if (button->text() == view.clearHistoryAction()->text().remove(u'…'))
                    button->click();
            }
        });
        view.clearHistoryAction()->trigger();
        QCOMPARE(cleared.size(), 1);
        QVERIFY(result(library.history()).isEmpty());
        QCOMPARE(result(library.poemCount()), 1); // the poems stay
        QTRY_VERIFY(view.model()->isUpToDate());
        QCOMPARE(view.model()->rowCount(), 1);
    }

    void theServerListsLastResultsAreRestored()
    {
        {
            PoemLibrary library;
            library.open(m_file);
            library.record(LibraryTest::record("눈\n"_ba, u"127.0.0.1:10001"_s));
            library.record(LibraryTest::record({}, u"127.0.0.1:10002"_s, LibraryOutcome::Failure));
            library.record(LibraryTest::record("駅"_ba, u"127.0.0.1:10003"_s,
                                               LibraryOutcome::Interrupted));
            library.record(LibraryTest::record("x"_ba, u"127.0.0.1:10009"_s)); // not listed
        }
        PoemLibrary library;
        library.open(m_file);
        ServerListModel servers;
        for (const char *address : {"127.0.0.1:10001", "127.0.0.1:10002", "127.0.0.1:10003"})
            QVERIFY(servers.addServer({}, QString::fromLatin1(address)) >= 0);
        LibraryRestore::restoreLastResults(&library, &servers);
        QTRY_VERIFY(servers.server(2).lastState.has_value());
        QCOMPARE(*servers.server(0).lastState, RequestState::Done);
        QCOMPARE(servers.server(0).lastResult,
                 LibraryRestore::tr("Done · %1").arg(DisplayFormat::bytes(4)));
        QCOMPARE(*servers.server(1).lastState, RequestState::Failed);
        QCOMPARE(servers.server(1).lastResult, u"ConnectionLost"_s);
        QCOMPARE(*servers.server(2).lastState, RequestState::Cancelled);
        QCOMPARE(servers.server(2).lastResult, LibraryRestore::tr("Interrupted"));
        QCOMPARE(servers.rowCount(), 3);
    }

    void aViewMadeBeforeOpenShowsTheFile()
    {
        {
            PoemLibrary library;
            library.open(m_file);
            library.record(download(korean));
        }
        PoemLibrary library;
        LibraryView view(&library);
        QTRY_VERIFY(view.model()->isUpToDate());
        QCOMPARE(view.model()->rowCount(), 0);
        library.open(m_file);
        QTRY_COMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->poem(0).title, u"첫눈이 내리는 밤"_s);
    }

    void everyControlHasAnAccessibleName()
    {
        PoemLibrary library;
        library.open(m_file);
        LibraryView view(&library);
        view.show();
        QTRY_VERIFY(view.model()->isUpToDate());
        for (QWidget *widget :
             std::initializer_list<QWidget *>{view.searchField(), view.table(), view.poemView(),
                                              view.findChild<QToolBar *>()})
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        for (QAction *action : {view.favouriteAction(), view.readAction(), view.removeAction(),
                                view.clearHistoryAction()})
            QVERIFY(!action->text().isEmpty());
        QVERIFY(view.findChild<QLabel *>()->text().contains(u"No poems yet"_s));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_MAIN(TestGuiLibrary)
#include "tst_gui_library.moc"
