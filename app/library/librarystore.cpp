#include "librarystore.h"

#include "librarybackups.h"
#include "libraryreader.h"
#include "libraryschema.h"
#include "librarysql.h"
#include "librarywriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

LibraryStore::Problem LibraryStore::problemFor(int sqliteCode)
{
    switch (sqliteCode) {
    case LibrarySql::Busy:
    case LibrarySql::Locked:
        return Problem::Locked;
    case LibrarySql::Perm:
    case LibrarySql::ReadOnly:
    case LibrarySql::CantOpen:
    case LibrarySql::Auth:
        return Problem::ReadOnly;
    case LibrarySql::Full:
        return Problem::NoSpace;
    case LibrarySql::Corrupt:
    case LibrarySql::NotADb:
        return Problem::Damaged;
    default:
        return Problem::Unusable;
    }
}

LibraryStore::Problem LibraryStore::WriteResult::problem() const
{
    return ok ? Problem::None : problemFor(code);
}

LibraryStore::LibraryStore()
    : m_connectionName(u"poetry-library-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

LibraryStore::~LibraryStore()
{
    close();
}

bool LibraryStore::hasSqliteHeader(const QByteArray &bytes)
{
    return bytes.startsWith(QByteArrayView("SQLite format 3\0", 16));
}

QByteArray LibraryStore::contentHash(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QStringList LibraryStore::createStatements(int version, bool trigram)
{
    return LibrarySchema::statements(version, trigram);
}

bool LibraryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
            && QSqlDatabase::database(m_connectionName, false).isOpen();
}

void LibraryStore::close()
{
    m_writer.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_persistent = false;
    m_sessionId = 0;
}

bool LibraryStore::exec(const QString &statement, QString *error, int *code)
{
    return LibrarySql::exec(m_connectionName, statement, error, code);
}

bool LibraryStore::openConnection(const QString &databaseName, const Options &options,
                                  QString *error, int *code)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!db.isValid()) {
        *error = u"the Qt SQLite driver (QSQLITE, libqt6sql6-sqlite) is not installed"_s;
        *code = 0;
        return false;
    }
    db.setDatabaseName(databaseName);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeout.count()));
    if (!db.open()) {
        *error = LibrarySql::words(db.lastError());
        *code = LibrarySql::code(db.lastError());
        return false;
    }
    return true;
}

LibraryStore::OpenResult LibraryStore::open(const QString &fileName, const Options &options)
{
    OpenResult result = openFile(fileName, options);
    if (result.persistent || result.problem == Problem::None)
        return result;
    return fallBackToMemory(result);
}

LibraryStore::OpenResult LibraryStore::fallBackToMemory(OpenResult result)
{
    QString error;
    if (!openInMemory(&error))
        result.detail += (result.detail.isEmpty() ? u""_s : u"; "_s) + error;
    result.persistent = false;
    return result;
}

bool LibraryStore::openInMemory(QString *error)
{
    int code = 0;
    QString why;
    const bool ok = openConnection(u":memory:"_s, {}, &why, &code)
            && LibrarySchema::create(m_connectionName, &why, &code) && prepareWriter()
            && startSession(&why, &code);
    if (!ok && error)
        *error = why;
    m_fileName.clear();
    m_persistent = false;
    return ok;
}

LibraryStore::OpenResult LibraryStore::openFile(const QString &fileName, const Options &options)
{
    OpenResult result;
    result.fileName = fileName;
    const auto failed = [&](Problem problem, const QString &detail) {
        close();
        result.problem = problem;
        result.detail = detail;
        result.persistent = false;
        return result;
    };
    // Sets the file aside and starts a new one in its place.
    const auto setAside = [&](Problem problem, const QString &detail) {
        close();
        QString backup;
        if (!LibraryBackups::setAside(fileName, maxBackups, &backup))
            return failed(problem, detail + u"; it could not be moved aside"_s);
        OpenResult fresh = openFile(fileName, options);
        fresh.backupFileName = backup;
        if (fresh.problem == Problem::None) {
            fresh.problem = problem;
            fresh.detail = detail;
        }
        return fresh;
    };

    const QFileInfo info(fileName);
    if (!QDir().mkpath(info.absolutePath()))
        return failed(Problem::ReadOnly,
                      u"the folder %1 cannot be created"_s.arg(info.absolutePath()));
    const bool exists = info.exists() || info.isSymLink();
    if (exists) {
        if (info.isDir())
            return setAside(Problem::Damaged, u"it is a folder, not a file"_s);
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly))
            return failed(Problem::ReadOnly, file.errorString());
        const QByteArray header = file.read(100);
        if (!header.isEmpty() && !hasSqliteHeader(header))
            return setAside(Problem::Damaged, u"it is not an SQLite database"_s);
        result.created = header.isEmpty();
    } else {
        result.created = true;
    }

    QString error;
    int code = 0;
    if (!openConnection(fileName, options, &error, &code))
        return failed(problemFor(code), error);

    // A statement that failed: a damaged file is set aside, anything else leaves it alone.
    QSqlError sqlError;
    const auto failedWith = [&](const QSqlError &statementError) {
        const Problem problem = problemFor(LibrarySql::code(statementError));
        return problem == Problem::Damaged ? setAside(problem, LibrarySql::words(statementError))
                                           : failed(problem, LibrarySql::words(statementError));
    };
    // The first value of one statement; nothing (and sqlError) if it failed.
    const auto value = [&](const QString &sql) -> std::optional<QVariant> {
        QSqlQuery query(LibrarySql::database(m_connectionName));
        if (!query.exec(sql) || !query.next()) {
            sqlError = query.lastError();
            return std::nullopt;
        }
        return query.value(0);
    };

    // The first statement reads the file: this is where a lock, a damaged header or a
    // read-only file show.
    const auto userVersion = value(u"PRAGMA user_version"_s);
    if (!userVersion)
        return failedWith(sqlError);
    const int version = userVersion->toInt();
    result.fileVersion = version;
    if (version > schemaVersion)
        return failed(
                Problem::NewerVersion,
                u"schema version %1, this program knows %2"_s.arg(version).arg(schemaVersion));

    if (version == 0 && !result.created) {
        // Before anything changes the file (the journal mode is in its header).
        const auto tables = value(u"SELECT count(*) FROM sqlite_schema"_s);
        if (!tables)
            return failedWith(sqlError);
        if (tables->toInt() > 0)
            return setAside(
                    Problem::NotALibrary,
                    u"an SQLite database with %1 tables of another program"_s.arg(tables->toInt()));
    }
    if (!result.created) {
        // Every page of an existing file, read once: damage deep inside is found now, not in
        // the middle of a session (a few milliseconds per megabyte).
        const auto check = value(u"PRAGMA quick_check(1)"_s);
        if (!check)
            return failedWith(sqlError);
        if (check->toString() != u"ok")
            return setAside(Problem::Damaged, check->toString());
    }

    if (!exec(u"PRAGMA journal_mode=WAL"_s, &error, &code)
        || !exec(u"PRAGMA synchronous=NORMAL"_s, &error, &code)
        || !exec(u"PRAGMA foreign_keys=ON"_s, &error, &code))
        return failed(problemFor(code), error);

    if (version == 0) {
        if (!LibrarySchema::create(m_connectionName, &error, &code))
            return failed(problemFor(code), error);
    } else if (version < schemaVersion) {
        if (!LibrarySchema::migrate(m_connectionName, version, &error, &code))
            return failed(problemFor(code), error);
        result.migratedFrom = version;
    }
    if (options.maxPageCount > 0)
        exec(u"PRAGMA max_page_count=%1"_s.arg(options.maxPageCount));
    m_trigram = LibrarySchema::hasTrigramIndex(m_connectionName);
    if (!prepareWriter())
        return failed(Problem::Unusable, u"the statements could not be prepared"_s);
    if (!startSession(&error, &code))
        return failed(problemFor(code), error);
    m_fileName = fileName;
    m_persistent = true;
    result.persistent = true;
    return result;
}

bool LibraryStore::prepareWriter()
{
    auto writer = std::make_unique<LibraryWriter>(m_connectionName);
    if (!writer->prepare())
        return false;
    m_writer = std::move(writer);
    return true;
}

bool LibraryStore::startSession(QString *error, int *code)
{
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.prepare(u"INSERT INTO sessions(started) VALUES (?)"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        *error = LibrarySql::words(query.lastError());
        *code = LibrarySql::code(query.lastError());
        return false;
    }
    m_sessionId = query.lastInsertId().toLongLong();
    return true;
}

LibraryStore::WriteResult LibraryStore::endSession()
{
    WriteResult result;
    if (m_sessionId == 0)
        return result;
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.prepare(u"UPDATE sessions SET ended = ? WHERE id = ?"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(m_sessionId);
    if (!query.exec()) {
        result.ok = false;
        result.code = LibrarySql::code(query.lastError());
        result.detail = LibrarySql::words(query.lastError());
    }
    return result;
}

LibraryStore::WriteResult LibraryStore::apply(const std::vector<LibraryOperation> &operations,
                                              int *pruned)
{
    if (!m_writer)
        return {false, 0, u"the library is not open"_s};
    return m_writer->apply(operations, m_sessionId, pruned);
}

LibraryReader LibraryStore::reader() const
{
    return LibraryReader(m_connectionName, m_trigram);
}

QList<LibraryPoem> LibraryStore::search(const QString &text, int limit)
{
    return reader().search(text, limit);
}

std::optional<LibraryPoem> LibraryStore::poemInfo(qint64 poemId)
{
    return reader().poemInfo(poemId);
}

QByteArray LibraryStore::poemBytes(qint64 poemId)
{
    return reader().poemBytes(poemId);
}

qint64 LibraryStore::poemCount()
{
    return reader().poemCount();
}

QList<LibraryFetch> LibraryStore::history(int limit)
{
    return reader().history(limit);
}

QList<LibraryFetch> LibraryStore::lastResults()
{
    return reader().lastResults();
}

QList<LibraryFetch> LibraryStore::lastSession()
{
    return reader().lastSession(m_sessionId);
}
