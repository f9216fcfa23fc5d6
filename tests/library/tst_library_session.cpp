// What the window restores and changes through the library, against real SQLite files: a
// download still in flight at quit comes back the next start as Interrupted with the bytes it
// had (a real slow server), the server list's last result per address, marks and removal of
// several poems at once, and the limits the library keeps itself within (favourites never go).

#include "librarytestsupport.h"
#include "poemjob.h"
#include "poemlibrary.h"
#include "poetryfetcher.h"
#include "testservers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using LibraryTest::record;
using LibraryTest::result;

namespace {

QList<qint64> ids(const QList<LibraryPoem> &poems)
{
    QList<qint64> list;
    for (const LibraryPoem &poem : poems)
        list.append(poem.id);
    return list;
}

} // namespace

class TestLibrarySession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_file = m_dir->filePath(u"library.sqlite"_s);
    }

    void aDownloadInFlightAtQuitComesBackInterrupted()
    {
        const QByteArray poem = "느린 시\n한 글자씩\n천천히 오는 눈\n"_ba;
        const QByteArray whole = "빠른 시\n"_ba;
        PoetryServer::Options slow = TestServers::options(poem);
        slow.bytesPerChunk = 4;
        slow.delay = std::chrono::milliseconds(200);
        const auto slowServer = TestServers::start(slow);
        const auto fastServer = TestServers::start(whole);
        QByteArray partial;
        {
            PoemLibrary library;
            library.open(m_file);
            PoetryFetcher fetcher;
            PoemJob *done = fetcher.fetch(fastServer->address());
            QSignalSpy finished(done, &PoemJob::finished);
            QVERIFY(finished.wait(10000));
            library.record(*done, u"Fast"_s);
            PoemJob *inFlight = fetcher.fetch(slowServer->address());
            QTRY_VERIFY_WITH_TIMEOUT(inFlight->bytesReceived() >= 4, 10000);
            QVERIFY(!inFlight->isFinished());
            // What the window does at quit: every unfinished download recorded as it is.
            library.record(*inFlight, u"Slow"_s);
            partial = inFlight->bytes();
            QCOMPARE(library.close(), 0);
        }
        PoemLibrary library;
        QCOMPARE(library.open(m_file).problem, PoemLibrary::Problem::None);
        const QList<LibraryFetch> last = result(library.lastSession());
        QCOMPARE(last.size(), 2);
        QCOMPARE(last[0].serverName, u"Fast"_s);
        QCOMPARE(last[0].outcome, LibraryOutcome::Poem);
        QCOMPARE(result(library.poem(last[0].poemId)), whole);
        QCOMPARE(last[1].serverName, u"Slow"_s);
        QCOMPARE(last[1].address, slowServer->address().toString());
        QCOMPARE(last[1].outcome, LibraryOutcome::Interrupted);
        QCOMPARE(last[1].bytesReceived, partial.size());
        QCOMPARE(result(library.poem(last[1].poemId)), partial);
        QVERIFY(last[1].trace && !last[1].trace->steps.isEmpty());
        // An interrupted download is no poem of the library, only a partial one.
        QCOMPARE(result(library.poemCount()), 1);
        // The server list's last result, per address, survives too.
        const QList<LibraryFetch> results = result(library.lastResults());
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[1].outcome, LibraryOutcome::Interrupted);
    }

    void theSessionAfterAnEmptyOneIsEmpty()
    {
        {
            PoemLibrary library;
            library.open(m_file);
            library.record(record("눈\n"_ba));
        }
        { // A start without a download: its session is the last one now.
            PoemLibrary library;
            library.open(m_file);
            QCOMPARE(result(library.lastSession()).size(), 1);
        }
        PoemLibrary library;
        library.open(m_file);
        QVERIFY(result(library.lastSession()).isEmpty());
        QCOMPARE(result(library.poemCount()), 1);
    }

    void marksAndRemovalOfSeveralPoems()
    {
        PoemLibrary library;
        library.open(m_file);
        for (int i = 0; i < 6; ++i)
            library.record(record(u"駅 %1\n"_s.arg(i).toUtf8()));
        const QList<qint64> all = ids(result(library.search({})));
        QCOMPARE(all.size(), 6);
        library.setRead(all.mid(0, 3), true);
        library.setFavourite(all.mid(2, 2), true);
        const QList<LibraryPoem> marked = result(library.search({}));
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(marked[i].read, i < 3);
            QCOMPARE(marked[i].favourite, i == 2 || i == 3);
        }
        library.setRead(all.mid(1, 1), false);
        QVERIFY(!result(library.poemInfo(all[1]))->read);

        library.remove({all[0], all[4], all[5]});
        QCOMPARE(ids(result(library.search({}))), (QList<qint64>{all[1], all[2], all[3]}));
        QCOMPARE(ids(result(library.search(u"駅"_s))), (QList<qint64>{all[1], all[2], all[3]}));
        QVERIFY(result(library.poem(all[4])).isEmpty());
        QCOMPARE(result(library.history()).size(), 6); // the downloads stay, without their poems
        library.close();

        PoemLibrary again;
        again.open(m_file);
        QCOMPARE(result(again.poemCount()), 3);
        QVERIFY(result(again.poemInfo(all[2]))->favourite);
    }

    void theLibraryKeepsWithinItsLimits()
    {
        PoemLibrary library;
        library.open(m_file);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 4; ++i) {
            LibraryRecord r = record(QByteArray(1000, char('a' + i)));
            r.ended = now.addDays(-10 + i);
            library.record(r);
        }
        const qint64 oldest = result(library.search(u"aaa"_s)).value(0).id;
        library.setFavourite(oldest, true);
        QVERIFY(library.limits().isUnlimited());
        // Setting the limits prunes at once: 3,000 bytes keep d and c, and the favourite a.
        library.setLimits({3000, {}});
        QCOMPARE(library.limits().maxBytes, 3000);
        QCOMPARE(result(library.poemCount()), 3);
        QVERIFY(result(library.search(u"bbb"_s)).isEmpty());
        // Every new download is kept within them: the oldest poem that is no favourite goes.
        library.record(record(QByteArray(1000, 'e')));
        QVERIFY(library.flush());
        QCOMPARE(result(library.poemCount()), 3);
        QVERIFY(result(library.search(u"ccc"_s)).isEmpty());
        QCOMPARE(result(library.search(u"aaa"_s)).size(), 1);
        QCOMPARE(result(library.search(u"eee"_s)).size(), 1);
        // Unlimited again: nothing more goes.
        library.setLimits({});
        for (char c : {'f', 'g'})
            library.record(record(QByteArray(1000, c)));
        QCOMPARE(result(library.poemCount()), 5);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestLibrarySession)
#include "tst_library_session.moc"
