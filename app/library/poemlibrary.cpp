#include "poemlibrary.h"

#include "libraryworker.h"

#include <QDir>
#include <QPromise>
#include <QSemaphore>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

QString shown(const QString &fileName)
{
    return QDir::toNativeSeparators(fileName);
}

QString writeFailureMessage(LibraryStore::Problem problem, const QString &fileName,
                            const QString &detail, qsizetype waiting)
{
    const QString file = shown(fileName);
    switch (problem) {
    case LibraryStore::Problem::NoSpace:
        return PoemLibrary::tr("The disk is full: the library “%1” cannot save more downloads "
                               "now (%2 waiting). They are kept and saved as soon as there is "
                               "room.")
                .arg(file)
                .arg(waiting);
    case LibraryStore::Problem::Locked:
        return PoemLibrary::tr("The library “%1” is in use by another program: downloads are "
                               "kept (%2 waiting) and saved when it is free.")
                .arg(file)
                .arg(waiting);
    default:
        return PoemLibrary::tr("The library “%1” could not be written (%2): downloads are kept "
                               "(%3 waiting) and saved when it works again.")
                .arg(file, detail)
                .arg(waiting);
    }
}

} // namespace

QString PoemLibrary::OpenResult::message() const
{
    const QString file = shown(fileName);
    const QString backup = shown(backupFileName);
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Damaged:
    case Problem::NotALibrary:
        if (!persistent)
            return tr("The library “%1” is damaged (%2) and could not be set aside. Poems "
                      "received now are kept until the program ends, not saved.")
                    .arg(file, detail);
        if (problem == Problem::NotALibrary)
            return tr("“%1” is not a Poetry Reader library. It was kept as “%2” and a new, "
                      "empty library was started.")
                    .arg(file, backup);
        return tr("The library “%1” was damaged (%2). It was kept as “%3” and a new, empty "
                  "library was started.")
                .arg(file, detail, backup);
    case Problem::NewerVersion:
        return tr("The library “%1” was written by a newer version of Poetry Reader. It is left "
                  "as it is; poems received now are kept until the program ends, not saved.")
                .arg(file);
    case Problem::Locked:
        return tr("The library “%1” is in use by another program (another Poetry Reader?). "
                  "Poems received now are kept until the program ends, not saved.")
                .arg(file);
    case Problem::ReadOnly:
        return tr("The library “%1” cannot be written (%2). Poems received now are kept until "
                  "the program ends, not saved.")
                .arg(file, detail);
    case Problem::NoSpace:
        return tr("The disk is full: the library “%1” cannot be opened. Poems received now are "
                  "kept until the program ends, not saved.")
                .arg(file);
    case Problem::Unusable:
        break;
    }
    return tr("The library “%1” could not be opened (%2). Poems received now are kept until "
              "the program ends, not saved.")
            .arg(file, detail);
}

PoemLibrary::PoemLibrary(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_queue(std::make_shared<LibraryQueue>())
{
    m_thread->setObjectName(u"poem library"_s);
    m_worker = new LibraryWorker(m_queue);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &LibraryWorker::written, this, &PoemLibrary::changed);
    connect(m_worker, &LibraryWorker::writeFailed, this,
            [this](LibraryStore::Problem problem, const QString &detail, qsizetype waiting) {
                Q_EMIT problemOccurred(writeFailureMessage(problem, fileName(), detail, waiting));
            });
    connect(m_worker, &LibraryWorker::changesRefused, this,
            [this](const QString &detail, qsizetype count) {
                Q_EMIT problemOccurred(
                        tr("The library “%1” refused %2 changes (%3); they were not saved.")
                                .arg(shown(fileName()))
                                .arg(count)
                                .arg(detail));
            });
    m_thread->start();
}

PoemLibrary::~PoemLibrary()
{
    close();
    // The worker comes back to this thread to be deleted here, its timers stopped.
    QThread *home = thread();
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, home] { worker->moveToThread(home); },
            Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

QString PoemLibrary::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/library.sqlite"_s;
}

PoemLibrary::OpenResult PoemLibrary::open(const QString &fileName, const Options &options)
{
    OpenResult result;
    const LibraryStore::Options storeOptions{options.busyTimeout, options.maxPageCount};
    const LibraryWorker::Timing timing{options.batchInterval, options.retryInterval};
    QMetaObject::invokeMethod(
            m_worker,
            [&] {
                static_cast<LibraryStore::OpenResult &>(result)
                        = m_worker->open(fileName, storeOptions, timing);
            },
            Qt::BlockingQueuedConnection);
    // Another file (or the first): whatever lists the library lists it again.
    Q_EMIT changed();
    return result;
}

bool PoemLibrary::isOpen() const
{
    return m_queue->open;
}

bool PoemLibrary::isPersistent() const
{
    return m_queue->persistent;
}

QString PoemLibrary::fileName() const
{
    const QMutexLocker locker(&m_queue->mutex);
    return m_queue->fileName;
}

bool PoemLibrary::hasTrigramIndex() const
{
    return m_queue->trigram;
}

void PoemLibrary::enqueue(LibraryOperation operation)
{
    bool post = false;
    {
        const QMutexLocker locker(&m_queue->mutex);
        m_queue->pending.push_back(std::move(operation));
        post = !m_queue->scheduled;
        m_queue->scheduled = true;
    }
    // One event per batch, not per change.
    if (post)
        QMetaObject::invokeMethod(m_worker, &LibraryWorker::schedule, Qt::QueuedConnection);
}

void PoemLibrary::record(const PoemJob &job, const QString &serverName)
{
    record(LibraryRecord::fromJob(job, serverName));
}

void PoemLibrary::record(LibraryRecord record)
{
    LibraryOperation operation;
    operation.kind = LibraryOperation::Kind::Record;
    operation.record = std::move(record);
    enqueue(std::move(operation));
}

void PoemLibrary::setRead(qint64 poemId, bool read)
{
    enqueue({LibraryOperation::Kind::SetRead, {}, {poemId}, read, {}});
}

void PoemLibrary::setRead(const QList<qint64> &poemIds, bool read)
{
    enqueue({LibraryOperation::Kind::SetRead, {}, poemIds, read, {}});
}

void PoemLibrary::setFavourite(qint64 poemId, bool favourite)
{
    enqueue({LibraryOperation::Kind::SetFavourite, {}, {poemId}, favourite, {}});
}

void PoemLibrary::setFavourite(const QList<qint64> &poemIds, bool favourite)
{
    enqueue({LibraryOperation::Kind::SetFavourite, {}, poemIds, favourite, {}});
}

void PoemLibrary::remove(qint64 poemId)
{
    enqueue({LibraryOperation::Kind::Remove, {}, {poemId}, false, {}});
}

void PoemLibrary::remove(const QList<qint64> &poemIds)
{
    enqueue({LibraryOperation::Kind::Remove, {}, poemIds, false, {}});
}

void PoemLibrary::setLimits(const LibraryLimits &limits)
{
    {
        const QMutexLocker locker(&m_queue->mutex);
        m_queue->limits = limits;
    }
    if (!limits.isUnlimited())
        enqueue({LibraryOperation::Kind::Prune, {}, {}, false, limits});
}

LibraryLimits PoemLibrary::limits() const
{
    const QMutexLocker locker(&m_queue->mutex);
    return m_queue->limits;
}

void PoemLibrary::clearHistory()
{
    enqueue({LibraryOperation::Kind::ClearHistory, {}, {}, false, {}});
}

qsizetype PoemLibrary::pendingCount() const
{
    const QMutexLocker locker(&m_queue->mutex);
    return qsizetype(m_queue->pending.size()) + m_queue->unwritten;
}

template<typename T, typename F>
QFuture<T> PoemLibrary::read(F &&function)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, promise, function = std::forward<F>(function)] {
                // Before open() or after close() there is nothing to read (and asking SQLite
                // would only warn): an empty answer.
                if (!worker->store().isOpen()) {
                    promise->addResult(T{});
                    promise->finish();
                    return;
                }
                // Every change queued before this read is in the file first.
                worker->writePending();
                promise->addResult(function(worker->store()));
                promise->finish();
            },
            Qt::QueuedConnection);
    return future;
}

QFuture<int> PoemLibrary::prune(const LibraryLimits &limits)
{
    return read<int>([limits](LibraryStore &store) {
        int pruned = 0;
        store.apply({{LibraryOperation::Kind::Prune, {}, {}, false, limits}}, &pruned);
        return pruned;
    });
}

bool PoemLibrary::flush(std::chrono::milliseconds timeout)
{
    auto done = std::make_shared<QSemaphore>();
    auto written = std::make_shared<std::atomic<bool>>(false);
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, done, written] {
                *written = worker->writePending();
                done->release();
            },
            Qt::QueuedConnection);
    return done->tryAcquire(1, int(timeout.count())) && *written;
}

qsizetype PoemLibrary::close(std::chrono::milliseconds timeout)
{
    if (!m_queue->open && pendingCount() == 0)
        return 0;
    flush(timeout);
    qsizetype lost = 0;
    QMetaObject::invokeMethod(
            m_worker, [&] { lost = m_worker->closeStore(); }, Qt::BlockingQueuedConnection);
    return lost;
}

QFuture<QList<LibraryPoem>> PoemLibrary::search(const QString &text, int limit)
{
    return read<QList<LibraryPoem>>(
            [text, limit](LibraryStore &store) { return store.search(text, limit); });
}

QFuture<std::optional<LibraryPoem>> PoemLibrary::poemInfo(qint64 poemId)
{
    return read<std::optional<LibraryPoem>>(
            [poemId](LibraryStore &store) { return store.poemInfo(poemId); });
}

QFuture<QByteArray> PoemLibrary::poem(qint64 poemId)
{
    return read<QByteArray>([poemId](LibraryStore &store) { return store.poemBytes(poemId); });
}

QFuture<QList<LibraryFetch>> PoemLibrary::history(int limit)
{
    return read<QList<LibraryFetch>>([limit](LibraryStore &store) { return store.history(limit); });
}

QFuture<QList<LibraryFetch>> PoemLibrary::lastResults()
{
    return read<QList<LibraryFetch>>([](LibraryStore &store) { return store.lastResults(); });
}

QFuture<QList<LibraryFetch>> PoemLibrary::lastSession()
{
    return read<QList<LibraryFetch>>([](LibraryStore &store) { return store.lastSession(); });
}

QFuture<qint64> PoemLibrary::poemCount()
{
    return read<qint64>([](LibraryStore &store) { return store.poemCount(); });
}
