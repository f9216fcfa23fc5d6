// The library's schema and its migrations: a file of every older version, built here by hand
// with that version's own statements (written out again below, not taken from the library), is
// migrated to the current one with its poems searchable and its downloads kept; a migrated file
// and a new one have the same schema; a migration that fails leaves the file's data as it was;
// a file of a newer version is left byte for byte alone.

#include "librarystore.h"
#include "librarytestsupport.h"
#include "poemlibrary.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using LibraryTest::result;

namespace {

// Version 1 as it was written, and a library of that version.
const QStringList version1 = {
        u"CREATE TABLE poems(id INTEGER PRIMARY KEY, sha256 BLOB NOT NULL UNIQUE, "
        "bytes BLOB NOT NULL, size INTEGER NOT NULL, title TEXT NOT NULL, "
        "kept INTEGER NOT NULL DEFAULT 0, read INTEGER NOT NULL DEFAULT 0, "
        "favourite INTEGER NOT NULL DEFAULT 0, first_fetched INTEGER, "
        "last_fetched INTEGER, last_server TEXT NOT NULL DEFAULT '', "
        "last_address TEXT NOT NULL DEFAULT '', fetch_count INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE fetches(id INTEGER PRIMARY KEY, "
        "poem_id INTEGER REFERENCES poems(id) ON DELETE SET NULL, "
        "request_id INTEGER NOT NULL, server_name TEXT NOT NULL, address TEXT NOT NULL, "
        "connected TEXT NOT NULL, started INTEGER NOT NULL, ended INTEGER NOT NULL, "
        "outcome TEXT NOT NULL, failure_type TEXT NOT NULL, "
        "failure_message TEXT NOT NULL, system_error INTEGER NOT NULL, "
        "bytes_received INTEGER NOT NULL, trace TEXT NOT NULL)"_s,
        u"CREATE INDEX fetches_by_address ON fetches(address, id)"_s,
        u"CREATE INDEX fetches_by_poem ON fetches(poem_id)"_s,
        u"CREATE INDEX poems_by_last_fetched ON poems(kept, last_fetched)"_s,
        u"PRAGMA user_version = 1"_s,
};

const QByteArray korean = "첫눈이 내리는 밤\n하얀 눈\n"_ba;
const QByteArray japanese = "東京駅の朝\n"_ba;

// Runs statements on a file through a connection of the test's own; false and a warning if one
// fails.
bool run(const QString &fileName, const QStringList &statements,
         const QList<QVariantList> &values = {})
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema-test"_s);
        db.setDatabaseName(fileName);
        ok = db.open();
        for (qsizetype i = 0; ok && i < statements.size(); ++i) {
            QSqlQuery query(db);
            query.prepare(statements[i]);
            for (const QVariant &value : values.value(i))
                query.addBindValue(value);
            if (!query.exec()) {
                qWarning() << statements[i] << query.lastError().text();
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(u"schema-test"_s);
    return ok;
}

QStringList rows(const QString &fileName, const QString &sql)
{
    QStringList list;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema-rows"_s);
        db.setDatabaseName(fileName);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next()) {
                    QStringList fields;
                    for (int i = 0; i < query.record().count(); ++i)
                        fields.append(query.value(i).toString());
                    list.append(fields.join(u'|'));
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(u"schema-rows"_s);
    return list;
}

const QString insertPoem = u"INSERT INTO poems(id, sha256, bytes, size, title, kept, favourite, "
                           "first_fetched, last_fetched, last_server, last_address, fetch_count) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
const QString insertFetch = u"INSERT INTO fetches(poem_id, request_id, server_name, address, "
                            "connected, started, ended, outcome, failure_type, failure_message, "
                            "system_error, bytes_received, trace) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;

bool makeVersion1(const QString &fileName)
{
    const QByteArray trace = LibraryTest::record(korean).trace.encode();
    QStringList statements = version1;
    QList<QVariantList> values(version1.size());
    const auto poem = [&](int id, const QByteArray &bytes, bool kept, bool favourite) {
        statements.append(insertPoem);
        values.append({id, LibraryStore::contentHash(bytes), bytes, bytes.size(),
                       LibraryPoem::titleOf(bytes), kept, favourite, 1000 * id, 2000 * id,
                       u"Server %1"_s.arg(id), u"127.0.0.1:%1"_s.arg(10000 + id), 1});
    };
    poem(1, korean, true, true);
    poem(2, japanese, true, false);
    poem(3, "東京"_ba, false, false); // a failure's partial poem
    const auto fetch = [&](int poemId, const QString &outcome) {
        statements.append(insertFetch);
        values.append({poemId, poemId, u"Server %1"_s.arg(poemId),
                       u"127.0.0.1:%1"_s.arg(10000 + poemId), u"127.0.0.1:%1"_s.arg(10000 + poemId),
                       1000 * poemId, 2000 * poemId, outcome,
                       outcome == u"poem" ? u""_s : u"ConnectionLost"_s, u""_s, 0, 10,
                       QString::fromUtf8(trace)});
    };
    fetch(1, u"poem"_s);
    fetch(2, u"poem"_s);
    fetch(3, u"failure"_s);
    return run(fileName, statements, values);
}

const QString schemaQuery = u"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"_s;

} // namespace

class TestLibrarySchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.emplace().isValid()); }

    void theMigrationsStartFromVersion1()
    {
        // Every version has its migration, and the test below builds the oldest by hand.
        QCOMPARE(LibraryStore::oldestSchemaVersion, 1);
        for (int version = 1; version <= LibraryStore::schemaVersion; ++version)
            QVERIFY(!LibraryStore::createStatements(version, true).isEmpty());
        // The hand-written version 1 is what the library creates as version 1.
        QCOMPARE(LibraryStore::createStatements(1, true), version1.mid(0, version1.size() - 1));
    }

    void version1IsMigrated()
    {
        const QString fileName = m_dir->filePath(u"library.sqlite"_s);
        QVERIFY(makeVersion1(fileName));
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(fileName);
        QCOMPARE(opened.problem, PoemLibrary::Problem::None);
        QCOMPARE(opened.migratedFrom, 1);
        QVERIFY(opened.persistent);
        QVERIFY(opened.message().isEmpty());

        // The poems kept are searchable (the index was built by the migration), the partial
        // one is not; every download is there, with its trace.
        QCOMPARE(result(library.poemCount()), 2);
        const QList<LibraryPoem> snow = result(library.search(u"눈"_s));
        QCOMPARE(snow.size(), 1);
        QVERIFY(snow[0].favourite);
        QCOMPARE(result(library.poem(snow[0].id)), korean);
        QCOMPARE(result(library.search(u"東京駅"_s)).size(), 1);
        QCOMPARE(result(library.search(u"東京"_s)).size(), 1);
        const QList<LibraryFetch> history = result(library.history());
        QCOMPARE(history.size(), 3);
        for (const LibraryFetch &fetch : history)
            QVERIFY2(fetch.trace.has_value(), qPrintable(fetch.traceError));
        QCOMPARE(result(library.lastResults()).size(), 3);
        QVERIFY(result(library.lastSession()).isEmpty()); // version 1 had no sessions

        // And it goes on as a current library.
        library.record(LibraryTest::record("雪国の駅\n"_ba));
        QCOMPARE(result(library.search(u"駅"_s)).size(), 2);
        library.close();
        QCOMPARE(rows(fileName, u"PRAGMA user_version"_s),
                 QStringList{QString::number(LibraryStore::schemaVersion)});
    }

    void aMigratedFileIsANewFile()
    {
        const QString migrated = m_dir->filePath(u"migrated.sqlite"_s);
        const QString created = m_dir->filePath(u"created.sqlite"_s);
        QVERIFY(makeVersion1(migrated));
        {
            PoemLibrary library;
            QCOMPARE(library.open(migrated).migratedFrom, 1);
            PoemLibrary other;
            QVERIFY(other.open(created).created);
        }
        const QStringList schema = rows(created, schemaQuery);
        QVERIFY(schema.size() > 5);
        QCOMPARE(rows(migrated, schemaQuery), schema);
    }

    void aFailedMigrationKeepsTheData()
    {
        const QString fileName = m_dir->filePath(u"library.sqlite"_s);
        QVERIFY(makeVersion1(fileName));
        // Something in the way of version 2's new table.
        QVERIFY(run(fileName, {u"CREATE TABLE sessions(x)"_s}));
        const QStringList before = rows(fileName, u"SELECT * FROM poems ORDER BY id"_s);
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(fileName);
        QCOMPARE(opened.problem, PoemLibrary::Problem::Unusable);
        QVERIFY(!opened.persistent);
        QVERIFY2(opened.detail.contains(u"sessions"_s), qPrintable(opened.detail));
        QVERIFY(!opened.message().isEmpty());
        // In memory, it works.
        library.record(LibraryTest::record(korean));
        QCOMPARE(result(library.search(u"눈"_s)).size(), 1);
        library.close();
        QCOMPARE(rows(fileName, u"PRAGMA user_version"_s), QStringList{u"1"_s});
        QCOMPARE(rows(fileName, u"SELECT * FROM poems ORDER BY id"_s), before);
    }

    void aNewerVersionIsLeftAlone()
    {
        const QString fileName = m_dir->filePath(u"library.sqlite"_s);
        QVERIFY(makeVersion1(fileName));
        QVERIFY(run(fileName, {u"PRAGMA user_version = 99"_s}));
        const QByteArray bytes = LibraryTest::readAll(fileName);
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(fileName);
        QCOMPARE(opened.problem, PoemLibrary::Problem::NewerVersion);
        QCOMPARE(opened.fileVersion, 99);
        QVERIFY(!opened.persistent);
        QVERIFY(!library.isPersistent());
        QVERIFY(opened.message().contains(u"newer version"_s));
        library.record(LibraryTest::record(korean));
        QCOMPARE(result(library.search(u"눈"_s)).size(), 1);
        library.close();
        QCOMPARE(LibraryTest::readAll(fileName), bytes);
        QVERIFY(!QFileInfo::exists(fileName + u"-wal"_s));
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestLibrarySchema)
#include "tst_library_schema.moc"
