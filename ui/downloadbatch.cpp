#include "downloadbatch.h"

#include "downloadmodel.h"

DownloadBatch::DownloadBatch(DownloadModel *downloads, QObject *parent)
    : QObject(parent), m_downloads(downloads)
{
    connect(downloads, &DownloadModel::rowsInserted, this, &DownloadBatch::update);
    connect(downloads, &DownloadModel::rowsRemoved, this, &DownloadBatch::update);
    connect(downloads, &DownloadModel::modelReset, this, &DownloadBatch::update);
    connect(downloads, &DownloadModel::downloadRestarted, this, &DownloadBatch::update);
    connect(downloads, &DownloadModel::downloadFinished, this, &DownloadBatch::update);
}

int DownloadBatch::poems() const
{
    return std::max(0, m_downloads->doneCount() - m_doneBefore);
}

int DownloadBatch::failures() const
{
    return std::max(0, m_downloads->failedCount() - m_failedBefore);
}

int DownloadBatch::ended() const
{
    return poems() + failures() + std::max(0, m_downloads->cancelledCount() - m_cancelledBefore);
}

int DownloadBatch::total() const
{
    return ended() + m_downloads->activeCount();
}

void DownloadBatch::update()
{
    const int active = m_downloads->activeCount();
    if (!m_running && active > 0) {
        m_running = true;
        m_doneBefore = m_downloads->doneCount();
        m_failedBefore = m_downloads->failedCount();
        m_cancelledBefore = m_downloads->cancelledCount();
    }
    // A row of the batch removed, or one that ended before it retried: never count below the
    // start.
    m_doneBefore = std::min(m_doneBefore, m_downloads->doneCount());
    m_failedBefore = std::min(m_failedBefore, m_downloads->failedCount());
    m_cancelledBefore = std::min(m_cancelledBefore, m_downloads->cancelledCount());

    if (total() != m_lastTotal || ended() != m_lastEnded || (m_running && active == 0)) {
        m_lastTotal = total();
        m_lastEnded = ended();
        const bool ending = m_running && active == 0;
        m_running = !ending && m_running;
        Q_EMIT progressChanged();
        if (ending)
            Q_EMIT finished(poems(), failures());
    }
}
