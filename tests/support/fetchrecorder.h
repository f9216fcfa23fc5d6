#pragma once

#include "failure.h"
#include "poem.h"
#include "poetryfetcher.h"

#include <QHash>
#include <QList>
#include <QObject>

// Records everything a PoetryFetcher and its jobs say, per request, and checks the contract as
// it goes: exactly one outcome per request, the job's finished() once and before the fetcher's
// outcome, nothing about a request after its outcome.
class FetchRecorder : public QObject
{
    Q_OBJECT

public:
    struct Record
    {
        QList<RequestState> states;
        QList<qint64> progress;
        QByteArray streamed; // the bytesArrived() chunks, joined
        std::optional<Poem> poem;
        std::optional<Failure> failure;
        int outcomes = 0;
        int jobFinished = 0;
        int signalsAfterOutcome = 0;
    };

    explicit FetchRecorder(PoetryFetcher *fetcher, bool recordData = true);

    const Record &record(RequestId id) const { return m_records[id]; }
    const Record &record(const PoemJob *job) const { return m_records[job->id()]; }
    int outcomeCount() const { return m_outcomeCount; }
    // Contract violations seen so far, as readable lines; empty when all is well.
    QStringList violations() const { return m_violations; }
    // Waits until `count` outcomes arrived in all, or the timeout passed.
    bool waitForOutcomes(int count, int timeoutMs = 20000);

private:
    void track(PoemJob *job, bool recordData);
    Record &live(RequestId id, const char *signal);

    mutable QHash<RequestId, Record> m_records;
    int m_outcomeCount = 0;
    QStringList m_violations;
};
