#pragma once

#include "storedtrace.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>

class PoemJob;

// The values the library stores and gives back. Plain values: a record is taken from a job at
// once, the job may go afterwards, and the values cross to the library's thread.

enum class LibraryOutcome {
    Poem,        // the server closed cleanly: the poem is whole
    Failure,     // a Failure (CancelledError included): the bytes are the partial poem
    Interrupted, // still in flight when it was recorded (the program quit): the bytes so far
};

// One finished (or interrupted) download, as PoemLibrary::record() takes it.
struct LibraryRecord
{
    QString serverName; // as the server list names it; the address if it has no name
    QString address;    // as it was given to fetch()
    QString connectedAddress;
    QDateTime started; // wall clock, UTC
    QDateTime ended;
    LibraryOutcome outcome = LibraryOutcome::Poem;
    QString failureType; // Failure::typeName(); empty for a poem
    QString failureMessage;
    int systemErrorCode = 0;
    QByteArray bytes; // exactly as received (shared with the job: nothing is copied)
    StoredTrace trace;

    // What `job` is now: Interrupted if it has not finished. The wall-clock times are worked
    // out from the job's monotonic timeline and the clock now.
    static LibraryRecord fromJob(const PoemJob &job, const QString &serverName = {});
};

// One poem of the library: a row of the Library view.
struct LibraryPoem
{
    qint64 id = 0;
    QString title; // the first non-empty line, at most titleLength characters
    qint64 size = 0;
    QString serverName; // of the latest download that brought it
    QString address;
    QDateTime firstFetched;
    QDateTime lastFetched;
    int fetchCount = 0;
    bool read = false;
    bool favourite = false;

    static constexpr int titleLength = 200;
    // The first non-empty line of the poem, trimmed and at most titleLength characters.
    static QString titleOf(const QByteArray &bytes);

    bool operator==(const LibraryPoem &) const = default;
};

// One recorded download, as the history, the last results and the last session give it back.
struct LibraryFetch
{
    qint64 id = 0;
    qint64 poemId = 0; // the poem or partial poem (PoemLibrary::poem()); 0 if no bytes, or removed
    qint64 sessionId = 0;
    QString serverName;
    QString address;
    QString connectedAddress;
    QDateTime started;
    QDateTime ended;
    LibraryOutcome outcome = LibraryOutcome::Poem;
    QString failureType;
    QString failureMessage;
    int systemErrorCode = 0;
    qint64 bytesReceived = 0;
    // The timeline as recorded; nothing if the stored trace could not be read back (then
    // traceError says why, untranslated).
    std::optional<StoredTrace> trace;
    QString traceError;
};

// What PoemLibrary::prune() keeps: favourites always; otherwise at most maxBytes of poems (the
// most recently fetched) and nothing older than maxAge. Zero means no limit.
struct LibraryLimits
{
    qint64 maxBytes = 0;
    std::chrono::hours maxAge{0};
    bool isUnlimited() const { return maxBytes <= 0 && maxAge.count() <= 0; }
};
