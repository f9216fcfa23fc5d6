#include "downloadmodel.h"

#include "displayformat.h"
#include "poetryfetcher.h"

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
    connect(fetcher, &PoetryFetcher::stateChanged, this, &DownloadModel::onStateChanged);
    connect(fetcher, &PoetryFetcher::progress, this, &DownloadModel::onProgress);
    connect(fetcher, &PoetryFetcher::dataReceived, this, &DownloadModel::onData);
    connect(fetcher, &PoetryFetcher::poemReceived, this, &DownloadModel::onPoemReceived);
    connect(fetcher, &PoetryFetcher::poemFailed, this, &DownloadModel::onPoemFailed);
    m_updateTimer.setInterval(updateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &DownloadModel::flushUpdates);
}

DownloadModel::~DownloadModel()
{
    // The fetcher may outlive the model: leave nothing running in our name.
    if (!m_fetcher)
        return;
    m_fetcher->disconnect(this);
    for (const Download &download : m_rows) {
        if (!isFinal(download.state))
            m_fetcher->cancel(download.requestId);
    }
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
    const bool running = !isFinal(download.state);
    const auto percent = [&]() -> int {
        if (download.state == RequestState::Done)
            return 100;
        if (download.expectedSize <= 0)
            return -1;
        // The estimate is the last poem's size: this one may well be longer.
        return int(std::min<qint64>(99, download.bytesReceived * 100 / download.expectedSize));
    };

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ServerColumn:
            return download.serverName;
        case StateColumn:
            return DisplayFormat::stateName(download.state, download.bytesReceived);
        case ProgressColumn:
            if (const int value = percent(); value >= 0 && download.bytesReceived > 0)
                return tr("%1%").arg(value);
            return QString();
        case BytesColumn:
            if (running && download.expectedSize > 0)
                return tr("%1 of %2")
                        .arg(DisplayFormat::bytes(download.bytesReceived),
                             DisplayFormat::bytes(download.expectedSize));
            return DisplayFormat::bytes(download.bytesReceived);
        case RateColumn:
            if (download.bytesReceived == 0 || elapsed <= 0)
                return QString();
            return DisplayFormat::rate(double(download.bytesReceived) * 1000.0 / double(elapsed));
        case ElapsedColumn:
            return DisplayFormat::duration(elapsed);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return DisplayFormat::stateIcon(download.state);
        break;
    case Qt::ToolTipRole:
        if (index.column() == ServerColumn)
            return DisplayFormat::plainToolTip(download.serverName + u'\n' + download.address);
        if (index.column() == StateColumn && download.failure)
            return DisplayFormat::plainToolTip(download.failure->typeName() + u": "
                                               + download.failure->errorMessage());
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= BytesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == ProgressColumn) {
            const int value = percent();
            return value >= 0 ? tr("%1 percent").arg(value)
                              : DisplayFormat::bytes(download.bytesReceived);
        }
        break;
    case DownloadIdRole:
        return download.id;
    case StateRole:
        return QVariant::fromValue(download.state);
    case BytesReceivedRole:
        return download.bytesReceived;
    case ExpectedSizeRole:
        return download.expectedSize;
    case AddressRole:
        return download.address;
    case SortRole:
        switch (index.column()) {
        case ServerColumn:
            return download.serverName;
        case StateColumn:
            return int(download.state);
        case ProgressColumn:
            return percent();
        case BytesColumn:
            return download.bytesReceived;
        case RateColumn:
            return elapsed > 0 ? double(download.bytesReceived) * 1000.0 / double(elapsed) : 0.0;
        case ElapsedColumn:
            return elapsed;
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
    return names;
}

bool DownloadModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    const auto first = m_rows.begin() + row;
    for (auto it = first; it != first + count; ++it) {
        // Forget the request before cancelling it: its CancelledError must find no row.
        m_downloadOf.remove(it->requestId);
        if (!isFinal(it->state)) {
            m_fetcher->cancel(it->requestId);
            --m_active;
        } else if (it->state == RequestState::Done) {
            --m_done;
        } else if (it->state == RequestState::Failed) {
            --m_failed;
        } else {
            --m_cancelled;
        }
    }
    m_rows.erase(first, first + count);
    rebuildIndex();
    endRemoveRows();
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
    ++m_active;
    startRequest(m_rows.back(), address, options, origin);
    endInsertRows();
    m_countsDirty = true;
    markDirty(m_rows.back());
    return m_lastId;
}

void DownloadModel::startRequest(Download &download, const Address &address,
                                 const FetchOptions &options, std::source_location origin)
{
    download.state = RequestState::Queued;
    download.bytesReceived = 0;
    download.bytes.clear();
    download.invalidUtf8 = false;
    download.failure.reset();
    download.trace = {};
    download.expectedSize = knownSize(download.address);
    download.startedAt = QDateTime::currentDateTime();
    download.timer.start();
    download.finishedAfterMs = -1;
    // Never emits from inside fetch(): the row is complete before any signal about it arrives.
    download.requestId = m_fetcher->fetch(address, options, origin);
    m_downloadOf.insert(download.requestId, download.id);
}

bool DownloadModel::cancel(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    return m_fetcher->cancel(m_rows.at(size_t(row)).requestId);
}

void DownloadModel::cancelAll()
{
    for (const Download &download : m_rows) {
        if (!isFinal(download.state))
            m_fetcher->cancel(download.requestId);
    }
}

bool DownloadModel::retry(int row, const FetchOptions &options, std::source_location origin)
{
    if (row < 0 || row >= rowCount())
        return false;
    Download &download = m_rows[size_t(row)];
    if (!isFinal(download.state))
        return false;
    const auto address = Address::parse(download.address);
    if (!address)
        return false;
    m_downloadOf.remove(download.requestId);
    setState(download, RequestState::Queued);
    startRequest(download, *address, options, origin);
    markDirty(download);
    Q_EMIT downloadRestarted(download.id);
    return true;
}

void DownloadModel::clearFinished()
{
    // From the end, one contiguous run at a time: few signals, and rows stay valid.
    int row = rowCount() - 1;
    while (row >= 0) {
        if (!isFinal(m_rows.at(size_t(row)).state)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && isFinal(m_rows.at(size_t(first - 1)).state))
            --first;
        removeRows(first, row - first + 1);
        row = first - 1;
    }
}

Download *DownloadModel::downloadFor(RequestId requestId)
{
    const auto id = m_downloadOf.constFind(requestId);
    if (id == m_downloadOf.cend())
        return nullptr;
    const int row = m_rowOf.value(*id, -1);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

void DownloadModel::onStateChanged(RequestId requestId, RequestState state)
{
    // The final states arrive with poemReceived/poemFailed, which carry what goes with them.
    if (isFinal(state))
        return;
    if (Download *download = downloadFor(requestId)) {
        setState(*download, state);
        markDirty(*download);
    }
}

void DownloadModel::onProgress(RequestId requestId, qint64 bytesReceived)
{
    if (Download *download = downloadFor(requestId)) {
        download->bytesReceived = bytesReceived;
        markDirty(*download);
    }
}

void DownloadModel::onData(RequestId requestId, const QByteArray &chunk)
{
    if (Download *download = downloadFor(requestId)) {
        download->bytes.append(chunk);
        Q_EMIT bytesArrived(download->id, chunk);
    }
}

void DownloadModel::onPoemReceived(RequestId requestId, const Poem &poem)
{
    Download *download = downloadFor(requestId);
    if (!download)
        return;
    m_downloadOf.remove(requestId);
    // The poem is the authority; normally it equals what arrived chunk by chunk.
    if (poem.bytes().size() > download->bytes.size() && poem.bytes().startsWith(download->bytes)) {
        Q_EMIT bytesArrived(download->id, poem.bytes().sliced(download->bytes.size()));
    }
    download->bytes = poem.bytes();
    download->bytesReceived = poem.size();
    download->invalidUtf8 = poem.hasInvalidUtf8();
    download->trace = poem.trace();
    download->finishedAfterMs = download->timer.elapsed();
    m_knownSizes.insert(download->address, poem.size());
    setState(*download, RequestState::Done);
    markDirty(*download);
    const DownloadId id = download->id;
    Q_EMIT serverResult(download->address, RequestState::Done, summary(*download));
    Q_EMIT downloadFinished(id);
}

void DownloadModel::onPoemFailed(RequestId requestId, const Failure &failure)
{
    Download *download = downloadFor(requestId);
    if (!download)
        return;
    m_downloadOf.remove(requestId);
    if (!failure.partialPoem().isEmpty())
        download->bytes = failure.partialPoem().bytes();
    download->bytesReceived = download->bytes.size();
    download->failure = failure;
    download->trace = failure.trace();
    download->finishedAfterMs = download->timer.elapsed();
    const RequestState state = failure.kind() == Failure::Kind::Cancelled ? RequestState::Cancelled
                                                                          : RequestState::Failed;
    setState(*download, state);
    markDirty(*download);
    const DownloadId id = download->id;
    Q_EMIT serverResult(download->address, state, summary(*download));
    Q_EMIT downloadFinished(id);
}

void DownloadModel::setState(Download &download, RequestState state)
{
    const auto counter = [this](RequestState of) -> int & {
        switch (of) {
        case RequestState::Done:
            return m_done;
        case RequestState::Failed:
            return m_failed;
        case RequestState::Cancelled:
            return m_cancelled;
        default:
            return m_active;
        }
    };
    if (download.state == state)
        return;
    --counter(download.state);
    ++counter(state);
    download.state = state;
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
        if (!download.dirty && isFinal(download.state))
            continue;
        download.dirty = false;
        if (!runs.empty() && runs.back().second == row - 1)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    if (runs.size() > size_t(maxRangesPerUpdate))
        runs = {{runs.front().first, runs.back().second}};
    for (const auto &[first, last] : runs)
        Q_EMIT dataChanged(index(first, StateColumn), index(last, ElapsedColumn));
    if (m_countsDirty) {
        m_countsDirty = false;
        Q_EMIT countsChanged();
    }
    if (m_active == 0)
        m_updateTimer.stop();
}

void DownloadModel::rebuildIndex()
{
    m_rowOf.clear();
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows[row].id, int(row));
}

QString DownloadModel::summary(const Download &download) const
{
    switch (download.state) {
    case RequestState::Done:
        return tr("Done · %1").arg(DisplayFormat::bytes(download.bytesReceived));
    case RequestState::Failed:
        return download.failure ? download.failure->typeName() : tr("Failed");
    case RequestState::Cancelled:
        return tr("Cancelled");
    default:
        return DisplayFormat::stateName(download.state, download.bytesReceived);
    }
}
