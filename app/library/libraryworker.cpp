#include "libraryworker.h"

#include <QTimer>

#include <algorithm>

LibraryWorker::LibraryWorker(std::shared_ptr<LibraryQueue> queue)
    : m_queue(std::move(queue)), m_batchTimer(new QTimer(this)), m_retryTimer(new QTimer(this))
{
    m_batchTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &LibraryWorker::writePending);
    connect(m_retryTimer, &QTimer::timeout, this, &LibraryWorker::writePending);
}

LibraryWorker::~LibraryWorker() = default;

void LibraryWorker::setUnwritten(qsizetype count)
{
    const QMutexLocker locker(&m_queue->mutex);
    m_queue->unwritten = count;
}

LibraryStore::OpenResult LibraryWorker::open(const QString &fileName,
                                             const LibraryStore::Options &options,
                                             const Timing &timing)
{
    if (m_store.isOpen())
        closeStore();
    m_batchTimer->setInterval(timing.batchInterval);
    m_retryTimer->setInterval(timing.retryInterval);
    m_lastProblem = LibraryStore::Problem::None;
    const LibraryStore::OpenResult result = m_store.open(fileName, options);
    m_queue->open = m_store.isOpen();
    m_queue->persistent = m_store.isPersistent();
    m_queue->trigram = m_store.hasTrigramIndex();
    {
        const QMutexLocker locker(&m_queue->mutex);
        m_queue->fileName = m_store.fileName();
    }
    // Changes queued before the file was open go into it now.
    schedule();
    return result;
}

void LibraryWorker::schedule()
{
    if (!m_batchTimer->isActive() && !m_retryTimer->isActive())
        m_batchTimer->start();
}

bool LibraryWorker::writePending()
{
    m_batchTimer->stop();
    {
        const QMutexLocker locker(&m_queue->mutex);
        m_queue->scheduled = false;
        if (m_batch.empty()) {
            m_batch.swap(m_queue->pending);
        } else {
            std::move(m_queue->pending.begin(), m_queue->pending.end(),
                      std::back_inserter(m_batch));
            m_queue->pending.clear();
        }
        m_queue->unwritten = qsizetype(m_batch.size());
    }
    if (m_batch.empty() || !m_store.isOpen())
        return m_batch.empty();
    const LibraryStore::WriteResult result = m_store.apply(m_batch);
    if (result.ok) {
        m_retryTimer->stop();
        keepWithinLimits();
        m_batch.clear();
        setUnwritten(0);
        m_lastProblem = LibraryStore::Problem::None;
        Q_EMIT written();
        return true;
    }
    // Kept for the next attempt: nothing queued is dropped while the program runs.
    const LibraryStore::Problem problem = result.problem();
    if (problem == LibraryStore::Problem::Unusable || problem == LibraryStore::Problem::Damaged) {
        // Not the disk or a lock, so not a matter of waiting: a change the file refuses (it
        // should never happen) must not hold back the others. Each alone; the refused ones go.
        std::vector<LibraryOperation> refused;
        for (LibraryOperation &operation : m_batch) {
            std::vector<LibraryOperation> one;
            one.push_back(std::move(operation));
            if (!m_store.apply(one).ok)
                refused.push_back(std::move(one.front()));
        }
        m_batch.clear();
        setUnwritten(0);
        if (!refused.empty())
            Q_EMIT changesRefused(result.detail, qsizetype(refused.size()));
        Q_EMIT written();
        return refused.empty();
    }
    if (problem != m_lastProblem)
        Q_EMIT writeFailed(problem, result.detail, qsizetype(m_batch.size()));
    m_lastProblem = problem;
    m_retryTimer->start();
    return false;
}

void LibraryWorker::keepWithinLimits()
{
    LibraryLimits limits;
    {
        const QMutexLocker locker(&m_queue->mutex);
        limits = m_queue->limits;
    }
    const bool recorded = std::any_of(m_batch.begin(), m_batch.end(), [](const auto &operation) {
        return operation.kind == LibraryOperation::Kind::Record;
    });
    // A transaction of its own: the downloads are written whatever the prune meets.
    if (recorded && !limits.isUnlimited())
        m_store.apply({{LibraryOperation::Kind::Prune, {}, {}, false, limits}});
}

qsizetype LibraryWorker::closeStore()
{
    writePending();
    const qsizetype lost = qsizetype(m_batch.size());
    m_batch.clear();
    setUnwritten(0);
    m_batchTimer->stop();
    m_retryTimer->stop();
    m_store.endSession();
    m_store.close();
    m_queue->open = false;
    m_queue->persistent = false;
    return lost;
}
