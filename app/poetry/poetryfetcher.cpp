#include "poetryfetcher.h"

#include <vector>

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
    // Jobs elsewhere (the window keeps its own) must not call back into a fetcher that is gone.
    for (PoemJob *job : m_pending)
        job->disconnect(this);
}

PoemJob *PoetryFetcher::fetch(const QString &address, const FetchOptions &options,
                              std::source_location origin)
{
    QString error;
    const auto parsed = Address::parse(address, &error);
    PoemJob *job = addJob(address, parsed, options, origin);
    if (!parsed) {
        job->failLater(Failure(Failure::Kind::InvalidAddress, error), RequestState::Failed,
                       tr("invalid address “%1”").arg(address));
    }
    return job;
}

PoemJob *PoetryFetcher::fetch(const Address &address, const FetchOptions &options,
                              std::source_location origin)
{
    return addJob(address.toString(), address, options, origin);
}

PoemJob *PoetryFetcher::addJob(const QString &text, const std::optional<Address> &address,
                               const FetchOptions &options, std::source_location origin)
{
    auto *job = new PoemJob(++m_lastId, text, address, options, origin, this);
    m_pending.insert(job);
    connect(job, &PoemJob::delivered, this, &PoetryFetcher::onJobFinished);
    connect(job, &PoemJob::outOfDescriptors, this, &PoetryFetcher::onOutOfDescriptors);
    // A holder may delete a job before it ends: forget it without a word. Only the address is
    // used: by now the object is a QObject no more than half destroyed, not a PoemJob.
    connect(job, &QObject::destroyed, this, [this, gone = job] {
        m_pending.erase(gone);
        if (m_holdingSlot.erase(gone) > 0) {
            --m_activeCount;
            schedulePump();
        }
    });
    if (address)
        m_queue.emplace_back(job, job->id());
    if (!m_watchdog.isActive())
        m_watchdog.start();
    schedulePump();
    Q_EMIT jobAdded(job);
    return job;
}

void PoetryFetcher::cancelAll()
{
    std::vector<PoemJob *> jobs(m_pending.begin(), m_pending.end());
    std::sort(jobs.begin(), jobs.end(),
              [](const PoemJob *a, const PoemJob *b) { return a->id() < b->id(); });
    for (PoemJob *job : jobs)
        job->cancel();
}

void PoetryFetcher::setMaxConcurrentConnections(int count)
{
    m_maxConcurrent = std::max(1, count);
    schedulePump();
}

void PoetryFetcher::schedulePump()
{
    if (!m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void PoetryFetcher::pump()
{
    while (m_activeCount < std::min(m_maxConcurrent, m_descriptorLimit) && !m_queue.empty()) {
        const auto [job, id] = m_queue.front();
        m_queue.pop_front();
        // Gone, cancelled while queued, or a new job at a deleted one's address.
        if (!m_pending.contains(job) || job->id() != id || job->isEnding() || job->m_protocol)
            continue;
        m_holdingSlot.insert(job);
        ++m_activeCount;
        job->start();
    }
}

void PoetryFetcher::onJobFinished(PoemJob *job)
{
    m_pending.erase(job);
    if (m_holdingSlot.contains(job)) {
        releaseSlot(job);
        if (m_descriptorLimit < std::numeric_limits<int>::max())
            ++m_descriptorLimit; // a descriptor came free
    }
    if (const auto &failure = job->failure())
        Q_EMIT poemFailed(job, *failure);
    else
        Q_EMIT poemReceived(job, job->poem());
}

void PoetryFetcher::onOutOfDescriptors(PoemJob *job)
{
    // Out of file descriptors is the process's limit, not the server's fault: while other
    // connections are open they will free some, so wait for them instead of failing. With
    // none open, waiting cannot help and the request fails.
    if (m_activeCount <= 1)
        return;
    releaseSlot(job);
    m_descriptorLimit = std::max(1, m_activeCount);
    job->requeue();
    m_queue.emplace_front(job, job->id());
}

void PoetryFetcher::releaseSlot(PoemJob *job)
{
    if (m_holdingSlot.erase(job) == 0)
        return;
    --m_activeCount;
    schedulePump();
}

void PoetryFetcher::checkTimeouts()
{
    if (m_pending.empty()) {
        m_watchdog.stop();
        return;
    }
    const auto now = steady_clock::now();
    // A timeout ends a job, which never removes another: but hold the list apart anyway, since
    // outcomes are delivered later and a slot may call fetch().
    const std::vector<PoemJob *> jobs(m_pending.begin(), m_pending.end());
    for (PoemJob *job : jobs)
        job->checkTimeouts(now);
}
