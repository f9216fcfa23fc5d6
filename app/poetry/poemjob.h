#pragma once

#include "address.h"
#include "failure.h"
#include "fetchoptions.h"
#include "poem.h"
#include "poetryprotocol.h"
#include "requeststate.h"
#include "requesttrace.h"

#include <QFuture>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>
#include <source_location>

class PoetryFetcher;
template<typename T>
class QPromise;

// One request for a poem, from PoetryFetcher::fetch() to its outcome: the job in KDE's sense
// (KJob), the Deferred of the Twisted tutorial's later clients (future()).
//
// The job owns everything about its request: its state, its connection (a PoetryProtocol),
// the one copy of the bytes received, its timeline (trace()) and its outcome: a Poem, or a
// Failure. Whatever shows a request reads it here; nothing keeps a copy. Signals carry the
// job. finished() comes exactly once, always from the event loop, never from inside fetch()
// or any other call made on the job.
//
//     PoemJob *job = fetcher.fetch(u"localhost:10001"_s);
//     connect(job, &PoemJob::bytesArrived, this, [](PoemJob *job, qint64) {
//         showProgress(job->bytesReceived());
//     });
//     connect(job, &PoemJob::finished, this, [](PoemJob *job) {
//         if (job->failure())
//             report(job->failure()->traceback());
//         else
//             show(job->poem().text());
//     });
//
// Or as a future, chained the way the tutorial chains Deferreds:
//
//     job->future()
//             .then(this, [](const Poem &poem) { return poem.text().toUpper(); })
//             .onFailed(this, [](const FailureException &e) { return e.failure().typeName(); });
//
// Ownership: the fetcher creates the job as its child. By default (autoDelete(), as KJob) the
// job deletes itself with deleteLater() once finished() has been emitted; a holder that keeps
// jobs after their end, such as the window's list of downloads, calls setAutoDelete(false) and
// deletes the job itself. Deleting a job that has not finished ends it without any signal.
// Never delete a job from inside one of its own signals: use deleteLater().
class PoemJob : public QObject, private PoetryProtocol::Listener
{
    Q_OBJECT

public:
    ~PoemJob() override;

    // Unique among the jobs of one fetcher; never 0. Heads the traceback ("request #3").
    RequestId id() const { return m_trace.requestId(); }
    // The address as it was given to fetch(); address() is empty if it could not be parsed.
    QString addressText() const { return m_addressText; }
    const std::optional<Address> &address() const { return m_address; }
    const FetchOptions &options() const { return m_options; }

    // The state as last signalled: final once finished() is on its way, never before, so that
    // whatever reads the job agrees with what its signals said.
    RequestState state() const { return m_state; }
    bool isFinished() const { return isFinal(m_state); }
    // The outcome is decided (cancel() was called, a limit struck, the server closed), and
    // finished() follows from the event loop; nothing changes the job any more.
    bool isEnding() const { return m_ending.has_value() || isFinished(); }
    // The bytes so far, exactly as received; the whole poem once done, the partial poem after
    // a failure.
    const QByteArray &bytes() const;
    qint64 bytesReceived() const { return bytes().size(); }
    const RequestTrace &trace() const { return m_trace; }

    // The outcome, once finished: a failure, or none for a poem.
    const std::optional<Failure> &failure() const { return m_failure; }
    // The poem (or the partial poem) as a value; shares the job's bytes, copies nothing.
    Poem poem() const;

    // A future of the poem: a failure arrives as a FailureException, a CancelledError too when
    // the job was cancelled. Cancelling the future cancels the job (and so closes its
    // connection) from the event loop. Qt 6.4 cancels a chain only downstream: to cancel a
    // .then() chain and this job with it, see Futures::linkCancel(); to cancel a future with
    // an onFailed() after it, cancel the job instead (a Qt 6.4 bug, see there).
    QFuture<Poem> future();

    // Ends a job that has not finished with CancelledError and closes its connection at once;
    // finished() follows from the event loop. False if it was already ending.
    bool cancel();
    // Pauses a job that has not finished: it stops reading, Qt buffers at most
    // PoetryProtocol::pausedReadBuffer, the kernel's receive window fills and the server's
    // writes block (TCP's own backpressure). The idle timeout does not run while paused; the
    // deadline does. A queued job that is paused connects when its turn comes, then waits.
    bool suspend();
    bool resume();
    bool isSuspended() const { return m_suspended; }

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    // Monotonic time since fetch(), or the whole duration once finished.
    std::chrono::nanoseconds elapsed() const;

Q_SIGNALS:
    void stateChanged(PoemJob *job, RequestState state);
    // `count` bytes were appended to bytes().
    void bytesArrived(PoemJob *job, qint64 count);
    void finished(PoemJob *job);

    // For the scheduler, after finished() has reached every slot (so that the fetcher's
    // poemReceived()/poemFailed() come after it).
    void delivered(PoemJob *job);
    // For the scheduler: the connection failed for want of a file descriptor. The job fails
    // with it unless a slot connected here calls requeue() before returning.
    void outOfDescriptors(PoemJob *job);

private:
    friend class PoetryFetcher;

    PoemJob(RequestId id, const QString &addressText, const std::optional<Address> &address,
            const FetchOptions &options, std::source_location origin, QObject *parent);

    // The scheduler's side: start when a slot is free, check the limits, queue again.
    void start();
    void checkTimeouts(std::chrono::steady_clock::time_point now);
    void requeue();
    // Decides the outcome now, delivers it from the event loop.
    void failLater(Failure failure, RequestState finalState, const QString &step);

    void protocolStateChanged(RequestState state, RequestTrace::Event event, const QString &step,
                              const QString &peer) override;
    void protocolStep(RequestTrace::Event event, const QString &step, const QString &peer) override;
    void protocolBytes(qint64 count) override;
    void protocolFinished() override;
    void dropProtocol();
    void setState(RequestState state);
    void deliver();
    Failure completed(Failure failure) const;

    QString m_addressText;
    std::optional<Address> m_address;
    FetchOptions m_options;
    RequestTrace m_trace;
    RequestState m_state = RequestState::Queued;
    std::optional<RequestState> m_ending; // the final state, until delivered
    PoetryProtocol *m_protocol = nullptr;
    QByteArray m_bytes; // once the protocol is gone
    std::optional<Failure> m_failure;
    std::unique_ptr<QPromise<Poem>> m_promise; // made by the first future()
    std::chrono::nanoseconds m_duration{-1};
    bool m_suspended = false;
    bool m_autoDelete = true;
    bool m_delivered = false;
};
