#include "autoretry.h"

#include "downloadmodel.h"

#include <cmath>

using namespace std::chrono;

AutoRetry::AutoRetry(DownloadModel *downloads, QObject *parent)
    : QObject(parent), m_downloads(downloads)
{
    // A quarter second: the retry starts within that of its time, and the countdown in the row
    // moves in whole seconds without skipping one.
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &AutoRetry::tick);
    connect(downloads, &DownloadModel::downloadFinished, this, &AutoRetry::onFinished);
    connect(downloads, &DownloadModel::downloadRestarted, this, &AutoRetry::onRestarted);
    connect(downloads, &DownloadModel::rowsRemoved, this, [this] {
        for (auto it = m_due.begin(); it != m_due.end();) {
            if (m_downloads->rowOf(it.key()) < 0) {
                m_retries.remove(it.key());
                it = m_due.erase(it);
            } else {
                ++it;
            }
        }
    });
}

void AutoRetry::setPolicy(const RetryPolicy &policy)
{
    m_policy = policy;
    if (!m_policy.isEnabled()) {
        for (auto it = m_due.cbegin(); it != m_due.cend(); ++it)
            m_downloads->setNote(it.key(), {});
        m_due.clear();
        m_ticker.stop();
    }
}

void AutoRetry::onFinished(DownloadId id)
{
    const int row = m_downloads->rowOf(id);
    if (row < 0)
        return;
    const Download &download = m_downloads->download(row);
    if (download.state() != RequestState::Failed || !download.failure())
        return;
    const auto delay = m_policy.nextDelay(*download.failure(), m_retries.value(id));
    if (!delay)
        return;
    m_due.insert(id, QDeadlineTimer(*delay));
    tick(); // the note at once
    if (!m_ticker.isActive())
        m_ticker.start();
}

void AutoRetry::onRestarted(DownloadId id)
{
    if (m_retrying)
        return;
    // The user's own retry: a fresh count, and no retry of ours on top of it.
    m_retries.remove(id);
    m_due.remove(id);
}

void AutoRetry::tick()
{
    for (auto it = m_due.begin(); it != m_due.end();) {
        const DownloadId id = it.key();
        const int row = m_downloads->rowOf(id);
        if (row < 0) {
            it = m_due.erase(it);
            continue;
        }
        const qint64 left = it.value().remainingTime();
        if (left > 0) {
            const int seconds = int(std::ceil(double(left) / 1000.0));
            m_downloads->setNote(id, tr("Retrying in %n s", "", seconds));
            ++it;
            continue;
        }
        it = m_due.erase(it);
        m_retries[id] += 1;
        FetchOptions options = m_downloads->download(row).job->options();
        options.action = tr("Automatic retry %1 of %2").arg(m_retries[id]).arg(m_policy.attempts());
        m_retrying = true;
        m_downloads->retry(row, options);
        m_retrying = false;
    }
    if (m_due.isEmpty())
        m_ticker.stop();
}
