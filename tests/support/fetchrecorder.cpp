#include "fetchrecorder.h"

#include <QTest>

FetchRecorder::FetchRecorder(PoetryFetcher *fetcher, bool recordData) : QObject(fetcher)
{
    connect(fetcher, &PoetryFetcher::jobAdded, this,
            [this, recordData](PoemJob *job) { track(job, recordData); });
    const auto outcome = [this](PoemJob *job, const char *signal) -> Record & {
        Record &record = live(job->id(), signal);
        if (record.jobFinished != 1)
            m_violations.append(QStringLiteral("request %1: %2 with the job's finished() seen %3 "
                                               "times")
                                        .arg(job->id())
                                        .arg(QLatin1StringView(signal))
                                        .arg(record.jobFinished));
        ++record.outcomes;
        ++m_outcomeCount;
        return record;
    };
    connect(fetcher, &PoetryFetcher::poemReceived, this, [outcome](PoemJob *job, const Poem &poem) {
        outcome(job, "poemReceived").poem = poem;
    });
    connect(fetcher, &PoetryFetcher::poemFailed, this,
            [outcome](PoemJob *job, const Failure &failure) {
                outcome(job, "poemFailed").failure = failure;
            });
}

void FetchRecorder::track(PoemJob *job, bool recordData)
{
    connect(job, &PoemJob::stateChanged, this, [this](PoemJob *sender, RequestState state) {
        live(sender->id(), "stateChanged").states.append(state);
    });
    connect(job, &PoemJob::bytesArrived, this, [this, recordData](PoemJob *sender, qint64 count) {
        Record &record = live(sender->id(), "bytesArrived");
        const qint64 bytes = sender->bytesReceived();
        if (!record.progress.isEmpty() && bytes <= record.progress.last())
            m_violations.append(QStringLiteral("request %1: progress went from %2 to %3")
                                        .arg(sender->id())
                                        .arg(record.progress.last())
                                        .arg(bytes));
        record.progress.append(bytes);
        if (recordData)
            record.streamed.append(sender->bytes().right(qsizetype(count)));
    });
    connect(job, &PoemJob::finished, this,
            [this](PoemJob *sender) { ++live(sender->id(), "finished").jobFinished; });
}

bool FetchRecorder::waitForOutcomes(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_outcomeCount >= count; }, timeoutMs);
}

FetchRecorder::Record &FetchRecorder::live(RequestId id, const char *signal)
{
    Record &record = m_records[id];
    if (record.outcomes > 0) {
        ++record.signalsAfterOutcome;
        m_violations.append(QStringLiteral("request %1: %2 after its outcome")
                                    .arg(id)
                                    .arg(QLatin1StringView(signal)));
    }
    return record;
}
