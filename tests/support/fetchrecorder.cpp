#include "fetchrecorder.h"

#include <QTest>

FetchRecorder::FetchRecorder(PoetryFetcher *fetcher, bool recordData) : QObject(fetcher)
{
    connect(fetcher, &PoetryFetcher::stateChanged, this, [this](RequestId id, RequestState state) {
        live(id, "stateChanged").states.append(state);
    });
    connect(fetcher, &PoetryFetcher::progress, this, [this](RequestId id, qint64 bytes) {
        Record &record = live(id, "progress");
        if (!record.progress.isEmpty() && bytes <= record.progress.last())
            m_violations.append(QStringLiteral("request %1: progress went from %2 to %3")
                                        .arg(id)
                                        .arg(record.progress.last())
                                        .arg(bytes));
        record.progress.append(bytes);
    });
    if (recordData) {
        connect(fetcher, &PoetryFetcher::dataReceived, this,
                [this](RequestId id, const QByteArray &chunk) {
                    live(id, "dataReceived").streamed.append(chunk);
                });
    }
    connect(fetcher, &PoetryFetcher::poemReceived, this, [this](RequestId id, const Poem &poem) {
        Record &record = live(id, "poemReceived");
        record.poem = poem;
        ++record.outcomes;
        ++m_outcomeCount;
    });
    connect(fetcher, &PoetryFetcher::poemFailed, this,
            [this](RequestId id, const Failure &failure) {
                Record &record = live(id, "poemFailed");
                record.failure = failure;
                ++record.outcomes;
                ++m_outcomeCount;
            });
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
