// Hostile library files, each one real: not SQLite, a damaged SQLite file, a truncated one,
// another program's database, a folder in the file's place, a file locked by another connection
// and by another process, a read-only folder, a full disk (SQLite's page limit; a tiny tmpfs
// when the test may mount one). open() never crashes or hangs, says what happened in a message,
// sets a damaged file aside with exactly its bytes, and the library keeps working (in memory if
// it must) without losing what is recorded.

#include "librarystore.h"
#include "librarytestsupport.h"
#include "poemlibrary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <iostream>
#include <string>

#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using LibraryTest::readAll;
using LibraryTest::record;
using LibraryTest::result;
using LibraryTest::writeAll;

namespace {

const QByteArray poem = "첫눈이 내리는 밤\n東京駅の朝\n"_ba;

// `--hold-lock FILE`: this program as another process holding FILE's exclusive lock until its
// standard input closes.
int holdLock(const QString &fileName)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
        db.setDatabaseName(fileName);
        if (!db.open())
            return 1;
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA locking_mode=EXCLUSIVE"_s) || !query.exec(u"BEGIN EXCLUSIVE"_s)
            || !query.exec(u"CREATE TABLE IF NOT EXISTS holder(x)"_s))
            return 1;
        std::printf("locked\n");
        std::fflush(stdout);
        std::string line;
        std::getline(std::cin, line);
    }
    QSqlDatabase::removeDatabase(u"holder"_s);
    return 0;
}

// A library of `count` poems at `fileName`, closed.
void makeLibrary(const QString &fileName, int count)
{
    PoemLibrary library;
    QCOMPARE(library.open(fileName).problem, PoemLibrary::Problem::None);
    for (int i = 0; i < count; ++i)
        library.record(record(poem + QByteArray::number(i)));
    QCOMPARE(library.close(), 0);
}

// The library works after whatever open() found: what is recorded is found again.
void checkWorks(PoemLibrary &library)
{
    library.record(record("雪国の駅で\n"_ba));
    QCOMPARE(result(library.search(u"駅"_s)).size() >= 1, true);
    QVERIFY(!result(library.search(u"雪国"_s)).isEmpty());
}

// Writes "<folder>/filler" until the disk is full.
bool fillDisk(const QString &folder)
{
    QFile filler(folder + u"/filler"_s);
    if (!filler.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block(1024, 'x');
    while (filler.write(block) == block.size() && filler.flush()) { }
    return true;
}

bool isRoot()
{
    return ::geteuid() == 0;
}

} // namespace

class TestLibraryHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_file = m_dir->filePath(u"library.sqlite"_s);
    }

    void cleanup()
    {
        if (!m_mount.isEmpty()) {
            ::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH);
            m_mount.clear();
        }
    }

    void damagedFilesAreSetAside_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("problem");
        QTest::newRow("text") << "this is not a database\n"_ba
                              << int(PoemLibrary::Problem::Damaged);
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5)
                                << int(PoemLibrary::Problem::Damaged);
        QTest::newRow("a header and nothing")
                << QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\x7f')
                << int(PoemLibrary::Problem::Damaged);
    }

    void damagedFilesAreSetAside()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, problem);
        QVERIFY(writeAll(m_file, bytes));
        checkSetAside(bytes, PoemLibrary::Problem(problem));
    }

    void aDamagedLibraryIsSetAside()
    {
        makeLibrary(m_file, 300);
        QByteArray bytes = readAll(m_file);
        QVERIFY(bytes.size() > 20 * 4096);
        // Pages in the middle overwritten: the header is fine, the b-trees are not.
        for (qsizetype i = 8 * 4096; i < 16 * 4096; ++i)
            bytes[i] = char(i * 7);
        QVERIFY(writeAll(m_file, bytes));
        checkSetAside(bytes, PoemLibrary::Problem::Damaged);
    }

    void aTruncatedLibraryIsSetAside()
    {
        makeLibrary(m_file, 300);
        const QByteArray bytes = readAll(m_file).left(5 * 4096 + 100);
        QVERIFY(writeAll(m_file, bytes));
        checkSetAside(bytes, PoemLibrary::Problem::Damaged);
    }

    void anotherProgramsDatabaseIsSetAside()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE accounts(name, balance)"_s));
            QVERIFY(query.exec(u"INSERT INTO accounts VALUES ('a', 1)"_s));
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        checkSetAside(readAll(m_file), PoemLibrary::Problem::NotALibrary);
    }

    void aFolderInItsPlaceIsSetAside()
    {
        QVERIFY(QDir().mkpath(m_file + u"/inside"_s));
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(m_file);
        QCOMPARE(opened.problem, PoemLibrary::Problem::Damaged);
        QVERIFY(opened.persistent);
        QVERIFY(QFileInfo(opened.backupFileName + u"/inside"_s).isDir());
        QVERIFY(QFileInfo(m_file).isFile());
        checkWorks(library);
    }

    void backupsAreBounded()
    {
        for (int i = 0; i < LibraryStore::maxBackups + 3; ++i) {
            QVERIFY(writeAll(m_file, "garbage "_ba + QByteArray::number(i)));
            PoemLibrary library;
            QCOMPARE(library.open(m_file).problem, PoemLibrary::Problem::Damaged);
        }
        const QStringList backups
                = QDir(m_dir->path()).entryList({u"library.sqlite.damaged-*"_s}, QDir::Files);
        QCOMPARE(backups.size(), LibraryStore::maxBackups);
        // The newest are kept.
        QStringList contents;
        for (const QString &name : backups)
            contents.append(QString::fromLatin1(readAll(m_dir->filePath(name))));
        QVERIFY2(contents.contains(u"garbage %1"_s.arg(LibraryStore::maxBackups + 2)),
                 qPrintable(contents.join(u", "_s)));
        QVERIFY(!contents.contains(u"garbage 0"_s));
    }

    void aLockedLibraryInThisProcess()
    {
        makeLibrary(m_file, 3);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        db.setDatabaseName(m_file);
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA locking_mode=EXCLUSIVE"_s));
            QVERIFY(query.exec(u"BEGIN EXCLUSIVE"_s));
            QVERIFY(query.exec(u"INSERT INTO sessions(started) VALUES (1)"_s));
        }
        checkLocked();
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(u"locker"_s);
    }

    void aLockedLibraryInAnotherProcess()
    {
        makeLibrary(m_file, 3);
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {u"--hold-lock"_s, m_file});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readLine().trimmed(), "locked"_ba);
        checkLocked();
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        // Free again: the library is the file's.
        PoemLibrary library;
        QCOMPARE(library.open(m_file).problem, PoemLibrary::Problem::None);
        QCOMPARE(result(library.poemCount()), 3);
    }

    void aReadOnlyFolder_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::newRow("no library yet") << false;
        QTest::newRow("a library") << true;
    }

    void aReadOnlyFolder()
    {
        QFETCH(bool, existing);
        const QString folder = m_dir->filePath(u"ro"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString fileName = folder + u"/library.sqlite"_s;
        if (isRoot()) {
            // Permissions do not stop root: a read-only mount does.
            if (!mountTmpfs(folder, 1024 * 1024))
                QSKIP("root, and no tmpfs can be mounted: a read-only folder cannot be made");
            if (existing)
                makeLibrary(fileName, 3);
            QVERIFY(::mount("tmpfs", QFile::encodeName(folder).constData(), "tmpfs",
                            MS_REMOUNT | MS_RDONLY, nullptr)
                    == 0);
        } else {
            if (existing)
                makeLibrary(fileName, 3);
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        }
        const QByteArray before = readAll(fileName);
        {
            PoemLibrary library;
            QElapsedTimer timer;
            timer.start();
            const PoemLibrary::OpenResult opened = library.open(fileName);
            QVERIFY(timer.elapsed() < 5000);
            QVERIFY2(opened.problem == PoemLibrary::Problem::ReadOnly, qPrintable(opened.detail));
            QVERIFY(!opened.persistent);
            QVERIFY2(opened.message().contains(u"cannot be written"_s),
                     qPrintable(opened.message()));
            checkWorks(library);
        }
        QCOMPARE(readAll(fileName), before);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void aFullDiskByThePageLimit()
    {
        makeLibrary(m_file, 3);
        qint64 pages = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pages"_s);
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA page_count"_s) && query.next());
            pages = query.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(u"pages"_s);

        PoemLibrary library;
        PoemLibrary::Options options;
        options.maxPageCount = pages + 2;
        options.batchInterval = std::chrono::milliseconds(10);
        options.retryInterval = std::chrono::milliseconds(50);
        QCOMPARE(library.open(m_file, options).problem, PoemLibrary::Problem::None);
        QSignalSpy problems(&library, &PoemLibrary::problemOccurred);
        for (int i = 0; i < 20; ++i)
            library.record(record(QByteArray(8000, char('a' + i))));
        QVERIFY(!library.flush());
        QTRY_COMPARE(problems.size(), 1);
        QVERIFY2(problems[0][0].toString().contains(u"full"_s),
                 qPrintable(problems[0][0].toString()));
        // Every record is kept; the poems already there are still read; it tries again without
        // saying so again.
        QCOMPARE(library.pendingCount(), 20);
        QCOMPARE(result(library.poemCount()), 3);
        QCOMPARE(result(library.search(u"東京"_s)).size(), 3);
        QTest::qWait(200);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(library.pendingCount(), 20);
        // Still no room at the end: close() says how many were lost.
        QCOMPARE(library.close(std::chrono::milliseconds(500)), 20);
    }

    void aFullDiskThatFreesUp()
    {
        const QString folder = m_dir->filePath(u"small"_s);
        QVERIFY(QDir().mkpath(folder));
        if (!isRoot() || !mountTmpfs(folder, 2 * 1024 * 1024))
            QSKIP("no tmpfs can be mounted here (needs root); aFullDiskByThePageLimit covers it");
        const QString fileName = folder + u"/library.sqlite"_s;
        PoemLibrary library;
        PoemLibrary::Options options;
        options.batchInterval = std::chrono::milliseconds(10);
        options.retryInterval = std::chrono::milliseconds(50);
        QCOMPARE(library.open(fileName, options).problem, PoemLibrary::Problem::None);
        QVERIFY(fillDisk(folder));
        QSignalSpy problems(&library, &PoemLibrary::problemOccurred);
        for (int i = 0; i < 10; ++i)
            library.record(record(QByteArray(20000, char('a' + i))));
        QTRY_COMPARE(problems.size(), 1);
        QVERIFY2(problems[0][0].toString().contains(u"full"_s),
                 qPrintable(problems[0][0].toString()));
        QCOMPARE(library.pendingCount(), 10);
        // Room again: everything is written at the next attempt.
        QVERIFY(QFile::remove(folder + u"/filler"_s));
        QTRY_COMPARE(library.pendingCount(), 0);
        QCOMPARE(result(library.poemCount()), 10);
        QCOMPARE(library.close(), 0);
        PoemLibrary again;
        QCOMPARE(again.open(fileName).problem, PoemLibrary::Problem::None);
        QCOMPARE(result(again.poemCount()), 10);
    }

    void aFullDiskAtTheStart()
    {
        const QString folder = m_dir->filePath(u"full"_s);
        QVERIFY(QDir().mkpath(folder));
        if (!isRoot() || !mountTmpfs(folder, 64 * 1024))
            QSKIP("no tmpfs can be mounted here (needs root)");
        QVERIFY(fillDisk(folder));
        PoemLibrary library;
        const PoemLibrary::OpenResult opened = library.open(folder + u"/library.sqlite"_s);
        QVERIFY2(opened.problem == PoemLibrary::Problem::NoSpace, qPrintable(opened.detail));
        QVERIFY(!opened.persistent);
        QVERIFY(!opened.message().isEmpty());
        checkWorks(library);
    }

private:
    void checkSetAside(const QByteArray &bytes, PoemLibrary::Problem problem)
    {
        PoemLibrary library;
        QElapsedTimer timer;
        timer.start();
        const PoemLibrary::OpenResult opened = library.open(m_file);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(opened.problem, problem);
        QVERIFY2(opened.persistent, qPrintable(opened.detail));
        QVERIFY(opened.created);
        QVERIFY(!opened.backupFileName.isEmpty());
        QVERIFY(opened.backupFileName.startsWith(m_file + u".damaged-"_s));
        QCOMPARE(readAll(opened.backupFileName), bytes);
        QVERIFY2(opened.message().contains(QDir::toNativeSeparators(opened.backupFileName)),
                 qPrintable(opened.message()));
        QVERIFY(library.isPersistent());
        checkWorks(library);
        library.close();
        // The new library is the file's now.
        PoemLibrary again;
        QCOMPARE(again.open(m_file).problem, PoemLibrary::Problem::None);
        QCOMPARE(result(again.poemCount()), 1);
    }

    void checkLocked()
    {
        PoemLibrary library;
        QElapsedTimer timer;
        timer.start();
        const PoemLibrary::OpenResult opened = library.open(m_file);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(opened.problem == PoemLibrary::Problem::Locked, qPrintable(opened.detail));
        QVERIFY(!opened.persistent);
        QVERIFY(opened.backupFileName.isEmpty());
        QVERIFY(opened.message().contains(u"in use by another program"_s));
        checkWorks(library);
    }

    bool mountTmpfs(const QString &folder, qint64 size)
    {
        const QByteArray options = "size=" + QByteArray::number(size);
        if (::mount("tmpfs", QFile::encodeName(folder).constData(), "tmpfs", 0, options.constData())
            != 0)
            return false;
        m_mount = folder;
        return true;
    }

    std::optional<QTemporaryDir> m_dir;
    QString m_file;
    QString m_mount;
};

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    if (argc == 3 && std::string(argv[1]) == "--hold-lock")
        return holdLock(QString::fromLocal8Bit(argv[2]));
    TestLibraryHostile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_library_hostile.moc"
