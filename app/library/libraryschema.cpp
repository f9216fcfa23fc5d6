#include "libraryschema.h"

#include "librarysql.h"
#include "librarystore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QStringList LibrarySchema::statements(int version, bool trigram)
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

bool LibrarySchema::create(const QString &connectionName, QString *error, int *code)
{
    const auto exec = [&](const QString &statement) {
        return LibrarySql::exec(connectionName, statement, error, code);
    };
    if (!exec(u"BEGIN IMMEDIATE"_s))
        return false;
    for (const QString &statement : statements(1, false)) {
        if (!exec(statement)) {
            LibrarySql::exec(connectionName, u"ROLLBACK"_s);
            return false;
        }
    }
    if (!exec(u"PRAGMA user_version = 1"_s) || !exec(u"COMMIT"_s)) {
        LibrarySql::exec(connectionName, u"ROLLBACK"_s);
        return false;
    }
    return migrate(connectionName, 1, error, code);
}

bool LibrarySchema::migrate(const QString &connectionName, int fromVersion, QString *error,
                            int *code)
{
    const auto exec = [&](const QString &statement) {
        return LibrarySql::exec(connectionName, statement, error, code);
    };
    // Whether this SQLite has FTS5's trigram tokenizer (3.34 and later, when FTS5 is built in).
    const bool trigram = LibrarySql::exec(connectionName,
                                          u"CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, "
                                          "tokenize='trigram')"_s)
            && LibrarySql::exec(connectionName, u"DROP TABLE temp.trigram_probe"_s);
    if (!exec(u"BEGIN IMMEDIATE"_s))
        return false;
    const auto fail = [&] {
        LibrarySql::exec(connectionName, u"ROLLBACK"_s);
        return false;
    };
    for (int version = fromVersion + 1; version <= LibraryStore::schemaVersion; ++version) {
        for (const QString &statement : statements(version, trigram)) {
            if (!exec(statement))
                return fail();
        }
        if (version == 2 && !indexKeptPoems(connectionName, error, code))
            return fail();
        if (!exec(u"PRAGMA user_version = %1"_s.arg(version)))
            return fail();
    }
    if (!exec(u"COMMIT"_s))
        return fail();
    return true;
}

bool LibrarySchema::indexKeptPoems(const QString &connectionName, QString *error, int *code)
{
    const QSqlDatabase db = LibrarySql::database(connectionName);
    QSqlQuery poems(db);
    poems.setForwardOnly(true);
    QSqlQuery insert(db);
    if (!poems.exec(u"SELECT id, bytes FROM poems WHERE kept = 1"_s)
        || !insert.prepare(u"INSERT INTO poem_text(rowid, text) VALUES (?, ?)"_s)) {
        *error = LibrarySql::words(poems.lastError().isValid() ? poems.lastError()
                                                               : insert.lastError());
        return false;
    }
    while (poems.next()) {
        insert.addBindValue(poems.value(0));
        insert.addBindValue(LibrarySql::indexedText(poems.value(1).toByteArray()));
        if (!insert.exec()) {
            *error = LibrarySql::words(insert.lastError());
            *code = LibrarySql::code(insert.lastError());
            return false;
        }
    }
    return true;
}

bool LibrarySchema::hasTrigramIndex(const QString &connectionName)
{
    QSqlQuery query(LibrarySql::database(connectionName));
    if (!query.exec(u"SELECT sql FROM sqlite_schema WHERE name = 'poem_text'"_s) || !query.next())
        return false;
    return query.value(0).toString().contains(u"trigram"_s);
}
