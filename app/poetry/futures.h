#pragma once

#include "failure.h"
#include "poemjob.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

// The Twisted tutorial's Deferred combinators for QFuture, on Qt 6.4. A failed request reaches
// a future as a FailureException (see PoemJob::future()); every combinator here watches its
// members with a QFutureWatcher, never with a continuation, so that a future's one
// continuation stays the caller's. They run on the thread that calls them, which needs an
// event loop. Members they cancel are cancelled through QFuture::cancel(), which a job's
// future turns into cancelling the job: give them members with no onFailed() chain of their
// own (see linkCancel() for why).
namespace Futures {

// What a member ended with, for gatherOutcomes(): as DeferredList's (success, result) pairs.
template<typename T>
struct Outcome
{
    std::optional<T> value;
    std::optional<Failure> failure; // set when value is not
    bool succeeded() const { return value.has_value(); }
};

// Which member won a race, and with what (Twisted's race() returns the same pair).
template<typename T>
struct Raced
{
    qsizetype index = -1;
    T value;
};

// A finished future's failure: its FailureException's, a CancelledError for a future that was
// cancelled without one, a NetworkError naming any other exception.
template<typename T>
Failure failureOf(QFuture<T> future);

// Qt 6.4 cancels a chain only downstream: cancelling the future of `.then()` leaves the job
// it came from running (cancelChain() came in a later Qt). Returns `downstream`, linked so
// that cancelling it while the job runs cancels the job, which closes its connection:
//
//     QFuture<QString> title = Futures::linkCancel(job, job->future().then(...).onFailed(...));
//     title.cancel(); // cancels the job
//
// As Twisted's Deferred chains do when the outer Deferred is cancelled (deferred-cancel/).
// The job is cancelled, not its future: its CancelledError then runs down the chain as a
// failure. Cancelling a future that has an onFailed() continuation after it would crash in
// Qt 6.4 (the failure handler reads a result a cancelled future does not have).
template<typename U>
QFuture<U> linkCancel(PoemJob *job, QFuture<U> downstream);

// gatherResults(consumeErrors=True) with fireOnOneErrback: every member's value, in the
// members' order, once all have succeeded. The first member that fails fails the whole with
// its failure at once, and the others run on (their errors are consumed: nothing else reports
// them). Cancelling the result cancels every member still running, as cancelling a
// DeferredList does.
template<typename T>
QFuture<QList<T>> gather(const QList<QFuture<T>> &members);

// DeferredList(consumeErrors=True): never fails; once every member has ended, what each one
// ended with, in order. Cancelling the result cancels every member still running.
template<typename T>
QFuture<QList<Outcome<T>>> gatherOutcomes(const QList<QFuture<T>> &members);

// race(): the first member to succeed wins; every other member is cancelled at once (a job's
// connection closes on the next turn of the event loop). If every member fails, the race
// fails with one FailureGroup that carries each member's failure in order. Cancelling the
// result cancels every member.
template<typename T>
QFuture<Raced<T>> race(const QList<QFuture<T>> &members);

// addTimeout(): the result of `future` if it comes within `timeout`; else `future` is
// cancelled (and its job with it) and the result fails with TimeoutError.
template<typename T>
QFuture<T> timeout(QFuture<T> future, std::chrono::milliseconds timeout);

// --- implementation ---

namespace Detail {

Failure cancelledFailure();
Failure otherExceptionFailure(const char *what);
Failure groupFailure(std::vector<Failure> members);
Failure timeoutFailure(std::chrono::milliseconds timeout);

// Calls `onFinished` once `future` has finished, from the event loop of `context`'s thread.
template<typename T, typename F>
void whenFinished(QFuture<T> future, QObject *context, F onFinished)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, onFinished] {
        onFinished(watcher->future());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

// The promise of a combinator and the context its watchers live in, deleted when it ends.
template<typename R>
struct State : QObject
{
    QPromise<R> promise;
    State() { promise.start(); }
    bool isDone() { return promise.future().isFinished(); }
    void succeed(const R &value)
    {
        if (isDone())
            return;
        promise.addResult(value);
        promise.finish();
        deleteLater();
    }
    void fail(const Failure &failure)
    {
        if (isDone())
            return;
        promise.setException(FailureException(failure));
        promise.finish();
        deleteLater();
    }
};

// Cancels `members` still running when `result` is cancelled before it ends.
template<typename R, typename T>
void cancelMembersWith(State<R> *state, const QList<QFuture<T>> &members)
{
    auto *watcher = new QFutureWatcher<R>(state);
    QObject::connect(watcher, &QFutureWatcherBase::canceled, state, [members] {
        for (QFuture<T> member : members)
            member.cancel();
    });
    watcher->setFuture(state->promise.future());
}

} // namespace Detail

template<typename T>
Failure failureOf(QFuture<T> future)
{
    try {
        future.waitForFinished(); // rethrows what the future holds
    } catch (const FailureException &exception) {
        return exception.failure();
    } catch (const std::exception &exception) {
        return Detail::otherExceptionFailure(exception.what());
    } catch (...) {
        return Detail::otherExceptionFailure(nullptr);
    }
    return Detail::cancelledFailure();
}

template<typename U>
QFuture<U> linkCancel(PoemJob *job, QFuture<U> downstream)
{
    // A child of the job: it goes with the job, and a job that has gone needs no cancelling.
    auto *watcher = new QFutureWatcher<U>(job);
    QObject::connect(watcher, &QFutureWatcherBase::canceled, job, [job] { job->cancel(); });
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(downstream);
    return downstream;
}

template<typename T>
QFuture<QList<T>> gather(const QList<QFuture<T>> &members)
{
    auto *state = new Detail::State<QList<T>>();
    QFuture<QList<T>> result = state->promise.future();
    if (members.isEmpty()) {
        state->succeed({});
        return result;
    }
    Detail::cancelMembersWith(state, members);
    auto remaining = std::make_shared<qsizetype>(members.size());
    for (const QFuture<T> &member : members) {
        Detail::whenFinished(member, state, [state, members, remaining](QFuture<T> finished) {
            if (finished.resultCount() == 0) {
                state->fail(failureOf(finished));
                return;
            }
            if (--*remaining > 0)
                return;
            QList<T> values;
            values.reserve(members.size());
            for (const QFuture<T> &each : members)
                values.append(each.result());
            state->succeed(values);
        });
    }
    return result;
}

template<typename T>
QFuture<QList<Outcome<T>>> gatherOutcomes(const QList<QFuture<T>> &members)
{
    auto *state = new Detail::State<QList<Outcome<T>>>();
    QFuture<QList<Outcome<T>>> result = state->promise.future();
    if (members.isEmpty()) {
        state->succeed({});
        return result;
    }
    Detail::cancelMembersWith(state, members);
    auto remaining = std::make_shared<qsizetype>(members.size());
    for (const QFuture<T> &member : members) {
        Detail::whenFinished(member, state, [state, members, remaining](QFuture<T>) {
            if (--*remaining > 0)
                return;
            QList<Outcome<T>> outcomes;
            outcomes.reserve(members.size());
            for (QFuture<T> each : members) {
                Outcome<T> outcome;
                if (each.resultCount() > 0)
                    outcome.value = each.result();
                else
                    outcome.failure = failureOf(each);
                outcomes.append(outcome);
            }
            state->succeed(outcomes);
        });
    }
    return result;
}

template<typename T>
QFuture<Raced<T>> race(const QList<QFuture<T>> &members)
{
    auto *state = new Detail::State<Raced<T>>();
    QFuture<Raced<T>> result = state->promise.future();
    if (members.isEmpty()) {
        state->fail(Detail::groupFailure({}));
        return result;
    }
    Detail::cancelMembersWith(state, members);
    auto remaining = std::make_shared<qsizetype>(members.size());
    for (qsizetype index = 0; index < members.size(); ++index) {
        Detail::whenFinished(members.at(index), state,
                             [state, members, remaining, index](QFuture<T> finished) {
                                 if (state->isDone())
                                     return;
                                 if (finished.resultCount() > 0) {
                                     for (qsizetype other = 0; other < members.size(); ++other) {
                                         if (other != index)
                                             QFuture<T>(members.at(other)).cancel();
                                     }
                                     state->succeed({index, finished.result()});
                                     return;
                                 }
                                 if (--*remaining > 0)
                                     return;
                                 std::vector<Failure> failures;
                                 failures.reserve(size_t(members.size()));
                                 for (const QFuture<T> &each : members)
                                     failures.push_back(failureOf(each));
                                 state->fail(Detail::groupFailure(std::move(failures)));
                             });
    }
    return result;
}

template<typename T>
QFuture<T> timeout(QFuture<T> future, std::chrono::milliseconds timeout)
{
    auto *state = new Detail::State<T>();
    QFuture<T> result = state->promise.future();
    Detail::cancelMembersWith(state, QList<QFuture<T>>{future});
    auto *timer = new QTimer(state);
    timer->setSingleShot(true);
    // A coarse timer may fire 5 % early: a limit is never cut short.
    timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(timer, &QTimer::timeout, state, [state, future, timeout]() mutable {
        future.cancel();
        state->fail(Detail::timeoutFailure(timeout));
    });
    timer->start(timeout);
    Detail::whenFinished(future, state, [state](QFuture<T> finished) {
        if (finished.resultCount() > 0)
            state->succeed(finished.result());
        else
            state->fail(failureOf(finished));
    });
    return result;
}

} // namespace Futures
