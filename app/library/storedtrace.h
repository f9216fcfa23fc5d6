#pragma once

#include "requesttrace.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A request's timeline as the library keeps it: what RequestTrace holds, as plain values that
// can be written to the database and read back (RequestTrace itself only grows with the clock).
// Times are nanoseconds since the request was made.
//
// The encoding is a small JSON object (docs/library.md, "The trace column"): events by stable
// names, never by their enum values, so that a change of the enum does not change old records.
// decode() is total: whatever bytes the database holds, it gives a valid StoredTrace or nothing,
// never a crash, with every count and length bounded (tests/fuzz/fuzz_storedtrace.cpp).
class StoredTrace
{
public:
    struct Step
    {
        qint64 elapsedNs = 0;
        RequestTrace::Event event = RequestTrace::Event::Note;
        QString text; // translated when it was recorded
        QString peer;
        bool operator==(const Step &) const = default;
    };

    // What decode() accepts at most; encode() of a RequestTrace stays within them.
    static constexpr qsizetype maxEncodedSize = 1024 * 1024;
    static constexpr qsizetype maxSteps = 4096;
    static constexpr qsizetype maxTextLength = 4096;

    quint64 requestId = 0;
    QString originFile; // "ui/mainwindow.cpp"
    int originLine = 0;
    QString originFunction; // "MainWindow::fetchSelected"
    QList<Step> steps;
    qint64 chunkCount = 0;
    qint64 chunkBytes = 0;
    std::optional<qint64> lastChunkNs;
    std::optional<qint64> endNs;
    RequestTrace::Phases phases;

    static StoredTrace fromTrace(const RequestTrace &trace);

    QByteArray encode() const;
    // Nothing if the bytes are not a trace of ours; `error` then says why (untranslated).
    static std::optional<StoredTrace> decode(QByteArrayView bytes, QString *error = nullptr);

    // As RequestTrace's: "request #3 made at ui/mainwindow.cpp:120 in MainWindow::fetchSelected"
    // and "+0.001 s  connecting to 127.0.0.1:10004".
    QString originText() const;
    QStringList stepLines() const;

    // The stable names of the events in the encoding ("attempt-started"); empty for none.
    static QString eventName(RequestTrace::Event event);
    static std::optional<RequestTrace::Event> eventFromName(QStringView name);

    bool operator==(const StoredTrace &other) const;
};
