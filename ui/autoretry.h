#pragma once

#include "download.h"
#include "retrypolicy.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class DownloadModel;

// Automatic retry (off by default, in the settings): a download that fails with a kind that can
// heal (refused, timeout, connection lost, network error) is fetched again in its row after an
// exponential backoff with full jitter (RetryPolicy), up to the policy's attempts. The row says
// "Retrying in 4 s" meanwhile. A retry the user asks for starts the count again; removing the
// row or cancelling it forgets it.
class AutoRetry : public QObject
{
    Q_OBJECT

public:
    explicit AutoRetry(DownloadModel *downloads, QObject *parent = nullptr);

    const RetryPolicy &policy() const { return m_policy; }
    void setPolicy(const RetryPolicy &policy);

    // Downloads waiting for their next automatic retry.
    int pendingCount() const { return int(m_due.size()); }
    // The automatic retries made so far for the row (0 after the user's own retry).
    int retriesOf(DownloadId id) const { return m_retries.value(id); }

private:
    void onFinished(DownloadId id);
    void onRestarted(DownloadId id);
    void tick();

    DownloadModel *m_downloads;
    RetryPolicy m_policy;
    QHash<DownloadId, int> m_retries;
    QHash<DownloadId, QDeadlineTimer> m_due;
    QTimer m_ticker;         // runs the due retries and counts down the rows' notes
    bool m_retrying = false; // a restart is ours, not the user's
};
