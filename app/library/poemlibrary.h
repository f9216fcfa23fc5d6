#pragma once

#include "libraryrecord.h"
#include "librarystore.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

class PoemJob;
class QThread;
class LibraryWorker;
struct LibraryQueue;

// The poem library: every finished download kept in one SQLite file (library.sqlite in the
// application's data folder), its poem stored once however often it was fetched, searchable,
// restored on the next start. The window's side of it; the core fetcher does not know it.
//
//     PoemLibrary library;
//     const PoemLibrary::OpenResult opened = library.open();
//     if (!opened.message().isEmpty())
//         notices->show(opened.message());       // the file was damaged, locked, …
//     connect(fetcher, &PoetryFetcher::poemReceived, …, [&](PoemJob *job) { library.record(*job);
//     }); library.search(u"눈"_s).then(this, [](const QList<LibraryPoem> &poems) { … });
//
// Threads: the database lives on a thread of its own. record() and the other changes only
// queue the change and return (a few microseconds: the caller's thread never waits for the
// disk, a lock or a full disk); the library's thread writes what is queued in one transaction
// every batchInterval. Reads return futures that the library's thread fulfils after every
// change queued before them, so that a search made after record() finds the poem. Continue
// them with .then(context, …) to be back on the caller's thread.
//
// Whatever the file is, open() leaves a working library: in memory if the file cannot be used
// (isPersistent() is then false, and the result says why). A write that fails later (a full
// disk) keeps the changes queued and tries again every retryInterval; problemOccurred() says so.
class PoemLibrary : public QObject
{
    Q_OBJECT

public:
    using Problem = LibraryStore::Problem;

    struct Options
    {
        std::chrono::milliseconds batchInterval{200};
        std::chrono::milliseconds retryInterval{2000};
        // How long open() and each write wait for another program's lock.
        std::chrono::milliseconds busyTimeout{250};
        // For tests: a size limit in SQLite pages, to make a full disk (PRAGMA max_page_count).
        qint64 maxPageCount = 0;
    };

    struct OpenResult : LibraryStore::OpenResult
    {
        // One translated paragraph for the window's notice bar; empty when all is well.
        QString message() const;
    };

    explicit PoemLibrary(QObject *parent = nullptr);
    ~PoemLibrary() override;

    // "<AppDataLocation>/library.sqlite".
    static QString defaultFileName();

    // Waits for the library's thread to open the file: at most a little over busyTimeout for a
    // locked file, plus the check of an existing file (PRAGMA quick_check). Opening again
    // closes the library first.
    OpenResult open(const QString &fileName, const Options &options);
    OpenResult open(const QString &fileName) { return open(fileName, Options()); }
    OpenResult open() { return open(defaultFileName()); }
    bool isOpen() const;
    bool isPersistent() const;
    QString fileName() const;
    // Whether searches use SQLite's FTS5 trigram index (else a scan of the texts).
    bool hasTrigramIndex() const;

    // Queue a change; nothing here waits for the disk.
    void record(const PoemJob &job, const QString &serverName = {});
    void record(LibraryRecord record);
    void setRead(qint64 poemId, bool read);
    void setRead(const QList<qint64> &poemIds, bool read);
    void setFavourite(qint64 poemId, bool favourite);
    void setFavourite(const QList<qint64> &poemIds, bool favourite);
    // Deletes the poems (their downloads stay in the history, without them).
    void remove(qint64 poemId);
    void remove(const QList<qint64> &poemIds);
    // Forgets every download (the history, the last results, the sessions) and the partial
    // poems of failures; the poems stay.
    void clearHistory();
    // Removes what the limits do not keep (favourites never); the number of poems removed.
    QFuture<int> prune(const LibraryLimits &limits);
    // The limits the library keeps itself within (the settings' limit): pruned now, and again
    // after every batch that records a download. Unlimited at first.
    void setLimits(const LibraryLimits &limits);
    LibraryLimits limits() const;

    // Changes queued and not yet written (waiting for the next batch, or for room on the disk).
    qsizetype pendingCount() const;
    // Writes what is queued now and waits for it at most `timeout`: true if it is written.
    bool flush(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Writes what is queued (waiting at most `timeout`) and closes the file. The destructor
    // does it too. The number of changes that could not be written (lost).
    qsizetype close(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    // Poems whose text contains every word of `text` (in any language: "눈", "駅" are found
    // inside words), the most recently fetched first; an empty text lists every poem.
    QFuture<QList<LibraryPoem>> search(const QString &text, int limit = 500);
    QFuture<std::optional<LibraryPoem>> poemInfo(qint64 poemId);
    // The exact bytes of a poem or of a failure's partial poem (LibraryFetch::poemId).
    QFuture<QByteArray> poem(qint64 poemId);
    QFuture<QList<LibraryFetch>> history(int limit = 1000);
    // The latest download of each address: the server list's last results.
    QFuture<QList<LibraryFetch>> lastResults();
    // The downloads of the previous run of the program, in order (Interrupted ones included).
    QFuture<QList<LibraryFetch>> lastSession();
    QFuture<qint64> poemCount();

Q_SIGNALS:
    // A batch of changes was written, or open() opened a file.
    void changed();
    // Something went wrong after open(): a translated sentence for the notice bar.
    void problemOccurred(const QString &message);

private:
    template<typename T, typename F>
    QFuture<T> read(F &&function);
    void enqueue(LibraryOperation operation);

    QThread *m_thread = nullptr;
    LibraryWorker *m_worker = nullptr;
    std::shared_ptr<LibraryQueue> m_queue;
};
