#pragma once

#include "librarystore.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <chrono>
#include <vector>

class QTimer;

// What PoemLibrary's callers and its thread share: the changes queued and not yet taken.
struct LibraryQueue
{
    QMutex mutex;
    std::vector<LibraryOperation> pending; // under mutex
    bool scheduled = false;                // under mutex: a batch is on its way
    // Taken from `pending` by the library's thread, not written yet (a write failed).
    qsizetype unwritten = 0; // under mutex
    std::atomic<bool> open{false};
    std::atomic<bool> persistent{false};
    std::atomic<bool> trigram{false};
    QString fileName;     // under mutex
    LibraryLimits limits; // under mutex: kept after every batch that records a download
};

// PoemLibrary's side on its own thread: owns the LibraryStore (its QtSql connection belongs to
// this thread) and writes the queue in batches. Private to PoemLibrary.
class LibraryWorker : public QObject
{
    Q_OBJECT

public:
    struct Timing
    {
        std::chrono::milliseconds batchInterval{200};
        std::chrono::milliseconds retryInterval{2000};
    };

    explicit LibraryWorker(std::shared_ptr<LibraryQueue> queue);
    ~LibraryWorker() override;

    LibraryStore::OpenResult open(const QString &fileName, const LibraryStore::Options &options,
                                  const Timing &timing);
    // Starts the batch timer unless a batch or a retry is already on its way.
    void schedule();
    // Takes what is queued and writes it, with what an earlier write left: true if all is written.
    bool writePending();
    // Writes what it can, ends the session and closes the file; the changes left unwritten.
    qsizetype closeStore();
    LibraryStore &store() { return m_store; }

Q_SIGNALS:
    void written();
    // A write failed; `waiting` changes are kept for the next attempt.
    void writeFailed(LibraryStore::Problem problem, const QString &detail, qsizetype waiting);
    // The file refused these changes for a reason that waiting does not cure: they are dropped.
    void changesRefused(const QString &detail, qsizetype count);

private:
    void setUnwritten(qsizetype count);
    // Prunes to the queue's limits when the batch just written recorded a download.
    void keepWithinLimits();

    std::shared_ptr<LibraryQueue> m_queue;
    LibraryStore m_store;
    QTimer *m_batchTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    std::vector<LibraryOperation> m_batch;
    LibraryStore::Problem m_lastProblem = LibraryStore::Problem::None;
};
