#include "downloadmodel.h"

#include "displayformat.h"
#include "phasetimeline.h"
#include "poetryfetcher.h"
#include "waterfallrow.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// More separate ranges than this in one update are sent as one range: views repaint what is
// visible either way, and fewer signals cost less.
constexpr int maxRangesPerUpdate = 32;

} // namespace

DownloadModel::DownloadModel(PoetryFetcher *fetcher, QObject *parent)
    : QAbstractTableModel(parent), m_fetcher(fetcher)
{
    m_updateTimer.setInterval(updateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &DownloadModel::flushUpdates);
}

DownloadModel::~DownloadModel()
{
    // The fetcher may outlive the model: leave nothing running in our name.
    for (const Download &download : m_rows)
        releaseJob(download.job);
}

int DownloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DownloadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DownloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Download &download = m_rows.at(size_t(index.row()));
    const qint64 elapsed = download.elapsedMs();
    const RequestState state = download.state();
    const qint64 bytesReceived = download.bytesReceived();
    const bool running = !isFinal(state);
    const auto percent = [&]() -> int {
        if (state == RequestState::Done)
            return 100;
        if (download.expectedSize <= 0)
            return -1;
        // The estimate is the last poem's size: this one may well be longer.
        return int(std::min<qint64>(99, bytesReceived * 100 / download.expectedSize));
    };

    const auto spans = [&] {
        return PhaseTimeline::spans(download.trace(), download.job->elapsed());
    };
    // As spans() has it (connected to first byte, or to now), from two steps: this is read for
    // every visible row ten times a second.
    const auto waiting = [&]() -> std::optional<PhaseTimeline::Duration> {
        const RequestTrace &trace = download.trace();
        const auto connected = trace.firstTime(RequestTrace::Event::Connected);
        if (!connected)
            return std::nullopt;
        const auto firstByte = trace.firstTime(RequestTrace::Event::FirstByte);
        const auto ended = trace.endTime();
        const auto until = firstByte ? *firstByte : ended ? *ended : download.job->elapsed();
        return std::max(PhaseTimeline::Duration(0), until - *connected);
    };

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ServerColumn:
            return download.serverName;
        case StateColumn:
            if (!download.note.isEmpty())
                return download.note;
            return DisplayFormat::stateName(state, bytesReceived);
        case ProgressColumn:
            if (const int value = percent(); value >= 0 && bytesReceived > 0)
                return tr("%1%").arg(value);
            return QString();
        case BytesColumn:
            if (running && download.expectedSize > 0)
                return tr("%1 of %2")
                        .arg(DisplayFormat::bytes(bytesReceived),
                             DisplayFormat::bytes(download.expectedSize));
            return DisplayFormat::bytes(bytesReceived);
        case RateColumn:
            if (const double rate = download.rate(); rate > 0)
                return DisplayFormat::rate(rate);
            return QString();
        case ElapsedColumn:
            return DisplayFormat::duration(elapsed);
        case WaitingColumn:
            if (const auto waited = waiting())
                return PhaseTimeline::time(*waited);
            return QString();
        case EtaColumn:
            if (const qint64 eta = etaMs(download); eta >= 0)
                return DisplayFormat::duration(eta);
            return QString();
        case WaterfallColumn:
            return QString(); // drawn by the delegate
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return DisplayFormat::stateIcon(state);
        break;
    case Qt::ToolTipRole:
        if (index.column() == ServerColumn)
            return DisplayFormat::plainToolTip(download.serverName + u'\n' + download.address);
        if (index.column() == StateColumn && download.failure())
            return DisplayFormat::plainToolTip(download.failure()->typeName() + u": "
                                               + download.failure()->errorMessage());
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= BytesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == ProgressColumn) {
            const int value = percent();
            return value >= 0 ? tr("%1 percent").arg(value) : DisplayFormat::bytes(bytesReceived);
        }
        if (index.column() == WaterfallColumn) {
            QStringList phases;
            for (const PhaseTimeline::Span &span : spans())
                phases.append(tr("%1: %2").arg(PhaseTimeline::phaseName(span.phase),
                                               PhaseTimeline::time(span.length)));
            return phases.join(tr(", ", "between the phases of a download"));
        }
        break;
    case WaterfallRole:
        return QVariant::fromValue(
                WaterfallRow{m_axis.isEmpty() ? PhaseTimeline::Duration(0)
                                              : download.trace().startTime() - m_axis.origin(),
                             spans()});
    case DownloadIdRole:
        return download.id;
    case StateRole:
        return QVariant::fromValue(state);
    case BytesReceivedRole:
        return bytesReceived;
    case ExpectedSizeRole:
        return download.expectedSize;
    case AddressRole:
        return download.address;
    case SortRole:
        switch (index.column()) {
        case ServerColumn:
            return download.serverName;
        case StateColumn:
            return int(state);
        case ProgressColumn:
            return percent();
        case BytesColumn:
            return bytesReceived;
        case RateColumn:
            return download.rate();
        case ElapsedColumn:
            return elapsed;
        case WaitingColumn:
            if (const auto waited = waiting())
                return qint64(waited->count());
            return qint64(-1);
        case EtaColumn:
            return etaMs(download);
        case WaterfallColumn:
            return qint64((download.trace().startTime() - m_axis.origin()).count());
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant DownloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case BytesColumn:
        return tr("Received");
    case RateColumn:
        return tr("Rate");
    case ElapsedColumn:
        return tr("Time");
    case WaitingColumn:
        return tr("Waiting");
    case EtaColumn:
        return tr("ETA");
    case WaterfallColumn:
        return tr("Waterfall");
    }
    return {};
}

QHash<int, QByteArray> DownloadModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(DownloadIdRole, "downloadId");
    names.insert(StateRole, "state");
    names.insert(BytesReceivedRole, "bytesReceived");
    names.insert(ExpectedSizeRole, "expectedSize");
    names.insert(AddressRole, "address");
    names.insert(WaterfallRole, "waterfall");
    return names;
}

bool DownloadModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    const auto first = m_rows.begin() + row;
    for (auto it = first; it != first + count; ++it) {
        switch (it->countedAs) {
        case RequestState::Done:
            --m_done;
            break;
        case RequestState::Failed:
            --m_failed;
            break;
        case RequestState::Cancelled:
            --m_cancelled;
            break;
        case RequestState::Queued:
            --m_queued;
            break;
        default:
            --m_active;
            break;
        }
        releaseJob(it->job);
    }
    m_rows.erase(first, first + count);
    rebuildIndex();
    endRemoveRows();
    rebuildAxis();
    m_countsDirty = true;
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
    return true;
}

DownloadId DownloadModel::fetch(const QString &serverName, const Address &address,
                                const FetchOptions &options, std::source_location origin)
{
    Download download;
    download.id = ++m_lastId;
    download.serverName = serverName.isEmpty() ? address.toString() : serverName;
    download.address = address.toString();
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rows.push_back(std::move(download));
    m_rowOf.insert(m_lastId, row);
    ++m_queued; // as Download::countedAs starts
    startJob(m_rows.back(), address, options, origin);
    endInsertRows();
    m_countsDirty = true;
    markDirty(m_rows.back());
    return m_lastId;
}

void DownloadModel::startJob(Download &download, const Address &address,
                             const FetchOptions &options, std::source_location origin)
{
    download.expectedSize = knownSize(download.address);
    download.startedAt = QDateTime::currentDateTime();
    download.invalidUtf8 = false;
    download.note.clear();
    // Never emits from inside fetch(): the row is complete before any signal about it arrives.
    PoemJob *job = m_fetcher->fetch(address, options, origin);
    job->setParent(this);
    job->setAutoDelete(false);
    download.job = job;
    m_axis.include(job->trace().startTime(), job->trace().startTime());
    const DownloadId id = download.id;
    connect(job, &PoemJob::stateChanged, this, [this, id] { onJobChanged(id); });
    connect(job, &PoemJob::bytesArrived, this, [this, id] { onJobChanged(id); });
    connect(job, &PoemJob::finished, this, [this, id] { onJobFinished(id); });
}

void DownloadModel::releaseJob(PoemJob *job)
{
    if (!job)
        return;
    job->disconnect(this);
    if (job->isFinished()) {
        // A pane may still be inside one of its signals.
        job->deleteLater();
        return;
    }
    job->setAutoDelete(true);
    job->cancel();
}

bool DownloadModel::cancel(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    return m_rows.at(size_t(row)).job->cancel();
}

void DownloadModel::cancelAll()
{
    for (int row = 0; row < rowCount(); ++row)
        cancel(row);
}

bool DownloadModel::retry(int row, const FetchOptions &options, std::source_location origin)
{
    if (row < 0 || row >= rowCount())
        return false;
    Download &download = m_rows[size_t(row)];
    if (!download.job->isFinished())
        return false;
    const auto address = Address::parse(download.address);
    if (!address)
        return false;
    download.earlier.append(
            {download.startedAt, download.state(), download.failure(), download.bytesReceived()});
    if (download.earlier.size() > Download::maxEarlierAttempts)
        download.earlier.removeFirst();
    releaseJob(download.job);
    startJob(download, *address, options, origin);
    rebuildAxis(); // the row's earlier request may have been the axis' start
    recount(download);
    markDirty(download);
    Q_EMIT downloadRestarted(download.id);
    return true;
}

void DownloadModel::setNote(DownloadId id, const QString &note)
{
    Download *download = downloadFor(id);
    if (!download || download->note == note)
        return;
    download->note = note;
    const int row = rowOf(id);
    Q_EMIT dataChanged(index(row, StateColumn), index(row, StateColumn));
}

void DownloadModel::clearFinished()
{
    // From the end, one contiguous run at a time: few signals, and rows stay valid.
    int row = rowCount() - 1;
    while (row >= 0) {
        if (!m_rows.at(size_t(row)).job->isFinished()) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && m_rows.at(size_t(first - 1)).job->isFinished())
            --first;
        removeRows(first, row - first + 1);
        row = first - 1;
    }
}

Download *DownloadModel::downloadFor(DownloadId id)
{
    const int row = m_rowOf.value(id, -1);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

void DownloadModel::onJobChanged(DownloadId id)
{
    if (Download *download = downloadFor(id)) {
        recount(*download);
        markDirty(*download);
    }
}

void DownloadModel::onJobFinished(DownloadId id)
{
    Download *download = downloadFor(id);
    if (!download)
        return;
    const RequestState state = download->state();
    if (state == RequestState::Done) {
        download->invalidUtf8 = download->job->poem().hasInvalidUtf8();
        m_knownSizes.insert(download->address, download->bytesReceived());
    }
    if (const auto ended = download->trace().endTime())
        m_axis.include(download->trace().startTime(), download->trace().startTime() + *ended);
    recount(*download);
    markDirty(*download);
    Q_EMIT serverResult(download->address, state, summary(*download));
    Q_EMIT downloadFinished(id);
}

void DownloadModel::recount(Download &download)
{
    const auto counter = [this](RequestState of) -> int & {
        switch (of) {
        case RequestState::Done:
            return m_done;
        case RequestState::Failed:
            return m_failed;
        case RequestState::Cancelled:
            return m_cancelled;
        case RequestState::Queued:
            return m_queued;
        default:
            return m_active;
        }
    };
    const RequestState state = download.state();
    if (&counter(download.countedAs) == &counter(state))
        return;
    --counter(download.countedAs);
    ++counter(state);
    download.countedAs = state;
    m_countsDirty = true;
}

void DownloadModel::markDirty(Download &download)
{
    download.dirty = true;
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void DownloadModel::flushUpdates()
{
    // Rows that changed, and rows still running (their time and rate move on), in runs.
    std::vector<std::pair<int, int>> runs;
    for (int row = 0; row < rowCount(); ++row) {
        Download &download = m_rows[size_t(row)];
        if (!download.dirty && download.job->isFinished())
            continue;
        download.dirty = false;
        if (!runs.empty() && runs.back().second == row - 1)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    if (runs.size() > size_t(maxRangesPerUpdate))
        runs = {{runs.front().first, runs.back().second}};
    // Rows still running end now: the axis reaches now (one call, not one per row). The rows
    // that ended move when it does; the delegate repaints them (a dataChanged over every row
    // cost the window a tenth of a core and 20 ms stalls with 1,000 rows, bench_window).
    if (activeCount() > 0)
        m_axis.include(m_axis.origin(), WaterfallAxis::Clock::now());
    for (const auto &[first, last] : runs)
        Q_EMIT dataChanged(index(first, StateColumn), index(last, ColumnCount - 1));
    if (m_countsDirty) {
        m_countsDirty = false;
        Q_EMIT countsChanged();
    }
    if (activeCount() == 0)
        m_updateTimer.stop();
}

void DownloadModel::rebuildIndex()
{
    m_rowOf.clear();
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows[row].id, int(row));
}

void DownloadModel::rebuildAxis()
{
    // Once per removal, not per paint: the rows left decide the axis.
    m_axis.reset();
    for (const Download &download : m_rows) {
        const RequestTrace &trace = download.trace();
        const auto ended = trace.endTime();
        m_axis.include(trace.startTime(), trace.startTime() + (ended ? *ended : trace.elapsed()));
    }
}

qint64 DownloadModel::etaMs(const Download &download)
{
    const double rate = download.rate();
    const qint64 left = download.expectedSize - download.bytesReceived();
    if (download.job->isFinished() || download.expectedSize <= 0 || rate <= 0 || left <= 0)
        return -1;
    return qint64(double(left) * 1000.0 / rate);
}

QString DownloadModel::summary(const Download &download) const
{
    switch (download.state()) {
    case RequestState::Done:
        return tr("Done · %1").arg(DisplayFormat::bytes(download.bytesReceived()));
    case RequestState::Failed:
        return download.failure() ? download.failure()->typeName() : tr("Failed");
    case RequestState::Cancelled:
        return tr("Cancelled");
    default:
        return DisplayFormat::stateName(download.state(), download.bytesReceived());
    }
}
