#pragma once

#include "libraryoperation.h"
#include "libraryrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class LibraryReader;
class LibraryWriter;

// The SQLite database itself, through one QtSql connection: open() with its checks of a hostile
// file (set aside by LibraryBackups), the sessions, and the way to the schema (LibrarySchema),
// the writes (LibraryWriter) and the reads (LibraryReader). Synchronous; PoemLibrary runs it on
// its own thread, tests run it directly. Not thread-safe: one thread uses one store.
class LibraryStore
{
public:
    // PRAGMA user_version of the current schema (docs/library.md lists every version).
    static constexpr int schemaVersion = 2;
    // The oldest version that open() migrates from.
    static constexpr int oldestSchemaVersion = 1;
    // At most this much of a poem's text is in the search index.
    static constexpr qsizetype maxIndexedBytes = 1024 * 1024;
    // Damaged files set aside next to the library: older ones than the newest few are removed.
    static constexpr int maxBackups = 5;

    enum class Problem {
        None,         // the file is open
        Damaged,      // not SQLite, or a damaged SQLite file: set aside, a new library started
        NotALibrary,  // SQLite, but not a library of ours: set aside, a new library started
        NewerVersion, // a newer program's schema: left alone; working in memory
        Locked,       // another program holds it: working in memory
        ReadOnly,     // the file or its folder cannot be written: working in memory
        NoSpace,      // the disk is full: working in memory
        Unusable,     // any other error: working in memory
    };

    struct OpenResult
    {
        Problem problem = Problem::None;
        QString fileName;
        QString backupFileName;  // where a damaged file went; empty if none was set aside
        QString detail;          // SQLite's or the system's own words, untranslated
        int fileVersion = 0;     // the schema version the file had (NewerVersion, migrations)
        bool persistent = false; // false: the library is in memory and ends with the program
        bool created = false;    // a new file (a first start, or after setting one aside)
        int migratedFrom = 0;    // the version migrated from; 0 if no migration ran
    };

    struct Options
    {
        std::chrono::milliseconds busyTimeout{250};
        // A size limit in pages (SQLite's PRAGMA max_page_count); 0 for none. Tests use it to
        // make a full disk.
        qint64 maxPageCount = 0;
    };

    // The outcome of a write: SQLite's primary result code and its words when it failed.
    struct WriteResult
    {
        bool ok = true;
        int code = 0;
        QString detail;
        Problem problem() const;
    };

    LibraryStore();
    ~LibraryStore();
    LibraryStore(const LibraryStore &) = delete;
    LibraryStore &operator=(const LibraryStore &) = delete;

    // Opens (or creates) the library at `fileName`; whatever the file is, the store is usable
    // afterwards: in memory if the file cannot be used (see OpenResult).
    OpenResult open(const QString &fileName, const Options &options);
    OpenResult open(const QString &fileName) { return open(fileName, Options()); }
    // A new library in memory.
    bool openInMemory(QString *error = nullptr);
    void close();
    bool isOpen() const;
    bool isPersistent() const { return m_persistent; }
    QString fileName() const { return m_fileName; }
    // Whether searches use SQLite's FTS5 trigram index (else a scan with LIKE).
    bool hasTrigramIndex() const { return m_trigram; }
    // The current session (started by open()); 0 if it could not be written.
    qint64 sessionId() const { return m_sessionId; }

    // One transaction for all of them: all applied, or none (then the result says why).
    WriteResult apply(const std::vector<LibraryOperation> &operations, int *pruned = nullptr);
    // Marks the current session ended.
    WriteResult endSession();

    // Poems whose text contains every word of `text` (none: every poem), the most recently
    // fetched first.
    QList<LibraryPoem> search(const QString &text, int limit);
    std::optional<LibraryPoem> poemInfo(qint64 poemId);
    QByteArray poemBytes(qint64 poemId);
    // The most recent downloads first.
    QList<LibraryFetch> history(int limit);
    // The latest download of each address.
    QList<LibraryFetch> lastResults();
    // The downloads of the session before this one, in the order they were recorded.
    QList<LibraryFetch> lastSession();
    qint64 poemCount();

    // The schema of `version`, statement by statement, and the migration from version - 1:
    // exposed for the tests, which build older versions by hand and compare.
    static QStringList createStatements(int version, bool trigram);
    // "SQLite format 3\0": the first bytes of every SQLite database file.
    static bool hasSqliteHeader(const QByteArray &bytes);
    static QByteArray contentHash(const QByteArray &bytes);
    // What an SQLite primary result code means for the library.
    static Problem problemFor(int sqliteCode);

private:
    OpenResult openFile(const QString &fileName, const Options &options);
    OpenResult fallBackToMemory(OpenResult result);
    bool openConnection(const QString &databaseName, const Options &options, QString *error,
                        int *code);
    bool startSession(QString *error, int *code);
    bool prepareWriter();
    bool exec(const QString &statement, QString *error = nullptr, int *code = nullptr);
    LibraryReader reader() const;

    QString m_connectionName;
    QString m_fileName;
    bool m_persistent = false;
    bool m_trigram = false;
    qint64 m_sessionId = 0;
    std::unique_ptr<LibraryWriter> m_writer;
};
