// RetryPolicy: which failures are retried, how many times, and the waits between: exponential
// from the base delay, capped, with full jitter drawn from an injected random source.

#include "retrypolicy.h"

#include <QTest>

#include <deque>
#include <set>

using namespace Qt::StringLiterals;
using namespace std::chrono;

Q_DECLARE_METATYPE(Failure::Kind)

namespace {

// Hands out the given draws in order, then 0.
RetryPolicy::RandomSource draws(std::deque<double> values)
{
    return [values = std::move(values)]() mutable {
        if (values.empty())
            return 0.0;
        const double value = values.front();
        values.pop_front();
        return value;
    };
}

// Just below 1: the largest draw a source in [0, 1) gives.
const double almostOne = std::nextafter(1.0, 0.0);

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void attemptsAreClampedToTheSettingsRange();
    void delaysAreClamped();
    void kindsThatHeal_data();
    void kindsThatHeal();
    void failureGroupHealsWhenEveryMemberDoes();
    void ceilingDoublesUpToTheMaximum();
    void fullJitterSpansZeroToTheCeiling();
    void realRandomSourceStaysWithinTheCeiling();
    void nextDelayCountsRetries();
    void nextDelayNeverForKindsThatDoNotHeal();
    void disabledPolicyRetriesNothing();
};

void TestRetryPolicy::defaults()
{
    const RetryPolicy policy;
    QVERIFY(!policy.isEnabled());
    QCOMPARE(policy.attempts(), RetryPolicy::defaultAttempts);
    QCOMPARE(policy.baseDelay(), RetryPolicy::defaultBaseDelay);
    QCOMPARE(policy.maxDelay(), RetryPolicy::defaultMaxDelay);
}

void TestRetryPolicy::attemptsAreClampedToTheSettingsRange()
{
    RetryPolicy policy;
    policy.setAttempts(0);
    QCOMPARE(policy.attempts(), 1);
    policy.setAttempts(-7);
    QCOMPARE(policy.attempts(), 1);
    policy.setAttempts(10);
    QCOMPARE(policy.attempts(), 10);
    policy.setAttempts(11);
    QCOMPARE(policy.attempts(), 10);
    policy.setAttempts(5);
    QCOMPARE(policy.attempts(), 5);
}

void TestRetryPolicy::delaysAreClamped()
{
    RetryPolicy policy;
    policy.setBaseDelay(milliseconds(-5));
    QCOMPARE(policy.baseDelay(), milliseconds(0));
    policy.setBaseDelay(hours(1));
    QCOMPARE(policy.baseDelay(), RetryPolicy::maxBaseDelay);
    policy.setMaxDelay(milliseconds(-1));
    QCOMPARE(policy.maxDelay(), milliseconds(0));
}

void TestRetryPolicy::kindsThatHeal_data()
{
    QTest::addColumn<Failure::Kind>("kind");
    QTest::addColumn<bool>("heals");
    QTest::newRow("refused") << Failure::Kind::ConnectionRefused << true;
    QTest::newRow("timeout") << Failure::Kind::Timeout << true;
    QTest::newRow("connection lost") << Failure::Kind::ConnectionLost << true;
    QTest::newRow("network error") << Failure::Kind::NetworkError << true;
    QTest::newRow("DNS lookup") << Failure::Kind::DNSLookup << false;
    QTest::newRow("too large") << Failure::Kind::PoemTooLarge << false;
    QTest::newRow("cancelled") << Failure::Kind::Cancelled << false;
    QTest::newRow("invalid address") << Failure::Kind::InvalidAddress << false;
    QTest::newRow("empty group") << Failure::Kind::FailureGroup << false;
}

void TestRetryPolicy::kindsThatHeal()
{
    QFETCH(Failure::Kind, kind);
    QFETCH(bool, heals);
    QCOMPARE(RetryPolicy::canRetry(kind), heals);
    QCOMPARE(RetryPolicy::canRetry(Failure(kind, u"message"_s)), heals);

    RetryPolicy policy;
    policy.setEnabled(true);
    QCOMPARE(policy.nextDelay(Failure(kind, u"message"_s), 0).has_value(), heals);
}

void TestRetryPolicy::failureGroupHealsWhenEveryMemberDoes()
{
    Failure group(Failure::Kind::FailureGroup, u"every member failed"_s);
    group.setMembers({Failure(Failure::Kind::ConnectionRefused, u"refused"_s),
                      Failure(Failure::Kind::Timeout, u"timed out"_s)});
    QVERIFY(RetryPolicy::canRetry(group));

    group.setMembers({Failure(Failure::Kind::ConnectionRefused, u"refused"_s),
                      Failure(Failure::Kind::InvalidAddress, u"bad"_s)});
    QVERIFY(!RetryPolicy::canRetry(group));
}

void TestRetryPolicy::ceilingDoublesUpToTheMaximum()
{
    RetryPolicy policy;
    policy.setAttempts(10);
    policy.setBaseDelay(milliseconds(250));
    policy.setMaxDelay(seconds(30));
    const qint64 expected[] = {250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (int attempt = 1; attempt <= 10; ++attempt)
        QCOMPARE(policy.delayCeiling(attempt).count(), expected[attempt - 1]);
    // Outside the range: the nearest attempt's.
    QCOMPARE(policy.delayCeiling(0).count(), 250);
    QCOMPARE(policy.delayCeiling(42).count(), 30000);

    // The largest base over every attempt neither overflows nor passes the maximum.
    policy.setBaseDelay(RetryPolicy::maxBaseDelay);
    policy.setMaxDelay(hours(24 * 365));
    QCOMPARE(policy.delayCeiling(10), RetryPolicy::maxBaseDelay * 512);

    policy.setBaseDelay(milliseconds(0));
    QCOMPARE(policy.delayCeiling(10).count(), 0);
}

void TestRetryPolicy::fullJitterSpansZeroToTheCeiling()
{
    RetryPolicy policy;
    policy.setAttempts(5);
    policy.setBaseDelay(milliseconds(1000));
    policy.setRandomSource(draws({0.0, almostOne, 0.5, 0.25, almostOne, 1.5, -1.0}));
    QCOMPARE(policy.delayBeforeAttempt(1).count(), 0);    // the least: no wait at all
    QCOMPARE(policy.delayBeforeAttempt(1).count(), 1000); // the most: the ceiling itself
    QCOMPARE(policy.delayBeforeAttempt(2).count(), 1000); // half of 0 … 2000
    QCOMPARE(policy.delayBeforeAttempt(3).count(), 1000); // a quarter of 0 … 4000
    QCOMPARE(policy.delayBeforeAttempt(5).count(), 16000);
    // A source out of its range cannot push a wait out of 0 … ceiling.
    QCOMPARE(policy.delayBeforeAttempt(1).count(), 1000);
    QCOMPARE(policy.delayBeforeAttempt(1).count(), 0);
}

void TestRetryPolicy::realRandomSourceStaysWithinTheCeiling()
{
    RetryPolicy policy;
    policy.setAttempts(3);
    policy.setBaseDelay(milliseconds(100));
    std::set<qint64> seen;
    for (int i = 0; i < 2000; ++i) {
        const qint64 delay = policy.delayBeforeAttempt(3).count();
        QVERIFY2(delay >= 0 && delay <= 400, qPrintable(QString::number(delay)));
        seen.insert(delay);
    }
    // Jitter: 2000 draws over 401 values are not a handful of them (all but impossible by
    // chance: it would take a broken source).
    QVERIFY2(seen.size() > 200, qPrintable(QString::number(seen.size())));
}

void TestRetryPolicy::nextDelayCountsRetries()
{
    RetryPolicy policy;
    policy.setEnabled(true);
    policy.setAttempts(3);
    policy.setBaseDelay(milliseconds(100));
    policy.setRandomSource([] { return almostOne; });
    const Failure refused(Failure::Kind::ConnectionRefused, u"refused"_s);
    QCOMPARE(policy.nextDelay(refused, 0), milliseconds(100));
    QCOMPARE(policy.nextDelay(refused, 1), milliseconds(200));
    QCOMPARE(policy.nextDelay(refused, 2), milliseconds(400));
    QVERIFY(!policy.nextDelay(refused, 3));
    QVERIFY(!policy.nextDelay(refused, 4));
    QVERIFY(!policy.nextDelay(refused, -1));

    policy.setAttempts(1);
    QCOMPARE(policy.nextDelay(refused, 0), milliseconds(100));
    QVERIFY(!policy.nextDelay(refused, 1));
}

void TestRetryPolicy::nextDelayNeverForKindsThatDoNotHeal()
{
    RetryPolicy policy;
    policy.setEnabled(true);
    policy.setAttempts(10);
    for (const auto kind : {Failure::Kind::InvalidAddress, Failure::Kind::PoemTooLarge,
                            Failure::Kind::Cancelled, Failure::Kind::DNSLookup}) {
        for (int retries = 0; retries < 10; ++retries)
            QVERIFY(!policy.nextDelay(Failure(kind, u"message"_s), retries));
    }
}

void TestRetryPolicy::disabledPolicyRetriesNothing()
{
    RetryPolicy policy;
    policy.setAttempts(10);
    const Failure timeout(Failure::Kind::Timeout, u"timed out"_s);
    QVERIFY(!policy.nextDelay(timeout, 0));
    policy.setEnabled(true);
    QVERIFY(policy.nextDelay(timeout, 0));
    policy.setEnabled(false);
    QVERIFY(!policy.nextDelay(timeout, 0));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
