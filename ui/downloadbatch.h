#pragma once

#include <QObject>

class DownloadModel;

// The downloads started since the model was last idle, as the user sees a "batch": Fetch All,
// then a retry or two while it runs, until nothing is queued or running any more. Drives the
// window title's "3 of 10" and the one notification when the batch ends.
//
// Follows the model's synchronous signals (rows inserted, a retry, a download finished, rows
// removed), not the coalesced countsChanged(): a batch of refused connections can start and
// end between two of those.
class DownloadBatch : public QObject
{
    Q_OBJECT

public:
    explicit DownloadBatch(DownloadModel *downloads, QObject *parent = nullptr);

    // Whether downloads of the batch are still queued or running.
    bool isRunning() const { return m_running; }
    // The downloads of the current (or, once ended, the last) batch, and how many have ended.
    int total() const;
    int ended() const;
    int poems() const;
    int failures() const;

Q_SIGNALS:
    // Whenever total() or ended() may have changed.
    void progressChanged();
    // The last download of the batch ended: `poems` arrived, `failures` failed (downloads the
    // user cancelled count as neither).
    void finished(int poems, int failures);

private:
    void update();

    DownloadModel *m_downloads;
    bool m_running = false;
    // The model's counts when the batch started: what ended before it is not part of it.
    int m_doneBefore = 0;
    int m_failedBefore = 0;
    int m_cancelledBefore = 0;
    int m_lastTotal = 0;
    int m_lastEnded = 0;
};
