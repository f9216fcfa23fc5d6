#include "librarymodel.h"

#include "displayformat.h"
#include "poemlibrary.h"

#include <QFont>
#include <QFutureWatcher>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

LibraryModel::LibraryModel(PoemLibrary *library, QObject *parent)
    : QAbstractTableModel(parent), m_library(library)
{
    connect(library, &PoemLibrary::changed, this, &LibraryModel::refresh);
    refresh();
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_poems.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryPoem &poem = m_poems.at(index.row());
    if (role == PoemIdRole)
        return poem.id;
    const bool checkColumn = index.column() == ReadColumn || index.column() == FavouriteColumn;
    const bool value = index.column() == ReadColumn ? poem.read : poem.favourite;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return poem.title.isEmpty() ? tr("(empty poem)")
                                        : DisplayFormat::displayText(poem.title);
        case ServerColumn:
            return DisplayFormat::displayText(poem.serverName);
        case DateColumn:
            return QLocale().toString(poem.lastFetched.toLocalTime(), QLocale::ShortFormat);
        case SizeColumn:
            return DisplayFormat::bytes(poem.size);
        }
        return {};
    case Qt::CheckStateRole:
        if (checkColumn)
            return value ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == ReadColumn)
            return value ? tr("Read") : tr("Unread");
        if (index.column() == FavouriteColumn)
            return value ? tr("Favourite") : tr("Not a favourite");
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return DisplayFormat::plainToolTip(data(index).toString());
        if (index.column() == ServerColumn)
            return DisplayFormat::plainToolTip(poem.address);
        return {};
    case Qt::FontRole:
        if (!poem.read && index.column() == TitleColumn) {
            QFont font;
            font.setBold(true); // unread, as mail and feed readers show it
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case TitleColumn:
            return poem.title;
        case ServerColumn:
            return poem.serverName;
        case DateColumn:
            return poem.lastFetched;
        case SizeColumn:
            return poem.size;
        default:
            return value;
        }
    }
    return {};
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case ServerColumn:
        return tr("Server");
    case DateColumn:
        return tr("Fetched");
    case SizeColumn:
        return tr("Size");
    case ReadColumn:
        return tr("Read");
    case FavouriteColumn:
        return tr("Favourite");
    }
    return {};
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == ReadColumn || index.column() == FavouriteColumn))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool LibraryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (index.column() != ReadColumn && index.column() != FavouriteColumn))
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    const QList<qint64> ids{m_poems.at(index.row()).id};
    if (index.column() == ReadColumn)
        setRead(ids, checked);
    else
        setFavourite(ids, checked);
    return true;
}

void LibraryModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    refresh();
}

void LibraryModel::refresh()
{
    if (m_inFlight) {
        m_again = true;
        return;
    }
    startQuery();
}

void LibraryModel::startQuery()
{
    if (!m_library)
        return;
    m_inFlight = true;
    m_again = false;
    m_stale = false;
    const QString text = m_searchText;
    // A watcher, not .then(this, …): it goes with the model, and its result with it.
    auto *watcher = new QFutureWatcher<QList<LibraryPoem>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, text] {
        watcher->deleteLater();
        applyResult(text,
                    watcher->future().isResultReadyAt(0) ? watcher->result()
                                                         : QList<LibraryPoem>());
    });
    watcher->setFuture(m_library->search(text, limitFor(text)));
}

void LibraryModel::applyResult(const QString &text, const QList<LibraryPoem> &poems)
{
    m_inFlight = false;
    // An older keystroke's result is dropped, and so is one that predates a mark or a removal
    // made here (it would undo it until the next query); the next query follows.
    if (text == m_searchText && !m_stale)
        merge(poems);
    if (m_again) {
        startQuery();
        return;
    }
    Q_EMIT refreshed();
}

int LibraryModel::limitFor(const QString &text)
{
    return text.trimmed().isEmpty() ? maxRows : maxSearchRows;
}

int LibraryModel::rowOf(qint64 poemId) const
{
    const auto found
            = std::find_if(m_poems.cbegin(), m_poems.cend(),
                           [poemId](const LibraryPoem &poem) { return poem.id == poemId; });
    return found == m_poems.cend() ? -1 : int(found - m_poems.cbegin());
}

void LibraryModel::merge(const QList<LibraryPoem> &poems)
{
    removeRowsNotIn(poems);
    reorderAs(poems);
    insertRowsFrom(poems);
    // Now the ids are those of `poems`, in its order: what else changed is data.
    for (int row = 0; row < int(m_poems.size()); ++row) {
        if (m_poems[row] == poems[row])
            continue;
        m_poems[row] = poems[row];
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void LibraryModel::removeRowsNotIn(const QList<LibraryPoem> &poems)
{
    QSet<qint64> kept;
    kept.reserve(poems.size());
    for (const LibraryPoem &poem : poems)
        kept.insert(poem.id);
    // From the end, a run of rows at a time.
    for (int last = int(m_poems.size()) - 1; last >= 0; --last) {
        if (kept.contains(m_poems[last].id))
            continue;
        int first = last;
        while (first > 0 && !kept.contains(m_poems[first - 1].id))
            --first;
        beginRemoveRows({}, first, last);
        m_poems.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }
}

void LibraryModel::reorderAs(const QList<LibraryPoem> &poems)
{
    QHash<qint64, int> position;
    position.reserve(poems.size());
    for (int i = 0; i < int(poems.size()); ++i)
        position.insert(poems[i].id, i);
    const auto before = [&](const LibraryPoem &a, const LibraryPoem &b) {
        return position.value(a.id) < position.value(b.id);
    };
    if (std::is_sorted(m_poems.cbegin(), m_poems.cend(), before))
        return;
    // A poem fetched again moves to the top: the rows move, and the selection with them.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    QList<qint64> persistentIds;
    for (const QModelIndex &index : persistent)
        persistentIds.append(m_poems.at(index.row()).id);
    std::stable_sort(m_poems.begin(), m_poems.end(), before);
    for (qsizetype i = 0; i < persistent.size(); ++i)
        changePersistentIndex(persistent[i],
                              index(rowOf(persistentIds[i]), persistent[i].column()));
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void LibraryModel::insertRowsFrom(const QList<LibraryPoem> &poems)
{
    // The rows are a subsequence of `poems` in its order: what is missing is inserted in runs.
    for (int row = 0; row < int(poems.size()); ++row) {
        if (row < int(m_poems.size()) && m_poems[row].id == poems[row].id)
            continue;
        int end = row + 1;
        const qint64 next = row < int(m_poems.size()) ? m_poems[row].id : -1;
        while (end < int(poems.size()) && poems[end].id != next)
            ++end;
        beginInsertRows({}, row, end - 1);
        m_poems.insert(row, end - row, LibraryPoem());
        std::copy(poems.begin() + row, poems.begin() + end, m_poems.begin() + row);
        endInsertRows();
        row = end - 1;
    }
}

void LibraryModel::markStale()
{
    if (m_inFlight) {
        m_stale = true;
        m_again = true;
    }
}

void LibraryModel::mark(const QList<qint64> &poemIds, int column, bool value)
{
    markStale();
    for (const qint64 id : poemIds) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        LibraryPoem &poem = m_poems[row];
        (column == ReadColumn ? poem.read : poem.favourite) = value;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void LibraryModel::setRead(const QList<qint64> &poemIds, bool read)
{
    mark(poemIds, ReadColumn, read);
    if (m_library)
        m_library->setRead(poemIds, read);
}

void LibraryModel::setFavourite(const QList<qint64> &poemIds, bool favourite)
{
    mark(poemIds, FavouriteColumn, favourite);
    if (m_library)
        m_library->setFavourite(poemIds, favourite);
}

void LibraryModel::remove(const QList<qint64> &poemIds)
{
    markStale();
    const QSet<qint64> doomed(poemIds.cbegin(), poemIds.cend());
    QList<LibraryPoem> kept;
    for (const LibraryPoem &poem : std::as_const(m_poems)) {
        if (!doomed.contains(poem.id))
            kept.append(poem);
    }
    removeRowsNotIn(kept);
    if (m_library)
        m_library->remove(poemIds);
}
