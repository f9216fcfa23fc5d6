#pragma once

#include "poemjob.h"

#include <QDateTime>
#include <QString>

// Identifies a row of the downloads table for as long as it exists. Unlike a job it survives a
// retry (which gives the row a new job), so that a pane showing the row keeps showing it.
using DownloadId = quint64;

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
};
