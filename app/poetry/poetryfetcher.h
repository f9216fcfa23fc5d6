#pragma once

#include "address.h"
#include "failure.h"
#include "fetchoptions.h"
#include "poem.h"
#include "poemjob.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <limits>
#include <source_location>
#include <unordered_set>
#include <utility>

// Fetches poems, many at once, on Qt's event loop. fetch() returns a PoemJob at once: one
// object per request, which owns everything about it (see PoemJob). The fetcher is the
// scheduler: it queues requests beyond maxConcurrentConnections() in the order they were made,
// starts them as slots come free, applies the timeouts, and queues a request again when the
// process runs out of file descriptors.
//
// For every request exactly one of poemReceived() or poemFailed() follows, always from the
// event loop and never from inside fetch(), right after the job's own finished().
class PoetryFetcher : public QObject
{
    Q_OBJECT

public:
    explicit PoetryFetcher(QObject *parent = nullptr);
    // Jobs still the fetcher's children go with it, without any signal.
    ~PoetryFetcher() override;

    // `address` as users type it (see Address::parse); a bad one fails with InvalidAddress.
    // `origin` heads the traceback: where the request was made.
    PoemJob *fetch(const QString &address, const FetchOptions &options = {},
                   std::source_location origin = std::source_location::current());
    PoemJob *fetch(const Address &address, const FetchOptions &options = {},
                   std::source_location origin = std::source_location::current());

    // Cancels every job that has not finished, in the order they were made.
    void cancelAll();

    int maxConcurrentConnections() const { return m_maxConcurrent; }
    void setMaxConcurrentConnections(int count);

    // Jobs holding a connection slot (connecting or receiving).
    int activeCount() const { return m_activeCount; }
    // Jobs whose outcome has not been delivered yet.
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    // From inside fetch(), before it returns: for trackers that follow every job (logs, tests).
    void jobAdded(PoemJob *job);
    void poemReceived(PoemJob *job, const Poem &poem);
    void poemFailed(PoemJob *job, const Failure &failure);

private:
    PoemJob *addJob(const QString &text, const std::optional<Address> &address,
                    const FetchOptions &options, std::source_location origin);
    void schedulePump();
    void pump();
    void onJobFinished(PoemJob *job);
    void onOutOfDescriptors(PoemJob *job);
    void releaseSlot(PoemJob *job);
    void checkTimeouts();

    // Jobs not delivered yet; the queue holds ids too, since a deleted job's pointer may be
    // reused by a new one.
    std::unordered_set<PoemJob *> m_pending;
    std::unordered_set<PoemJob *> m_holdingSlot;
    std::deque<std::pair<PoemJob *, RequestId>> m_queue;
    RequestId m_lastId = 0;
    int m_maxConcurrent = 100;
    // Lowered when the process runs out of file descriptors, raised again as requests end.
    int m_descriptorLimit = std::numeric_limits<int>::max();
    int m_activeCount = 0;
    QTimer m_pumpTimer;
    QTimer m_watchdog;
};
