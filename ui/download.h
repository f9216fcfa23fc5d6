#pragma once

#include "poemjob.h"

#include <QDateTime>
#include <QString>

// Identifies a row of the downloads table for as long as it exists. Unlike a job it survives a
// retry (which gives the row a new job), so that a pane showing the row keeps showing it.
using DownloadId = quint64;

// What an earlier attempt of a row ended with, kept when the row is retried: nothing the user
// saw is lost (the failure carries its traceback and partial poem).
struct EarlierAttempt
{
    QDateTime startedAt;
    RequestState state = RequestState::Failed;
    std::optional<Failure> failure;
    qint64 bytesReceived = 0;
};

// One row of the downloads table: the user's side of a download (which server, when) and the
// job that does it, which holds everything about the request. Nothing here copies the job:
// the accessors read it.
struct Download
{
    DownloadId id = 0;
    QString serverName;
    QString address;
    qint64 expectedSize = -1; // the size of this server's last poem; -1 if unknown
    QDateTime startedAt;
    PoemJob *job = nullptr; // owned by the DownloadModel
    // Derived once the job has ended (scanning a large poem per paint would cost too much).
    bool invalidUtf8 = false;
    // What the window says of the row in place of its state ("Retrying in 4 s"); empty for none.
    QString note;
    // The attempts before the current job, oldest first (at most maxEarlierAttempts: a row
    // retried all night keeps its last ones).
    static constexpr int maxEarlierAttempts = 50;
    QList<EarlierAttempt> earlier;
    // What the row was last counted as in the model's totals.
    RequestState countedAs = RequestState::Queued;
    bool dirty = false; // changed since the last coalesced dataChanged

    RequestState state() const { return job->state(); }
    const QByteArray &bytes() const { return job->bytes(); }
    qint64 bytesReceived() const { return job->bytesReceived(); }
    const std::optional<Failure> &failure() const { return job->failure(); }
    const RequestTrace &trace() const { return job->trace(); }
    qint64 elapsedMs() const
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(job->elapsed()).count();
    }
    // Since the connection was up, or -1 before: what a rate is measured over, so that the
    // time a download waited in the queue (or for a name lookup) does not count.
    qint64 transferMs() const
    {
        const auto connected = trace().firstTime(RequestTrace::Event::Connected);
        if (!connected)
            return -1;
        return std::chrono::duration_cast<std::chrono::milliseconds>(job->elapsed() - *connected)
                .count();
    }
    // Bytes per second since the connection was up; 0 when there is nothing to measure yet.
    double rate() const
    {
        const qint64 ms = transferMs();
        return ms > 0 && bytesReceived() > 0 ? double(bytesReceived()) * 1000.0 / double(ms) : 0.0;
    }
};
