#pragma once

#include "failure.h"
#include "requeststate.h"
#include "requesttrace.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <optional>

// Identifies a row of the downloads table for as long as it exists. Unlike a RequestId it
// survives a retry, so that a pane showing the row keeps showing it.
using DownloadId = quint64;

// One row of the downloads table: what the fetcher has said about one request so far.
struct Download
{
    DownloadId id = 0;
    RequestId requestId = 0;
    QString serverName;
    QString address;
    RequestState state = RequestState::Queued;
    qint64 bytesReceived = 0;
    qint64 expectedSize = -1; // the size of this server's last poem; -1 if unknown
    QByteArray bytes;         // the poem so far (the whole poem once done)
    bool invalidUtf8 = false;
    QDateTime startedAt;
    QElapsedTimer timer;
    qint64 finishedAfterMs = -1; // elapsed time when it ended; -1 while it runs
    std::optional<Failure> failure;
    RequestTrace trace; // once ended: where the request was made and its steps, with times
    bool dirty = false; // changed since the last coalesced dataChanged

    qint64 elapsedMs() const { return finishedAfterMs >= 0 ? finishedAfterMs : timer.elapsed(); }
};
