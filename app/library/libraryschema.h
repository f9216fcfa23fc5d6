#pragma once

#include <QString>
#include <QStringList>

// The library's schema and its migrations, on one QtSql connection (by its name). The current
// schema is always version 1 followed by every migration, so that a new file and a migrated one
// are the same (tst_library_schema compares them). docs/library.md lists every version.
class LibrarySchema
{
public:
    // The statements that take the schema from version - 1 to `version` (version 1: from
    // nothing); with `trigram`, the search index is FTS5's trigram table.
    static QStringList statements(int version, bool trigram);
    // Creates the current schema in an empty database.
    static bool create(const QString &connectionName, QString *error, int *code);
    // Migrates a database of `fromVersion` to the current version, all in one transaction: a
    // migration that fails leaves the file as it was.
    static bool migrate(const QString &connectionName, int fromVersion, QString *error, int *code);
    // Whether the database's search index is FTS5's trigram table (else a plain table).
    static bool hasTrigramIndex(const QString &connectionName);

private:
    // The poems already kept, put in the search index (the migration to version 2).
    static bool indexKeptPoems(const QString &connectionName, QString *error, int *code);
};
