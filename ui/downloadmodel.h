#pragma once

#include "address.h"
#include "download.h"
#include "fetchoptions.h"
#include "waterfallaxis.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <source_location>
#include <vector>

class PoetryFetcher;
class Poem;

// The downloads table: one row per fetch, each holding the PoemJob that does it and reading
// it (the tracker of KDE's jobs, qBittorrent's transfer list). Row inserts and removals are
// immediate; everything else is coalesced: a timer at 10 Hz emits dataChanged over ranges of
// changed rows, so that a thousand downloads streaming at once cost a few signals a second,
// not one per chunk. Panes that show one download listen to its job directly.
class DownloadModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ServerColumn,
        StateColumn,
        ProgressColumn,
        BytesColumn,
        RateColumn,
        ElapsedColumn,
        WaitingColumn,   // time to first byte (the devtools' "Waiting")
        EtaColumn,       // when the server's last poem gives an expected size
        WaterfallColumn, // the phases on one time axis, drawn by WaterfallDelegate
        ColumnCount
    };
    enum Role {
        DownloadIdRole = Qt::UserRole + 1,
        StateRole,         // RequestState
        BytesReceivedRole, // qint64
        ExpectedSizeRole,  // qint64, -1 if unknown
        AddressRole,
        SortRole,
        WaterfallRole, // WaterfallRow, placed on waterfallAxis()
    };

    // Progress, rate and time reach the views ten times a second, whatever the chunk rate: as
    // smooth as a transfer list needs, and a quarter less of the window's CPU than 30 Hz with
    // 1,000 live downloads (bench_window: 43-44 % against 33-35 % of a core, same machine and
    // run). The poem pane does not wait for it: it gets every chunk as it arrives.
    static constexpr int updateIntervalMs = 100;

    // The fetcher is used, not owned; the jobs of the rows are the model's.
    explicit DownloadModel(PoetryFetcher *fetcher, QObject *parent = nullptr);
    ~DownloadModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Removing a running download cancels it.
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // Starts a download and appends its row. `origin` is where the user's action was handled:
    // it heads the traceback of a failure.
    DownloadId fetch(const QString &serverName, const Address &address, const FetchOptions &options,
                     std::source_location origin = std::source_location::current());
    bool cancel(int row);
    void cancelAll();
    // Fetches a finished row's server again, in the same row. False if the row still runs.
    bool retry(int row, const FetchOptions &options,
               std::source_location origin = std::source_location::current());
    // Shows `note` in the row's State column in place of its state, until the next retry or
    // another note; empty: the state again.
    void setNote(DownloadId id, const QString &note);
    // Removes the rows that are done, failed or cancelled.
    void clearFinished();

    const Download &download(int row) const { return m_rows.at(size_t(row)); }
    int rowOf(DownloadId id) const { return m_rowOf.value(id, -1); }

    // Not ended yet: queued, connecting or receiving.
    int activeCount() const { return m_queued + m_active; }
    // Waiting for a connection slot, and the others that have not ended.
    int queuedCount() const { return m_queued; }
    int runningCount() const { return m_active; }
    int doneCount() const { return m_done; }
    int failedCount() const { return m_failed; }
    int cancelledCount() const { return m_cancelled; }

    // The time axis of WaterfallRole: every row's request, from the earliest start to the
    // latest end; widened as rows run, recomputed when rows go.
    const WaterfallAxis *waterfallAxis() const { return &m_axis; }

    // The size of the last poem this server delivered, or -1.
    qint64 knownSize(const QString &address) const { return m_knownSizes.value(address, -1); }

Q_SIGNALS:
    void downloadFinished(DownloadId id);
    // A retry gave the row a new job: whatever showed the old one must show the new one.
    void downloadRestarted(DownloadId id);
    // The result of a download, for the server list.
    void serverResult(const QString &address, RequestState state, const QString &summary);
    // Coalesced like dataChanged.
    void countsChanged();

private:
    Download *downloadFor(DownloadId id);
    void onJobChanged(DownloadId id);
    void onJobFinished(DownloadId id);
    void startJob(Download &download, const Address &address, const FetchOptions &options,
                  std::source_location origin);
    // Lets a row's job go: a running one is cancelled and deletes itself once it has ended.
    void releaseJob(PoemJob *job);
    void recount(Download &download);
    void markDirty(Download &download);
    void flushUpdates();
    void rebuildIndex();
    QString summary(const Download &download) const;
    void rebuildAxis();
    // Milliseconds left at the current rate to reach the expected size, or -1.
    static qint64 etaMs(const Download &download);

    QPointer<PoetryFetcher> m_fetcher; // may be destroyed first, by a common parent
    std::vector<Download> m_rows;
    QHash<DownloadId, int> m_rowOf;
    QHash<QString, qint64> m_knownSizes;
    DownloadId m_lastId = 0;
    int m_queued = 0;
    int m_active = 0; // not ended and not queued
    int m_done = 0;
    int m_failed = 0;
    int m_cancelled = 0;
    bool m_countsDirty = false;
    WaterfallAxis m_axis;
    QTimer m_updateTimer;
};
