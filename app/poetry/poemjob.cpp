#include "poemjob.h"

#include "poetryprotocol.h"

#include <QFutureWatcher>
#include <QPromise>

#include <cerrno>

using namespace std::chrono;
using Event = RequestTrace::Event;

namespace {

// Whether `elapsed` has reached `limit` (0 = no limit). Compared in milliseconds, so that a
// limit of any size (up to 292 million years) cannot overflow the clock's nanoseconds.
bool reached(steady_clock::duration elapsed, milliseconds limit)
{
    return limit > 0ms && duration_cast<milliseconds>(elapsed) >= limit;
}

bool isOutOfDescriptors(const Failure &failure)
{
    const int error = failure.systemErrorCode();
    return failure.kind() == Failure::Kind::NetworkError && (error == EMFILE || error == ENFILE);
}

} // namespace

PoemJob::PoemJob(RequestId id, const QString &addressText, const std::optional<Address> &address,
                 const FetchOptions &options, std::source_location origin, QObject *parent)
    : QObject(parent),
      m_addressText(addressText),
      m_address(address),
      m_options(options),
      m_trace(id, origin)
{
    m_trace.setAction(options.action);
    m_trace.addStep(Event::Queued, tr("queued"));
}

PoemJob::~PoemJob()
{
    // Children go with the job; the promise, if any, ends cancelled (QPromise's destructor).
    if (m_protocol)
        m_protocol->setListener(nullptr);
}

const QByteArray &PoemJob::bytes() const
{
    return m_protocol ? m_protocol->bytes() : m_bytes;
}

Poem PoemJob::poem() const
{
    return Poem(bytes(), m_address.value_or(Address()), m_trace);
}

nanoseconds PoemJob::elapsed() const
{
    return m_duration.count() >= 0 ? m_duration : m_trace.elapsed();
}

QFuture<Poem> PoemJob::future()
{
    if (!m_promise) {
        m_promise = std::make_unique<QPromise<Poem>>();
        m_promise->start();
        // A watcher, not a continuation: the future's one continuation is the caller's.
        auto *watcher = new QFutureWatcher<Poem>(this);
        connect(watcher, &QFutureWatcherBase::canceled, this, [this] { cancel(); });
        watcher->setFuture(m_promise->future());
        if (m_delivered)
            deliver();
    }
    return m_promise->future();
}

bool PoemJob::cancel()
{
    if (isEnding())
        return false;
    failLater(Failure(Failure::Kind::Cancelled, tr("The request was cancelled")),
              RequestState::Cancelled, tr("cancelled"));
    return true;
}

bool PoemJob::suspend()
{
    if (isEnding() || m_suspended)
        return false;
    m_suspended = true;
    if (m_protocol)
        m_protocol->suspend();
    m_trace.addStep(Event::Paused, tr("paused"));
    setState(RequestState::Paused);
    return true;
}

bool PoemJob::resume()
{
    if (isEnding() || !m_suspended)
        return false;
    m_suspended = false;
    m_trace.addStep(Event::Resumed, tr("resumed"));
    setState(m_protocol ? m_protocol->state() : RequestState::Queued);
    if (m_protocol)
        m_protocol->resume(); // may end the poem: delivered from the event loop
    return true;
}

void PoemJob::start()
{
    Q_ASSERT(!m_protocol && !isEnding() && m_address);
    m_protocol = new PoetryProtocol(*m_address, m_options,
                                    static_cast<PoetryProtocol::Listener *>(this), this);
    if (m_suspended)
        m_protocol->suspend();
    m_protocol->start();
}

void PoemJob::checkTimeouts(steady_clock::time_point now)
{
    if (isEnding())
        return;
    if (reached(now - m_trace.startTime(), m_options.deadline)) {
        Failure failure(Failure::Kind::Timeout,
                        tr("The poem was not complete by the deadline of %1 s")
                                .arg(duration<double>(m_options.deadline).count(), 0, 'f', 1));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Deadline);
        failLater(failure, RequestState::Failed, tr("deadline reached"));
        return;
    }
    if (m_protocol)
        m_protocol->checkTimeouts(now);
}

void PoemJob::requeue()
{
    dropProtocol();
    m_trace.addStep(Event::Queued, tr("out of file descriptors; queued again"));
    setState(m_suspended ? RequestState::Paused : RequestState::Queued);
}

void PoemJob::failLater(Failure failure, RequestState finalState, const QString &step)
{
    if (isEnding())
        return;
    m_trace.addStep(step);
    if (m_protocol) {
        m_bytes = m_protocol->takeBytes();
        dropProtocol();
    }
    m_trace.markEnded();
    m_duration = m_trace.elapsed();
    m_failure = completed(std::move(failure));
    m_ending = finalState;
    QMetaObject::invokeMethod(this, &PoemJob::deliver, Qt::QueuedConnection);
}

void PoemJob::protocolStateChanged(RequestState state, Event event, const QString &step,
                                   const QString &peer)
{
    m_trace.addStep(event, step, peer);
    if (!m_suspended)
        setState(state);
}

void PoemJob::protocolStep(Event event, const QString &step, const QString &peer)
{
    m_trace.addStep(event, step, peer);
}

void PoemJob::protocolBytes(qint64 count)
{
    m_trace.addChunk(count);
    Q_EMIT bytesArrived(this, count);
}

void PoemJob::protocolFinished()
{
    if (const auto &failure = m_protocol->failure(); failure && isOutOfDescriptors(*failure)) {
        Q_EMIT outOfDescriptors(this);
        if (!m_protocol)
            return; // queued again
    }
    const std::optional<Failure> failure = m_protocol->failure();
    m_bytes = m_protocol->takeBytes();
    dropProtocol();
    m_trace.markEnded();
    m_duration = m_trace.elapsed();
    if (failure) {
        m_failure = completed(*failure);
        m_ending = RequestState::Failed;
    } else {
        m_ending = RequestState::Done;
    }
    // Never from inside a call made on the job (resume() may end the poem).
    QMetaObject::invokeMethod(this, &PoemJob::deliver, Qt::QueuedConnection);
}

void PoemJob::dropProtocol()
{
    if (!m_protocol)
        return;
    PoetryProtocol *protocol = std::exchange(m_protocol, nullptr);
    protocol->setListener(nullptr);
    protocol->abort();
    // We may be inside one of its signals.
    protocol->deleteLater();
}

void PoemJob::setState(RequestState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(this, state);
}

void PoemJob::deliver()
{
    if (m_promise && !m_promise->future().isFinished()) {
        if (m_failure)
            m_promise->setException(FailureException(*m_failure));
        else
            m_promise->addResult(poem());
        m_promise->finish();
    }
    if (std::exchange(m_delivered, true))
        return;
    setState(*m_ending);
    Q_EMIT finished(this);
    Q_EMIT delivered(this);
    if (m_autoDelete)
        deleteLater();
}

Failure PoemJob::completed(Failure failure) const
{
    failure.setAddress(m_addressText);
    failure.setTrace(m_trace);
    if (m_address)
        failure.setPartialPoem(Poem(bytes(), *m_address, m_trace));
    return failure;
}
