#include "librarystore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// SQLite's primary result codes (sqlite3.h), as QtSql reports them in nativeErrorCode().
enum SqliteCode {
    SqlitePerm = 3,
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteAuth = 23,
    SqliteNotADb = 26,
};

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

QString words(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

LibraryStore::Problem problemFor(int code)
{
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        return LibraryStore::Problem::Locked;
    case SqlitePerm:
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteAuth:
        return LibraryStore::Problem::ReadOnly;
    case SqliteFull:
        return LibraryStore::Problem::NoSpace;
    case SqliteCorrupt:
    case SqliteNotADb:
        return LibraryStore::Problem::Damaged;
    default:
        return LibraryStore::Problem::Unusable;
    }
}

// Never NULL: the columns are NOT NULL, and an empty text is not a missing one.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

qint64 toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString outcomeName(LibraryOutcome outcome)
{
    switch (outcome) {
    case LibraryOutcome::Poem:
        return u"poem"_s;
    case LibraryOutcome::Failure:
        return u"failure"_s;
    case LibraryOutcome::Interrupted:
        return u"interrupted"_s;
    }
    return u"failure"_s;
}

LibraryOutcome outcomeFromName(const QString &name)
{
    if (name == u"poem")
        return LibraryOutcome::Poem;
    if (name == u"interrupted")
        return LibraryOutcome::Interrupted;
    return LibraryOutcome::Failure;
}

// "<file>.damaged-yyyyMMdd-HHmmss[-n]"; backups of one second sort by their n (none is 1).
QRegularExpression backupPattern(const QString &fileName)
{
    return QRegularExpression(u"^"_s + QRegularExpression::escape(QFileInfo(fileName).fileName())
                              + u"\\.damaged-(\\d{8}-\\d{6})(?:-(\\d+))?$"_s);
}

std::pair<QString, int> backupKey(const QRegularExpression &pattern, const QString &name)
{
    const QRegularExpressionMatch match = pattern.match(name);
    return {match.captured(1), match.captured(2).isEmpty() ? 1 : match.captured(2).toInt()};
}

QStringList backupsOf(const QString &fileName)
{
    const QRegularExpression pattern = backupPattern(fileName);
    QStringList backups = QFileInfo(fileName).dir().entryList(
            {QFileInfo(fileName).fileName() + u".damaged-*"_s},
            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    backups.removeIf([&](const QString &name) { return !pattern.match(name).hasMatch(); });
    std::sort(backups.begin(), backups.end(), [&](const QString &a, const QString &b) {
        return backupKey(pattern, a) < backupKey(pattern, b);
    });
    return backups;
}

// A name after every backup there is: the newest sorts last even when older ones of the same
// second were removed.
QString backupNameFor(const QString &fileName)
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QRegularExpression pattern = backupPattern(fileName);
    int last = 0;
    for (const QString &name : backupsOf(fileName)) {
        const auto [time, n] = backupKey(pattern, name);
        if (time == stamp)
            last = std::max(last, n);
    }
    const QString base = fileName + u".damaged-"_s + stamp;
    return last == 0 ? base : u"%1-%2"_s.arg(base).arg(last + 1);
}

void pruneBackups(const QString &fileName)
{
    QStringList backups = backupsOf(fileName);
    const QDir directory = QFileInfo(fileName).dir();
    while (backups.size() > LibraryStore::maxBackups) {
        const QString oldest = directory.filePath(backups.takeFirst());
        if (QFileInfo(oldest).isDir() && !QFileInfo(oldest).isSymLink())
            QDir(oldest).removeRecursively();
        else
            QFile::remove(oldest);
        QFile::remove(oldest + u"-wal"_s);
    }
}

// Statements by version: each takes the schema from version - 1 to version. The current
// schema is always version 1 followed by every migration, so that a new file and a migrated one
// are the same (tst_library_schema compares them).
QStringList schemaStatements(int version, bool trigram)
{
    switch (version) {
    case 1:
        return {
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
        };
    case 2:
        return {
                u"CREATE TABLE sessions(id INTEGER PRIMARY KEY, started INTEGER NOT NULL, "
                "ended INTEGER)"_s,
                u"ALTER TABLE fetches ADD COLUMN session_id INTEGER "
                "REFERENCES sessions(id) ON DELETE SET NULL"_s,
                u"CREATE INDEX fetches_by_session ON fetches(session_id)"_s,
                trigram ? u"CREATE VIRTUAL TABLE poem_text USING fts5(text, tokenize='trigram')"_s
                        : u"CREATE TABLE poem_text(text TEXT NOT NULL)"_s,
        };
    default:
        return {};
    }
}

// What goes into the search index for a poem.
QString indexedText(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes.left(LibraryStore::maxIndexedBytes));
}

const QString fetchColumns = u"id, poem_id, session_id, server_name, address, connected, started, "
                             "ended, outcome, failure_type, failure_message, system_error, "
                             "bytes_received, trace"_s;
const QString poemColumns = u"id, title, size, last_server, last_address, first_fetched, "
                            "last_fetched, fetch_count, read, favourite"_s;

LibraryPoem poemFrom(const QSqlQuery &query)
{
    LibraryPoem poem;
    poem.id = query.value(0).toLongLong();
    poem.title = query.value(1).toString();
    poem.size = query.value(2).toLongLong();
    poem.serverName = query.value(3).toString();
    poem.address = query.value(4).toString();
    poem.firstFetched = fromMs(query.value(5));
    poem.lastFetched = fromMs(query.value(6));
    poem.fetchCount = query.value(7).toInt();
    poem.read = query.value(8).toBool();
    poem.favourite = query.value(9).toBool();
    return poem;
}

} // namespace

struct LibraryStore::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : findPoem(db), insertPoem(db), updatePoem(db), insertText(db), insertFetch(db)
    { }
    QSqlQuery findPoem;
    QSqlQuery insertPoem;
    QSqlQuery updatePoem;
    QSqlQuery insertText;
    QSqlQuery insertFetch;
};

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
    return schemaStatements(version, trigram);
}

bool LibraryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
            && QSqlDatabase::database(m_connectionName, false).isOpen();
}

void LibraryStore::close()
{
    m_statements.reset();
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
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(statement))
        return true;
    if (error)
        *error = words(query.lastError());
    if (code)
        *code = sqliteCode(query.lastError());
    return false;
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
        *error = words(db.lastError());
        *code = sqliteCode(db.lastError());
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
    const bool ok = openConnection(u":memory:"_s, {}, &why, &code) && createSchema(&why, &code)
            && prepareStatements() && startSession(&why, &code);
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
    // Sets the file aside (with its write-ahead log: together they are the database as it was)
    // and starts a new one in its place.
    const auto setAside = [&](Problem problem, const QString &detail) {
        close();
        const QString backup = backupNameFor(fileName);
        if (!QDir().rename(fileName, backup))
            return failed(problem, detail + u"; it could not be moved aside"_s);
        if (QFileInfo::exists(fileName + u"-wal"_s))
            QDir().rename(fileName + u"-wal"_s, backup + u"-wal"_s);
        QFile::remove(fileName + u"-shm"_s);
        pruneBackups(fileName);
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
        const Problem problem = problemFor(sqliteCode(statementError));
        return problem == Problem::Damaged ? setAside(problem, words(statementError))
                                           : failed(problem, words(statementError));
    };
    // The first value of one statement; nothing (and sqlError) if it failed.
    const auto value = [&](const QString &sql) -> std::optional<QVariant> {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
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
        if (!createSchema(&error, &code))
            return failed(problemFor(code), error);
    } else if (version < schemaVersion) {
        if (!migrate(version, &error, &code))
            return failed(problemFor(code), error);
        result.migratedFrom = version;
    }
    if (options.maxPageCount > 0)
        exec(u"PRAGMA max_page_count=%1"_s.arg(options.maxPageCount));
    m_trigram = detectTrigram();
    if (!prepareStatements())
        return failed(Problem::Unusable, u"the statements could not be prepared"_s);
    if (!startSession(&error, &code))
        return failed(problemFor(code), error);
    m_fileName = fileName;
    m_persistent = true;
    result.persistent = true;
    return result;
}

bool LibraryStore::createSchema(QString *error, int *code)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!exec(u"BEGIN IMMEDIATE"_s, error, code))
        return false;
    for (const QString &statement : schemaStatements(1, false)) {
        if (!exec(statement, error, code)) {
            exec(u"ROLLBACK"_s);
            return false;
        }
    }
    if (!exec(u"PRAGMA user_version = 1"_s, error, code) || !exec(u"COMMIT"_s, error, code)) {
        exec(u"ROLLBACK"_s);
        return false;
    }
    return migrate(1, error, code);
}

bool LibraryStore::migrate(int fromVersion, QString *error, int *code)
{
    // Whether this SQLite has FTS5's trigram tokenizer (3.34 and later, when FTS5 is built in).
    const bool trigram
            = exec(u"CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, tokenize='trigram')"_s)
            && exec(u"DROP TABLE temp.trigram_probe"_s);
    // All steps in one transaction: a migration that fails leaves the file as it was.
    if (!exec(u"BEGIN IMMEDIATE"_s, error, code))
        return false;
    const auto fail = [&] {
        exec(u"ROLLBACK"_s);
        return false;
    };
    for (int version = fromVersion + 1; version <= schemaVersion; ++version) {
        for (const QString &statement : schemaStatements(version, trigram)) {
            if (!exec(statement, error, code))
                return fail();
        }
        if (version == 2) {
            // The search index, for the poems already kept.
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            QSqlQuery poems(db);
            poems.setForwardOnly(true);
            QSqlQuery insert(db);
            if (!poems.exec(u"SELECT id, bytes FROM poems WHERE kept = 1"_s)
                || !insert.prepare(u"INSERT INTO poem_text(rowid, text) VALUES (?, ?)"_s)) {
                *error = words(poems.lastError().isValid() ? poems.lastError()
                                                           : insert.lastError());
                return fail();
            }
            while (poems.next()) {
                insert.addBindValue(poems.value(0));
                insert.addBindValue(indexedText(poems.value(1).toByteArray()));
                if (!insert.exec()) {
                    *error = words(insert.lastError());
                    *code = sqliteCode(insert.lastError());
                    return fail();
                }
            }
        }
        if (!exec(u"PRAGMA user_version = %1"_s.arg(version), error, code))
            return fail();
    }
    if (!exec(u"COMMIT"_s, error, code))
        return fail();
    return true;
}

bool LibraryStore::detectTrigram()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT sql FROM sqlite_schema WHERE name = 'poem_text'"_s) || !query.next())
        return false;
    return query.value(0).toString().contains(u"trigram"_s);
}

bool LibraryStore::prepareStatements()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto statements = std::make_unique<Statements>(db);
    const bool ok = statements->findPoem.prepare(
                            u"SELECT id, kept, last_fetched, last_server, last_address FROM poems "
                            "WHERE sha256 = ?"_s)
            && statements->insertPoem.prepare(u"INSERT INTO poems(sha256, bytes, size, title) "
                                              "VALUES (?, ?, ?, ?)"_s)
            && statements->updatePoem.prepare(
                    u"UPDATE poems SET kept = 1, fetch_count = fetch_count + 1, "
                    "first_fetched = min(coalesce(first_fetched, ?), ?), last_fetched = ?, "
                    "last_server = ?, last_address = ? WHERE id = ?"_s)
            && statements->insertText.prepare(u"INSERT INTO poem_text(rowid, text) VALUES (?, ?)"_s)
            && statements->insertFetch.prepare(
                    u"INSERT INTO fetches(session_id, poem_id, request_id, server_name, address, "
                    "connected, started, ended, outcome, failure_type, failure_message, "
                    "system_error, bytes_received, trace) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!ok)
        return false;
    m_statements = std::move(statements);
    return true;
}

bool LibraryStore::startSession(QString *error, int *code)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO sessions(started) VALUES (?)"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        *error = words(query.lastError());
        *code = sqliteCode(query.lastError());
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
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"UPDATE sessions SET ended = ? WHERE id = ?"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(m_sessionId);
    if (!query.exec()) {
        result.ok = false;
        result.code = sqliteCode(query.lastError());
        result.detail = words(query.lastError());
    }
    return result;
}

bool LibraryStore::writeRecord(const LibraryRecord &record)
{
    Statements &s = *m_statements;
    QVariant poemId; // NULL: no bytes
    const bool whole = record.outcome == LibraryOutcome::Poem;
    if (whole || !record.bytes.isEmpty()) {
        const QByteArray hash = contentHash(record.bytes);
        s.findPoem.addBindValue(hash);
        if (!s.findPoem.exec())
            return false;
        bool kept = false;
        qint64 lastFetched = 0;
        QString lastServer;
        QString lastAddress;
        if (s.findPoem.next()) {
            poemId = s.findPoem.value(0);
            kept = s.findPoem.value(1).toBool();
            lastFetched = s.findPoem.value(2).toLongLong();
            lastServer = s.findPoem.value(3).toString();
            lastAddress = s.findPoem.value(4).toString();
        }
        s.findPoem.finish();
        if (poemId.isNull()) {
            s.insertPoem.addBindValue(hash);
            // Never NULL: an empty poem is an empty BLOB.
            s.insertPoem.addBindValue(record.bytes.isNull() ? QByteArray("") : record.bytes);
            s.insertPoem.addBindValue(qint64(record.bytes.size()));
            s.insertPoem.addBindValue(text(LibraryPoem::titleOf(record.bytes)));
            if (!s.insertPoem.exec())
                return false;
            poemId = s.insertPoem.lastInsertId();
        }
        if (whole) {
            const qint64 ended = toMs(record.ended);
            // The newest download names the server; one recorded late does not.
            const bool newest = !kept || ended >= lastFetched;
            QSqlQuery &update = s.updatePoem;
            update.addBindValue(ended);
            update.addBindValue(ended);
            update.addBindValue(newest ? ended : lastFetched);
            update.addBindValue(text(newest ? record.serverName : lastServer));
            update.addBindValue(text(newest ? record.address : lastAddress));
            update.addBindValue(poemId);
            if (!update.exec())
                return false;
            if (!kept) {
                s.insertText.addBindValue(poemId);
                s.insertText.addBindValue(indexedText(record.bytes));
                if (!s.insertText.exec())
                    return false;
            }
        }
    }
    QSqlQuery &insert = s.insertFetch;
    insert.addBindValue(m_sessionId == 0 ? QVariant() : QVariant(m_sessionId));
    insert.addBindValue(poemId);
    insert.addBindValue(qint64(record.trace.requestId));
    insert.addBindValue(text(record.serverName));
    insert.addBindValue(text(record.address));
    insert.addBindValue(text(record.connectedAddress));
    insert.addBindValue(toMs(record.started));
    insert.addBindValue(toMs(record.ended));
    insert.addBindValue(outcomeName(record.outcome));
    insert.addBindValue(text(record.failureType));
    insert.addBindValue(text(record.failureMessage));
    insert.addBindValue(record.systemErrorCode);
    insert.addBindValue(qint64(record.bytes.size()));
    insert.addBindValue(QString::fromUtf8(record.trace.encode()));
    return insert.exec();
}

int LibraryStore::pruneTo(const LibraryLimits &limits)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QList<qint64> doomed;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (limits.maxAge.count() > 0) {
        const qint64 cutoff = QDateTime::currentMSecsSinceEpoch()
                - std::chrono::duration_cast<std::chrono::milliseconds>(limits.maxAge).count();
        query.prepare(u"SELECT id FROM poems WHERE kept = 1 AND favourite = 0 "
                      "AND last_fetched < ?"_s);
        query.addBindValue(cutoff);
        if (query.exec()) {
            while (query.next())
                doomed.append(query.value(0).toLongLong());
        }
        query.prepare(u"DELETE FROM fetches WHERE ended < ?"_s);
        query.addBindValue(cutoff);
        query.exec();
    }
    if (limits.maxBytes > 0) {
        qint64 total = 0;
        if (query.exec(u"SELECT coalesce(sum(size), 0) FROM poems WHERE kept = 1"_s)
            && query.next())
            total = query.value(0).toLongLong();
        if (query.exec(u"SELECT id, size FROM poems WHERE kept = 1 AND favourite = 0 "
                       "ORDER BY last_fetched, id"_s)) {
            while (total > limits.maxBytes && query.next()) {
                const qint64 id = query.value(0).toLongLong();
                if (!doomed.contains(id))
                    doomed.append(id);
                total -= query.value(1).toLongLong();
            }
        }
    }
    query.finish();
    for (const qint64 id : std::as_const(doomed)) {
        query.prepare(u"DELETE FROM poem_text WHERE rowid = ?"_s);
        query.addBindValue(id);
        query.exec();
        query.prepare(u"DELETE FROM poems WHERE id = ?"_s);
        query.addBindValue(id);
        query.exec();
    }
    // Partial poems that no download refers to any more.
    query.exec(u"DELETE FROM poems WHERE kept = 0 AND id NOT IN "
               "(SELECT poem_id FROM fetches WHERE poem_id IS NOT NULL)"_s);
    return int(doomed.size());
}

LibraryStore::WriteResult LibraryStore::apply(const std::vector<LibraryOperation> &operations,
                                              int *pruned)
{
    WriteResult result;
    if (!m_statements) {
        result.ok = false;
        result.detail = u"the library is not open"_s;
        return result;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    const auto failWith = [&](const QSqlError &error) {
        result.ok = false;
        result.code = sqliteCode(error);
        result.detail = words(error);
        exec(u"ROLLBACK"_s);
        return result;
    };
    if (!query.exec(u"BEGIN IMMEDIATE"_s))
        return failWith(query.lastError());
    int prunedCount = 0;
    for (const LibraryOperation &operation : operations) {
        bool ok = true;
        switch (operation.kind) {
        case LibraryOperation::Kind::Record:
            ok = writeRecord(operation.record);
            if (!ok) {
                // The statement that failed says why.
                for (QSqlQuery *q :
                     {&m_statements->findPoem, &m_statements->insertPoem, &m_statements->updatePoem,
                      &m_statements->insertText, &m_statements->insertFetch}) {
                    if (q->lastError().isValid()) {
                        const QSqlError error = q->lastError();
                        for (QSqlQuery *other :
                             {&m_statements->findPoem, &m_statements->insertPoem,
                              &m_statements->updatePoem, &m_statements->insertText,
                              &m_statements->insertFetch})
                            other->finish();
                        prepareStatements();
                        return failWith(error);
                    }
                }
            }
            break;
        case LibraryOperation::Kind::SetRead:
        case LibraryOperation::Kind::SetFavourite:
            ok = query.prepare(operation.kind == LibraryOperation::Kind::SetRead
                                       ? u"UPDATE poems SET read = ? WHERE id = ?"_s
                                       : u"UPDATE poems SET favourite = ? WHERE id = ?"_s);
            query.addBindValue(operation.flag ? 1 : 0);
            query.addBindValue(operation.poemId);
            ok = ok && query.exec();
            break;
        case LibraryOperation::Kind::Remove:
            ok = query.prepare(u"DELETE FROM poem_text WHERE rowid = ?"_s);
            query.addBindValue(operation.poemId);
            ok = ok && query.exec() && query.prepare(u"DELETE FROM poems WHERE id = ?"_s);
            query.addBindValue(operation.poemId);
            ok = ok && query.exec();
            break;
        case LibraryOperation::Kind::ClearHistory:
            ok = query.exec(u"DELETE FROM fetches"_s)
                    && query.exec(u"DELETE FROM poems WHERE kept = 0"_s)
                    && query.prepare(u"DELETE FROM sessions WHERE id <> ?"_s);
            query.addBindValue(m_sessionId);
            ok = ok && query.exec();
            break;
        case LibraryOperation::Kind::Prune:
            prunedCount += pruneTo(operation.limits);
            break;
        }
        if (!ok && operation.kind != LibraryOperation::Kind::Record)
            return failWith(query.lastError());
    }
    if (!query.exec(u"COMMIT"_s))
        return failWith(query.lastError());
    if (pruned)
        *pruned = prunedCount;
    return result;
}

QList<LibraryPoem> LibraryStore::search(const QString &text, int limit)
{
    QList<LibraryPoem> poems;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QStringList words
            = text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts).mid(0, 16);
    QStringList matchTerms;
    QStringList likeTerms;
    for (const QString &word : words) {
        // The trigram index finds words of three characters or more; shorter ones are looked
        // for in the text itself.
        if (m_trigram && word.toUcs4().size() >= 3)
            matchTerms.append(u'"' + QString(word).replace(u'"', u"\"\""_s) + u'"');
        else
            likeTerms.append(word);
    }
    QString sql = u"SELECT "_s + poemColumns + u" FROM poems p"_s;
    if (!likeTerms.isEmpty())
        sql += u" JOIN poem_text t ON t.rowid = p.id"_s;
    sql += u" WHERE p.kept = 1"_s;
    if (!matchTerms.isEmpty())
        sql += u" AND p.id IN (SELECT rowid FROM poem_text WHERE poem_text MATCH ?)"_s;
    for (qsizetype i = 0; i < likeTerms.size(); ++i)
        sql += u" AND t.text LIKE ? ESCAPE '\\'"_s;
    sql += u" ORDER BY p.last_fetched DESC, p.id DESC LIMIT ?"_s;
    if (!query.prepare(sql))
        return poems;
    if (!matchTerms.isEmpty())
        query.addBindValue(matchTerms.join(u' '));
    for (QString term : std::as_const(likeTerms)) {
        term.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        query.addBindValue(QString(u'%' + term + u'%'));
    }
    query.addBindValue(limit);
    if (!query.exec())
        return poems;
    while (query.next())
        poems.append(poemFrom(query));
    return poems;
}

std::optional<LibraryPoem> LibraryStore::poemInfo(qint64 poemId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT "_s + poemColumns + u" FROM poems WHERE id = ?"_s);
    query.addBindValue(poemId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return poemFrom(query);
}

QByteArray LibraryStore::poemBytes(qint64 poemId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT bytes FROM poems WHERE id = ?"_s);
    query.addBindValue(poemId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toByteArray();
}

qint64 LibraryStore::poemCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT count(*) FROM poems WHERE kept = 1"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QList<LibraryFetch> LibraryStore::fetches(const QString &rest, const QVariantList &values)
{
    QList<LibraryFetch> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT "_s + fetchColumns + u" FROM fetches "_s + rest))
        return list;
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return list;
    while (query.next()) {
        LibraryFetch fetch;
        fetch.id = query.value(0).toLongLong();
        fetch.poemId = query.value(1).toLongLong();
        fetch.sessionId = query.value(2).toLongLong();
        fetch.serverName = query.value(3).toString();
        fetch.address = query.value(4).toString();
        fetch.connectedAddress = query.value(5).toString();
        fetch.started = fromMs(query.value(6));
        fetch.ended = fromMs(query.value(7));
        fetch.outcome = outcomeFromName(query.value(8).toString());
        fetch.failureType = query.value(9).toString();
        fetch.failureMessage = query.value(10).toString();
        fetch.systemErrorCode = query.value(11).toInt();
        fetch.bytesReceived = query.value(12).toLongLong();
        fetch.trace = StoredTrace::decode(query.value(13).toString().toUtf8(), &fetch.traceError);
        list.append(fetch);
    }
    return list;
}

QList<LibraryFetch> LibraryStore::history(int limit)
{
    return fetches(u"ORDER BY id DESC LIMIT ?"_s, {limit});
}

QList<LibraryFetch> LibraryStore::lastResults()
{
    return fetches(u"WHERE id IN (SELECT max(id) FROM fetches GROUP BY address) ORDER BY id"_s, {});
}

QList<LibraryFetch> LibraryStore::lastSession()
{
    return fetches(u"WHERE session_id = (SELECT max(id) FROM sessions WHERE id < ?) ORDER BY id"_s,
                   {m_sessionId});
}
