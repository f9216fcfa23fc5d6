#include "poetryfetcher.h"

#include "poetryprotocol.h"

#include <QMetaMethod>

#include <cerrno>

using namespace std::chrono;

namespace {

// One coarse timer checks every timeout of every request: cheaper than a timer per request,
// and precise enough for limits measured in seconds.
constexpr auto watchdogInterval = 50ms;

} // namespace

PoetryFetcher::PoetryFetcher(QObject *parent) : QObject(parent)
{
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setInterval(0);
    connect(&m_pumpTimer, &QTimer::timeout, this, &PoetryFetcher::pump);
    m_watchdog.setInterval(watchdogInterval);
    connect(&m_watchdog, &QTimer::timeout, this, &PoetryFetcher::checkTimeouts);
}

PoetryFetcher::~PoetryFetcher()
{
    for (auto &[id, request] : m_requests) {
        if (request.protocol) {
            request.protocol->disconnect(this);
            delete request.protocol;
        }
    }
}

RequestId PoetryFetcher::fetch(const QString &address, const FetchOptions &options,
                               std::source_location origin)
{
    Request request;
    request.addressText = address;
    request.options = options;
    request.trace = RequestTrace(m_lastId + 1, origin);
    QString error;
    request.address = Address::parse(address, &error);
    if (!request.address) {
        const RequestId id = addRequest(std::move(request));
        Request &added = m_requests.at(id);
        failLater(id, added, Failure(Failure::Kind::InvalidAddress, error), RequestState::Failed,
                  tr("invalid address “%1”").arg(address));
        return id;
    }
    return addRequest(std::move(request));
}

RequestId PoetryFetcher::fetch(const Address &address, const FetchOptions &options,
                               std::source_location origin)
{
    Request request;
    request.addressText = address.toString();
    request.address = address;
    request.options = options;
    request.trace = RequestTrace(m_lastId + 1, origin);
    return addRequest(std::move(request));
}

RequestId PoetryFetcher::addRequest(Request request)
{
    const RequestId id = ++m_lastId;
    request.trace.addStep(tr("queued"));
    const bool valid = request.address.has_value();
    m_requests.emplace(id, std::move(request));
    if (valid)
        m_queue.push_back(id);
    if (!m_watchdog.isActive())
        m_watchdog.start();
    schedulePump();
    return id;
}

bool PoetryFetcher::cancel(RequestId id)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end() || isFinal(it->second.state))
        return false;
    failLater(id, it->second, Failure(Failure::Kind::Cancelled, tr("The request was cancelled")),
              RequestState::Cancelled, tr("cancelled"));
    return true;
}

void PoetryFetcher::cancelAll()
{
    std::vector<RequestId> ids;
    ids.reserve(m_requests.size());
    for (const auto &[id, request] : m_requests)
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (RequestId id : ids)
        cancel(id);
}

void PoetryFetcher::setMaxConcurrentConnections(int count)
{
    m_maxConcurrent = std::max(1, count);
    schedulePump();
}

RequestState PoetryFetcher::state(RequestId id) const
{
    const auto it = m_requests.find(id);
    return it == m_requests.end() ? RequestState::Done : it->second.state;
}

void PoetryFetcher::schedulePump()
{
    if (!m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void PoetryFetcher::pump()
{
    // Outcomes decided outside the event loop (cancel, bad address) go out first.
    while (!m_failuresToDeliver.empty()) {
        std::vector<RequestId> ids;
        ids.swap(m_failuresToDeliver);
        for (RequestId id : ids)
            deliverFailure(id);
    }
    while (m_activeCount < std::min(m_maxConcurrent, m_descriptorLimit) && !m_queue.empty()) {
        const RequestId id = m_queue.front();
        m_queue.pop_front();
        const auto it = m_requests.find(id);
        if (it != m_requests.end() && it->second.state == RequestState::Queued)
            startRequest(id, it->second);
    }
}

void PoetryFetcher::startRequest(RequestId id, Request &request)
{
    auto *protocol = new PoetryProtocol(*request.address, request.options, this);
    request.protocol = protocol;
    ++m_activeCount;
    connect(protocol, &PoetryProtocol::stateChanged, this,
            [this, id](RequestState state, const QString &step) {
                onProtocolStateChanged(id, state, step);
            });
    connect(protocol, &PoetryProtocol::stepReached, this, [this, id](const QString &step) {
        if (const auto it = m_requests.find(id); it != m_requests.end())
            it->second.trace.addStep(step);
    });
    connect(protocol, &PoetryProtocol::bytesReceived, this,
            [this, id](qint64 count) { onProtocolBytes(id, count); });
    connect(protocol, &PoetryProtocol::finished, this, [this, id] { onProtocolFinished(id); });
    protocol->start();
}

void PoetryFetcher::onProtocolStateChanged(RequestId id, RequestState state, const QString &step)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end() || isFinal(it->second.state))
        return;
    it->second.state = state;
    it->second.trace.addStep(step);
    Q_EMIT stateChanged(id, state);
}

void PoetryFetcher::onProtocolBytes(RequestId id, qint64 count)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end() || !it->second.protocol)
        return;
    const QByteArray &bytes = it->second.protocol->bytes();
    static const QMetaMethod dataSignal = QMetaMethod::fromSignal(&PoetryFetcher::dataReceived);
    if (isSignalConnected(dataSignal))
        Q_EMIT dataReceived(id, bytes.right(qsizetype(count)));
    Q_EMIT progress(id, bytes.size());
}

void PoetryFetcher::onProtocolFinished(RequestId id)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    PoetryProtocol *protocol = it->second.protocol;
    it->second.protocol = nullptr;
    --m_activeCount;
    schedulePump();
    protocol->deleteLater();
    if (protocol->failure() && requeueForDescriptors(id, it->second, *protocol->failure()))
        return;
    if (m_descriptorLimit < std::numeric_limits<int>::max())
        ++m_descriptorLimit; // a descriptor came free

    auto node = m_requests.extract(it);
    Request &request = node.mapped();
    if (const auto &failure = protocol->failure()) {
        request.state = RequestState::Failed;
        Failure complete = *failure;
        complete.setPartialPoem(Poem(protocol->takeBytes(), *request.address, request.trace));
        complete = completeFailure(request, complete);
        Q_EMIT stateChanged(id, RequestState::Failed);
        Q_EMIT poemFailed(id, complete);
        return;
    }
    request.state = RequestState::Done;
    const Poem poem(protocol->takeBytes(), *request.address, request.trace);
    Q_EMIT stateChanged(id, RequestState::Done);
    Q_EMIT poemReceived(id, poem);
}

bool PoetryFetcher::requeueForDescriptors(RequestId id, Request &request, const Failure &failure)
{
    // Out of file descriptors is the process's limit, not the server's fault: while other
    // connections are open they will free some, so wait for them instead of failing. With
    // none open, waiting cannot help and the request fails.
    const int error = failure.systemErrorCode();
    if (failure.kind() != Failure::Kind::NetworkError || (error != EMFILE && error != ENFILE)
        || m_activeCount == 0)
        return false;
    m_descriptorLimit = std::max(1, m_activeCount);
    request.state = RequestState::Queued;
    request.trace.addStep(tr("out of file descriptors; queued again"));
    m_queue.push_front(id);
    Q_EMIT stateChanged(id, RequestState::Queued);
    return true;
}

void PoetryFetcher::checkTimeouts()
{
    if (m_requests.empty()) {
        m_watchdog.stop();
        return;
    }
    const auto now = steady_clock::now();
    std::vector<RequestId> pastDeadline;
    std::vector<PoetryProtocol *> active;
    for (auto &[id, request] : m_requests) {
        if (isFinal(request.state))
            continue;
        const auto deadline = request.options.deadline;
        if (deadline > 0ms && now - request.trace.startTime() >= deadline)
            pastDeadline.push_back(id);
        else if (request.protocol)
            active.push_back(request.protocol);
    }
    for (RequestId id : pastDeadline) {
        Request &request = m_requests.at(id);
        Failure failure(
                Failure::Kind::Timeout,
                tr("The poem was not complete by the deadline of %1 s")
                        .arg(duration<double>(request.options.deadline).count(), 0, 'f', 1));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Deadline);
        failLater(id, request, failure, RequestState::Failed, tr("deadline reached"));
    }
    // A protocol's timeout finishes it, which may remove other entries: hold pointers that stay
    // valid (protocols are deleted later, never during this loop).
    for (PoetryProtocol *protocol : active)
        protocol->checkTimeouts(now);
}

void PoetryFetcher::failLater(RequestId id, Request &request, Failure failure,
                              RequestState finalState, const QString &step)
{
    request.state = finalState;
    request.trace.addStep(step);
    QByteArray partial;
    if (request.protocol) {
        partial = request.protocol->takeBytes();
        dropProtocol(request);
    }
    if (request.address)
        failure.setPartialPoem(Poem(partial, *request.address, request.trace));
    request.failure = completeFailure(request, failure);
    m_failuresToDeliver.push_back(id);
    schedulePump();
}

void PoetryFetcher::dropProtocol(Request &request)
{
    if (!request.protocol)
        return;
    request.protocol->disconnect(this);
    request.protocol->abort();
    request.protocol->deleteLater();
    request.protocol = nullptr;
    --m_activeCount;
    schedulePump();
}

void PoetryFetcher::deliverFailure(RequestId id)
{
    auto node = m_requests.extract(id);
    if (node.empty())
        return;
    const Request &request = node.mapped();
    Q_EMIT stateChanged(id, request.state);
    Q_EMIT poemFailed(id, *request.failure);
}

Failure PoetryFetcher::completeFailure(const Request &request, Failure failure) const
{
    failure.setAddress(request.addressText);
    failure.setTrace(request.trace);
    return failure;
}
