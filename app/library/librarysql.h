#pragma once

#include "libraryrecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

class QSqlError;

// What the parts of the library's store (LibraryStore, LibrarySchema, LibraryWriter,
// LibraryReader) share about SQLite: its result codes, its words, and how values are written.
namespace LibrarySql {

// SQLite's primary result codes (sqlite3.h), as QtSql reports them in nativeErrorCode().
enum Code {
    Perm = 3,
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoErr = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Auth = 23,
    NotADb = 26,
};

int code(const QSqlError &error);
// SQLite's own words for the error, untranslated.
QString words(const QSqlError &error);
QSqlDatabase database(const QString &connectionName);
// Runs one statement on the connection; on failure, its words and code (either may be null).
bool exec(const QString &connectionName, const QString &statement, QString *error = nullptr,
          int *code = nullptr);

// Never NULL: the columns are NOT NULL, and an empty text is not a missing one.
QVariant text(const QString &value);
qint64 toMs(const QDateTime &time);
QDateTime fromMs(const QVariant &value);
QString outcomeName(LibraryOutcome outcome);
LibraryOutcome outcomeFromName(const QString &name);
// What goes into the search index for a poem: at most maxIndexedBytes of it.
QString indexedText(const QByteArray &bytes);

} // namespace LibrarySql
