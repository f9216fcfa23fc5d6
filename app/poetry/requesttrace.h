#pragma once

#include <QList>
#include <QString>

#include <chrono>
#include <optional>
#include <source_location>

// The timeline of one request: where it was made and every step it went through, with
// monotonic times since fetch(). The body of a Failure's traceback, and the timing of a Poem:
// successes carry it as failures do.
//
// Each step has an event (what happened, for tools that draw phases) and a translated text
// (for people). Chunks are kept apart and bounded: the first maxChunksKept with their size and
// time, then only counted, so that a 64 MiB poem costs a few kilobytes of timeline, not a
// record per 4 KiB.
class RequestTrace
{
public:
    using Clock = std::chrono::steady_clock;

    enum class Event {
        Note,           // anything else worth a line
        Queued,         // waiting for a connection slot (also after an out-of-descriptors requeue)
        Resolving,      // the host name lookup started
        Resolved,       // the lookup answered
        AttemptStarted, // a connection attempt to one address started
        AttemptFailed,  // that attempt failed (the text says why)
        Connected,      // an attempt won: the connection is up
        FirstByte,
        Paused,
        Resumed,
        LastByte, // the server closed cleanly after the last byte
    };

    struct Step
    {
        std::chrono::nanoseconds elapsed; // since the request was made
        Event event = Event::Note;
        QString text;
        // For AttemptStarted, AttemptFailed and Connected: the address of the attempt as
        // "host:port" ("[::1]:10001"), untranslated, for tools; empty for other events.
        QString peer;
    };

    struct Chunk
    {
        std::chrono::nanoseconds elapsed;
        qint64 bytes = 0;
    };

    // Durations of the phases as the network panels of browsers name them; nothing where
    // the request never reached the phase. A phase that the end cut short (a failed lookup, a
    // refused connection, a server that never sent a byte) lasts until the end.
    struct Phases
    {
        std::optional<std::chrono::nanoseconds> queued;     // made → first lookup or attempt
        std::optional<std::chrono::nanoseconds> resolving;  // lookup start → answer (or end)
        std::optional<std::chrono::nanoseconds> connecting; // first attempt → connected (or end)
        std::optional<std::chrono::nanoseconds> waiting;    // connected → first byte (or end)
        std::optional<std::chrono::nanoseconds> receiving;  // first byte → last chunk or end
        std::optional<std::chrono::nanoseconds> total;      // made → end
    };

    static constexpr int maxChunksKept = 256;

    RequestTrace() = default;
    RequestTrace(quint64 requestId, std::source_location origin);

    // What the user did that made the request ("Fetch All"), or empty: see FetchOptions::action.
    void setAction(const QString &action) { m_action = action; }
    const QString &action() const { return m_action; }

    void addStep(const QString &text) { addStep(Event::Note, text); }
    void addStep(Event event, const QString &text, const QString &peer = {});
    void addChunk(qint64 bytes);
    // The outcome is decided: the end of the timeline.
    void markEnded();

    quint64 requestId() const { return m_requestId; }
    std::source_location origin() const { return m_origin; }
    Clock::time_point startTime() const { return m_start; }
    std::chrono::nanoseconds elapsed() const { return Clock::now() - m_start; }
    const QList<Step> &steps() const { return m_steps; }

    // The first maxChunksKept chunks; chunkCount() and chunkBytes() count all of them.
    const QList<Chunk> &chunks() const { return m_chunks; }
    qint64 chunkCount() const { return m_chunkCount; }
    qint64 chunkBytes() const { return m_chunkBytes; }
    std::optional<std::chrono::nanoseconds> lastChunkTime() const;
    std::optional<std::chrono::nanoseconds> endTime() const;

    // When the first (or last) step with this event happened.
    std::optional<std::chrono::nanoseconds> firstTime(Event event) const;
    std::optional<std::chrono::nanoseconds> lastTime(Event event) const;
    Phases phases() const;

    // The address of each connection attempt, in the order they started (the peers of the
    // AttemptStarted steps), and the one that connected; empty if none did.
    QStringList attemptedAddresses() const;
    QString connectedAddress() const;

    // "user action: Fetch All", or empty when there is no action.
    QString actionLine() const;
    // "request #3 made at ui/mainwindow.cpp:120 in MainWindow::fetchSelected"
    QString originLine() const;
    // One line per step: "+0.001 s  connecting to 127.0.0.1:10004" (the unit translated, as the
    // steps are, where a translation is loaded)
    QStringList stepLines() const;

    // "ui/mainwindow.cpp" from whatever path the compiler recorded.
    static QString sourceFileName(const char *path);
    // "MainWindow::fetchSelected" from "void MainWindow::fetchSelected()".
    static QString functionName(const char *signature);

private:
    quint64 m_requestId = 0;
    std::source_location m_origin;
    QString m_action;
    Clock::time_point m_start = Clock::now();
    QList<Step> m_steps;
    QList<Chunk> m_chunks;
    qint64 m_chunkCount = 0;
    qint64 m_chunkBytes = 0;
    std::chrono::nanoseconds m_lastChunk{-1};
    std::chrono::nanoseconds m_end{-1};
};
