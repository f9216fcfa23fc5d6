#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace std::chrono;

RetryPolicy::RetryPolicy() : m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

void RetryPolicy::setAttempts(int attempts)
{
    m_attempts = std::clamp(attempts, minAttempts, maxAttempts);
}

void RetryPolicy::setBaseDelay(milliseconds delay)
{
    m_baseDelay = std::clamp(delay, milliseconds(0), maxBaseDelay);
}

void RetryPolicy::setMaxDelay(milliseconds delay)
{
    m_maxDelay = std::max(delay, milliseconds(0));
}

void RetryPolicy::setRandomSource(RandomSource source)
{
    m_random = std::move(source);
}

bool RetryPolicy::canRetry(Failure::Kind kind)
{
    switch (kind) {
    case Failure::Kind::ConnectionRefused:
    case Failure::Kind::Timeout:
    case Failure::Kind::ConnectionLost:
    case Failure::Kind::NetworkError:
        return true;
    case Failure::Kind::DNSLookup:
    case Failure::Kind::PoemTooLarge:
    case Failure::Kind::Cancelled:
    case Failure::Kind::InvalidAddress:
    case Failure::Kind::FailureGroup:
        return false;
    }
    return false;
}

bool RetryPolicy::canRetry(const Failure &failure)
{
    if (failure.kind() != Failure::Kind::FailureGroup)
        return canRetry(failure.kind());
    const auto &members = failure.members();
    return !members.empty()
            && std::all_of(members.cbegin(), members.cend(),
                           [](const Failure &member) { return canRetry(member); });
}

milliseconds RetryPolicy::delayCeiling(int attempt) const
{
    attempt = std::clamp(attempt, 1, m_attempts);
    // At most maxBaseDelay · 2^9: no overflow in 64 bits.
    const milliseconds exponential = m_baseDelay * (qint64(1) << (attempt - 1));
    return std::min(exponential, m_maxDelay);
}

milliseconds RetryPolicy::delayBeforeAttempt(int attempt) const
{
    const qint64 ceiling = delayCeiling(attempt).count();
    const double draw = std::clamp(m_random ? m_random() : 0.0, 0.0, 1.0);
    // Every whole millisecond from 0 to the ceiling equally likely.
    return milliseconds(std::min(ceiling, qint64(draw * double(ceiling + 1))));
}

std::optional<milliseconds> RetryPolicy::nextDelay(const Failure &failure, int retriesSoFar) const
{
    if (!m_enabled || retriesSoFar < 0 || retriesSoFar >= m_attempts || !canRetry(failure))
        return std::nullopt;
    return delayBeforeAttempt(retriesSoFar + 1);
}
