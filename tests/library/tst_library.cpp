// The poem library against real SQLite files: what is recorded comes back exactly (bytes, the
// download's fields, its trace), a poem fetched many times is stored once, searches find Korean
// and Japanese inside words (one and two characters by a scan, three and more by the trigram
// index), marks, removal, history, limits, sessions, and records taken from real jobs.

#include "librarytestsupport.h"
#include "poemjob.h"
#include "poemlibrary.h"
#include "poetryfetcher.h"
#include "testservers.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using LibraryTest::record;
using LibraryTest::result;

namespace {

const QByteArray koreanPoem = "첫눈이 내리는 밤\n당신의 창가에\n하얀 눈이 쌓이고\n"_ba;
const QByteArray japanesePoem = "東京駅の朝\n人の波が\n静かに流れる\n"_ba;
const QByteArray japanesePoem2 = "雪国の小さな駅で\n汽車を待つ\n"_ba;
const QByteArray englishPoem = "The Rain\n\nIt rains on the 100% wet_field.\n"_ba;

// Counts rows through a connection of the test's own, after the library is closed.
qint64 countRows(const QString &fileName, const QString &sql)
{
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        db.setDatabaseName(fileName);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                count = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"count"_s);
    return count;
}

QStringList titles(const QList<LibraryPoem> &poems)
{
    QStringList list;
    for (const LibraryPoem &poem : poems)
        list.append(poem.title);
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_file = m_dir->filePath(u"data/library.sqlite"_s);
    }

    void recordsComeBackExactly()
    {
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(m_file);
        QCOMPARE(opened.problem, PoemLibrary::Problem::None);
        QVERIFY(opened.persistent);
        QVERIFY(opened.created);
        QVERIFY(opened.message().isEmpty());
        QVERIFY(library.isPersistent());
        QVERIFY(library.hasTrigramIndex());

        const QByteArray invalid = "Caf\xc3 au lait\n\x00\xff tail"_ba;
        const LibraryRecord sent = record(invalid, u"[::1]:10003"_s);
        library.record(sent);
        // Read after write: the search sees what was queued before it, flushed or not.
        const QList<LibraryPoem> poems = result(library.search({}));
        QCOMPARE(poems.size(), 1);
        QCOMPARE(poems[0].title, LibraryPoem::titleOf(invalid));
        QCOMPARE(poems[0].size, invalid.size());
        QCOMPARE(poems[0].address, u"[::1]:10003"_s);
        QCOMPARE(poems[0].fetchCount, 1);
        QVERIFY(!poems[0].read);
        QCOMPARE(result(library.poem(poems[0].id)), invalid);

        const QList<LibraryFetch> history = result(library.history());
        QCOMPARE(history.size(), 1);
        const LibraryFetch &fetch = history[0];
        QCOMPARE(fetch.poemId, poems[0].id);
        QCOMPARE(fetch.serverName, sent.serverName);
        QCOMPARE(fetch.connectedAddress, sent.connectedAddress);
        QCOMPARE(fetch.started.toMSecsSinceEpoch(), sent.started.toMSecsSinceEpoch());
        QCOMPARE(fetch.ended.toMSecsSinceEpoch(), sent.ended.toMSecsSinceEpoch());
        QCOMPARE(fetch.outcome, LibraryOutcome::Poem);
        QCOMPARE(fetch.bytesReceived, invalid.size());
        QVERIFY2(fetch.trace.has_value(), qPrintable(fetch.traceError));
        QVERIFY(*fetch.trace == sent.trace);
        QCOMPARE(fetch.trace->stepLines().value(1), u"+0.001 s  connected"_s);
        library.close();

        // And after a restart.
        PoemLibrary again;
        QCOMPARE(again.open(m_file).problem, PoemLibrary::Problem::None);
        QCOMPARE(result(again.poemCount()), 1);
        QCOMPARE(result(again.poem(poems[0].id)), invalid);
    }

    void aPoemFetchedManyTimesIsStoredOnce()
    {
        {
            PoemLibrary library;
            library.open(m_file);
            for (int i = 0; i < 5; ++i)
                library.record(record(koreanPoem, i % 2 ? u"a:1"_s : u"b:2"_s));
            library.record(record(japanesePoem));
            QVERIFY(library.flush());
            const QList<LibraryPoem> poems = result(library.search(u"첫눈"_s));
            QCOMPARE(poems.size(), 1);
            QCOMPARE(poems[0].fetchCount, 5);
            QCOMPARE(poems[0].address, u"b:2"_s); // the latest
            QCOMPARE(result(library.history()).size(), 6);
            QCOMPARE(result(library.lastResults()).size(), 3);
        }
        QCOMPARE(countRows(m_file, u"SELECT count(*) FROM poems"_s), 2);
        QCOMPARE(countRows(m_file, u"SELECT count(DISTINCT poem_id) FROM fetches"_s), 2);
        QCOMPARE(countRows(m_file, u"SELECT count(*) FROM fetches"_s), 6);
        // WAL mode.
        QCOMPARE(countRows(m_file,
                           u"SELECT count(*) FROM pragma_journal_mode "
                           "WHERE journal_mode = 'wal'"_s),
                 1);
    }

    void searchFindsKoreanAndJapaneseInsideWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString korean = u"첫눈이 내리는 밤"_s;
        const QString tokyo = u"東京駅の朝"_s;
        const QString snow = u"雪国の小さな駅で"_s;
        const QString rain = u"The Rain"_s;
        // One and two characters: the scan.
        QTest::newRow("눈") << u"눈"_s << QStringList{korean};
        QTest::newRow("駅") << u"駅"_s << QStringList{snow, tokyo};
        QTest::newRow("눈이") << u"눈이"_s << QStringList{korean};
        QTest::newRow("京駅") << u"京駅"_s << QStringList{tokyo};
        // Three and more: the trigram index.
        QTest::newRow("하얀 눈") << u"하얀 눈"_s << QStringList{korean};
        QTest::newRow("東京駅") << u"東京駅"_s << QStringList{tokyo};
        QTest::newRow("小さな駅") << u"小さな駅"_s << QStringList{snow};
        QTest::newRow("rains (any case)") << u"RAINS"_s << QStringList{rain};
        QTest::newRow("words anywhere") << u"駅 汽車"_s << QStringList{snow};
        QTest::newRow("no match") << u"바다"_s << QStringList{};
        QTest::newRow("% is a character") << u"%"_s << QStringList{rain};
        QTest::newRow("_ is a character") << u"t_f"_s << QStringList{rain};
        QTest::newRow("quotes") << u"\"rain"_s << QStringList{};
        QTest::newRow("FTS syntax is text") << u"rain OR 駅"_s << QStringList{};
        QTest::newRow("empty: every poem") << u"  "_s << QStringList{korean, rain, snow, tokyo};
    }

    void searchFindsKoreanAndJapaneseInsideWords()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        PoemLibrary library;
        library.open(m_file);
        for (const QByteArray &poem : {koreanPoem, japanesePoem, japanesePoem2, englishPoem})
            library.record(record(poem));
        // A failure's partial poem is not in the library.
        library.record(record("東京駅の朝\n人"_ba, u"x:1"_s, LibraryOutcome::Failure));
        std::sort(expected.begin(), expected.end());
        QCOMPARE(titles(result(library.search(text))), expected);
    }

    void partialPoemsOfFailures()
    {
        PoemLibrary library;
        library.open(m_file);
        library.record(record("첫눈이 내"_ba, u"x:1"_s, LibraryOutcome::Failure));
        library.record(record({}, u"y:1"_s, LibraryOutcome::Failure));
        const QList<LibraryFetch> history = result(library.history());
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].poemId, 0); // no bytes, no poem
        QCOMPARE(history[1].failureType, u"ConnectionLost"_s);
        QCOMPARE(history[1].systemErrorCode, 104);
        QCOMPARE(result(library.poem(history[1].poemId)), "첫눈이 내"_ba);
        QCOMPARE(result(library.poemCount()), 0);
        // The same bytes whole later: in the library from then on.
        library.record(record("첫눈이 내"_ba));
        QCOMPARE(result(library.search(u"눈"_s)).size(), 1);
    }

    void marksRemovalAndHistory()
    {
        PoemLibrary library;
        library.open(m_file);
        library.record(record(koreanPoem));
        library.record(record(japanesePoem));
        library.record(record("부분"_ba, u"x:1"_s, LibraryOutcome::Failure));
        const QList<LibraryPoem> poems = result(library.search(u"첫눈"_s));
        QCOMPARE(poems.size(), 1);
        const qint64 korean = poems[0].id;
        library.setRead(korean, true);
        library.setFavourite(korean, true);
        const auto info = result(library.poemInfo(korean));
        QVERIFY(info && info->read && info->favourite);

        const qint64 tokyo = result(library.search(u"東京"_s)).value(0).id;
        library.remove(tokyo);
        QVERIFY(result(library.search(u"東京"_s)).isEmpty());
        QVERIFY(result(library.poem(tokyo)).isEmpty());
        // The download is still in the history, without its poem.
        QCOMPARE(result(library.history()).size(), 3);
        QCOMPARE(result(library.history())[1].poemId, 0);

        library.clearHistory();
        QVERIFY(result(library.history()).isEmpty());
        QVERIFY(result(library.lastResults()).isEmpty());
        QCOMPARE(result(library.poemCount()), 1); // the poems stay
        QVERIFY(library.flush());
        library.close();
        QCOMPARE(countRows(m_file, u"SELECT count(*) FROM poems"_s), 1); // partial one gone
    }

    void pruneKeepsFavouritesAndTheNewest()
    {
        PoemLibrary library;
        library.open(m_file);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 10; ++i) {
            LibraryRecord r = record(QByteArray(1000, char('a' + i)));
            r.ended = now.addDays(-10 + i);
            library.record(r);
        }
        const qint64 oldest = result(library.search(u"aaa"_s)).value(0).id;
        library.setFavourite(oldest, true);
        // At most 5,000 bytes: the five newest, and the favourite beyond the limit.
        QCOMPARE(result(library.prune({5000, {}})), 5);
        QCOMPARE(result(library.poemCount()), 5);
        QCOMPARE(result(library.search(u"aaa"_s)).size(), 1);
        QCOMPARE(result(library.search(u"jjj"_s)).size(), 1);
        QCOMPARE(result(library.search(u"eee"_s)).size(), 0);
        // Nothing older than two days, but the favourite: g, h and i (two days and a little) go.
        QCOMPARE(result(library.prune({0, std::chrono::hours(48)})), 3);
        const QList<LibraryPoem> left = result(library.search({}));
        QCOMPARE(left.size(), 2);
        QCOMPARE(left[0].title.left(3), u"jjj"_s);
        QCOMPARE(left[1].id, oldest);
    }

    void lastSessionAndLastResults()
    {
        {
            PoemLibrary library;
            library.open(m_file);
            QVERIFY(result(library.lastSession()).isEmpty());
            library.record(record(koreanPoem, u"a:1"_s));
            library.record(record("東京"_ba, u"b:2"_s, LibraryOutcome::Interrupted));
        }
        PoemLibrary library;
        library.open(m_file);
        library.record(record(japanesePoem, u"b:2"_s));
        const QList<LibraryFetch> last = result(library.lastSession());
        QCOMPARE(last.size(), 2);
        QCOMPARE(last[0].address, u"a:1"_s);
        QCOMPARE(last[1].outcome, LibraryOutcome::Interrupted);
        QCOMPARE(result(library.poem(last[1].poemId)), "東京"_ba);
        const QList<LibraryFetch> results = result(library.lastResults());
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[1].address, u"b:2"_s);
        QCOMPARE(results[1].outcome, LibraryOutcome::Poem);
    }

    void recordsTakenFromRealJobs()
    {
        const auto server = TestServers::start(koreanPoem);
        const auto refused
                = TestServers::start(TestServers::options({}, PoetryServer::Fault::Refuse));
        PoemLibrary library;
        library.open(m_file);
        PoetryFetcher fetcher;
        int finished = 0;
        for (const Address &address : {server->address(), refused->address()}) {
            PoemJob *job = fetcher.fetch(address);
            connect(job, &PoemJob::finished, this, [&](PoemJob *done) {
                library.record(*done, u"Demo"_s);
                ++finished;
            });
        }
        QTRY_COMPARE(finished, 2);
        const QList<LibraryFetch> history = result(library.history());
        QCOMPARE(history.size(), 2);
        for (const LibraryFetch &fetch : history) {
            QCOMPARE(fetch.serverName, u"Demo"_s);
            QVERIFY(fetch.trace && !fetch.trace->steps.isEmpty());
            QVERIFY(fetch.trace->phases.total.has_value());
            QVERIFY(fetch.started <= fetch.ended);
            if (fetch.address == server->address().toString()) {
                QCOMPARE(fetch.outcome, LibraryOutcome::Poem);
                QCOMPARE(fetch.connectedAddress, server->address().toString());
                QCOMPARE(result(library.poem(fetch.poemId)), koreanPoem);
            } else {
                QCOMPARE(fetch.outcome, LibraryOutcome::Failure);
                QCOMPARE(fetch.failureType, u"ConnectionRefusedError"_s);
                QCOMPARE(fetch.systemErrorCode, 111);
            }
        }
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
