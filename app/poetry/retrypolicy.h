#pragma once

#include "failure.h"

#include <chrono>
#include <functional>
#include <optional>

// When a failed download is fetched again by itself (issue 13's automatic retry): only for
// failures that can heal, a limited number of times, each after a wait that grows exponentially
// from a base delay with "full jitter" (a random wait between 0 and the exponential ceiling), so
// that many downloads failing together do not all come back at the same moment.
//
//     RetryPolicy policy;
//     policy.setEnabled(true);
//     policy.setAttempts(3);
//     if (const auto delay = policy.nextDelay(*job->failure(), retriesSoFar))
//         QTimer::singleShot(*delay, this, [=] { retry(row); });
//
// Attempts count the retries, not the first fetch: attempts() == 3 means a download is fetched
// at most four times in all. Retry n (1-based) waits delayBeforeAttempt(n).
class RetryPolicy
{
public:
    static constexpr int minAttempts = 1;
    static constexpr int maxAttempts = 10;
    static constexpr int defaultAttempts = 3;
    static constexpr std::chrono::milliseconds defaultBaseDelay{1000};
    // No single wait is longer, whatever the base and the attempt: 2^9 times a second would be
    // more than eight minutes.
    static constexpr std::chrono::milliseconds defaultMaxDelay{std::chrono::minutes(2)};
    // The settings dialog's range for the base delay.
    static constexpr std::chrono::milliseconds maxBaseDelay{std::chrono::minutes(10)};

    // Uniform in [0, 1). Tests inject their own; by default QRandomGenerator::global().
    using RandomSource = std::function<double()>;

    RetryPolicy();

    // Off by default, as the settings are: a disabled policy retries nothing.
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled) { m_enabled = enabled; }

    int attempts() const { return m_attempts; }
    // Clamped to minAttempts … maxAttempts.
    void setAttempts(int attempts);

    std::chrono::milliseconds baseDelay() const { return m_baseDelay; }
    // Clamped to 0 … maxBaseDelay.
    void setBaseDelay(std::chrono::milliseconds delay);

    std::chrono::milliseconds maxDelay() const { return m_maxDelay; }
    // Clamped to at least 0.
    void setMaxDelay(std::chrono::milliseconds delay);

    void setRandomSource(RandomSource source);

    // Whether a failure of this kind can heal by itself: refused (the server is starting),
    // timed out, lost half-way, any other network error. Never an invalid address, a poem over
    // the size cap or a cancel (the same request fails the same way, or the user meant it), and
    // not a DNS lookup failure either: the core cannot tell a name that does not exist (a typo,
    // the common case) from a resolver that failed for a moment, and retrying a typo ten times
    // only hides the error behind minutes of waiting.
    // FailureGroup is false here: whether a group heals depends on its members.
    static bool canRetry(Failure::Kind kind);
    // canRetry(kind), and for a FailureGroup: it has members, and every one of them can.
    static bool canRetry(const Failure &failure);

    // The longest wait before retry `attempt` (1-based): min(maxDelay, baseDelay · 2^(attempt−1)).
    std::chrono::milliseconds delayCeiling(int attempt) const;
    // The wait before retry `attempt`, drawn uniformly from 0 … delayCeiling(attempt)
    // (full jitter). Attempts outside 1 … attempts() are clamped into it.
    std::chrono::milliseconds delayBeforeAttempt(int attempt) const;

    // The wait before the next retry of a download that failed with `failure` after
    // `retriesSoFar` retries, or nothing when it must not be retried (disabled, a kind that does
    // not heal, no attempts left).
    std::optional<std::chrono::milliseconds> nextDelay(const Failure &failure,
                                                       int retriesSoFar) const;

private:
    bool m_enabled = false;
    int m_attempts = defaultAttempts;
    std::chrono::milliseconds m_baseDelay = defaultBaseDelay;
    std::chrono::milliseconds m_maxDelay = defaultMaxDelay;
    RandomSource m_random;
};
