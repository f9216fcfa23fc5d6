#include "serverlistmodel.h"

#include "address.h"
#include "displayformat.h"

#include <QFont>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

ServerListModel::ServerListModel(QObject *parent) : QAbstractTableModel(parent) { }

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int ServerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Server &server = m_servers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return server.name;
        case AddressColumn:
            return server.address;
        case ResultColumn:
            return server.lastResult;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == ResultColumn && server.lastState)
            return DisplayFormat::stateIcon(*server.lastState);
        break;
    case Qt::ToolTipRole:
        // Names and results may come from anywhere: tooltips are rich text, so escape them.
        if (index.column() == NameColumn && server.demo)
            return DisplayFormat::plainToolTip(
                    tr("%1 — a demo server inside this program").arg(server.name));
        return DisplayFormat::plainToolTip(data(index, Qt::DisplayRole).toString());
    case Qt::FontRole:
        if (server.demo && index.column() == NameColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case AddressRole:
        return server.address;
    case SortRole:
        if (index.column() == AddressColumn) {
            // "host:port" or "[v6]:port": the port, zero-padded, sorts 9 before 10001.
            const qsizetype colon = server.address.lastIndexOf(u':');
            return QString(server.address.left(colon) + u' '
                           + server.address.sliced(colon + 1).rightJustified(5, u'0'));
        }
        return data(index, Qt::DisplayRole);
    case DemoRole:
        return server.demo;
    default:
        break;
    }
    return {};
}

QVariant ServerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AddressColumn:
        return tr("Address");
    case ResultColumn:
        return tr("Last result");
    }
    return {};
}

Qt::ItemFlags ServerListModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool demo = m_servers.at(index.row()).demo;
    if (index.column() == NameColumn || (index.column() == AddressColumn && !demo))
        result |= Qt::ItemIsEditable;
    return result;
}

bool ServerListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Server &server = m_servers[index.row()];
    const QString text = value.toString();
    if (index.column() == NameColumn) {
        const QString cleaned = cleanName(text);
        const QString name = cleaned.isEmpty() ? server.address : cleaned;
        if (name == server.name)
            return true;
        server.name = name;
        Q_EMIT dataChanged(index, index);
        return true;
    }
    const auto address = Address::parse(text);
    if (!address)
        return false;
    const QString canonical = address->toString();
    const int existing = rowOf(canonical);
    if (existing >= 0 && existing != index.row())
        return false; // one row per address
    if (server.name == server.address)
        server.name = canonical;
    m_rowOfAddress.remove(server.address);
    m_rowOfAddress.insert(canonical, index.row());
    server.address = canonical;
    server.lastState.reset();
    server.lastResult.clear();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

bool ServerListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_servers.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_servers.remove(row, count);
    rebuildIndex(); // the rows after them moved up
    endRemoveRows();
    return true;
}

void ServerListModel::rebuildIndex()
{
    m_rowOfAddress.clear();
    m_rowOfAddress.reserve(m_servers.size());
    for (qsizetype row = 0; row < m_servers.size(); ++row)
        m_rowOfAddress.insert(m_servers.at(row).address, int(row));
}

int ServerListModel::rowOf(const QString &address) const
{
    if (const auto found = m_rowOfAddress.constFind(address); found != m_rowOfAddress.cend())
        return found.value(); // already canonical: no parsing
    const auto parsed = Address::parse(address);
    return parsed ? m_rowOfAddress.value(parsed->toString(), -1) : -1;
}

QString ServerListModel::cleanName(const QString &name)
{
    QString cleaned = name.trimmed();
    if (cleaned.size() > maxNameLength) {
        // Not between the two halves of a surrogate pair.
        const bool split = cleaned.at(maxNameLength - 1).isHighSurrogate();
        cleaned.truncate(split ? maxNameLength - 1 : maxNameLength);
    }
    for (QChar &c : cleaned) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return cleaned.trimmed();
}

int ServerListModel::addServer(const QString &name, const QString &address, bool demo,
                               QString *errorMessage)
{
    const auto parsed = Address::parse(address, errorMessage);
    if (!parsed)
        return -1;
    const QString canonical = parsed->toString();
    if (const int existing = rowOf(canonical); existing >= 0)
        return existing;
    Server server;
    server.address = canonical;
    const QString cleaned = cleanName(name);
    server.name = cleaned.isEmpty() ? canonical : cleaned;
    server.demo = demo;
    const int row = int(m_servers.size());
    beginInsertRows({}, row, row);
    m_servers.append(server);
    m_rowOfAddress.insert(canonical, row);
    endInsertRows();
    return row;
}

int ServerListModel::addServers(const QList<Entry> &entries)
{
    QList<Server> added;
    QHash<QString, int> rows;
    const int first = int(m_servers.size());
    for (const Entry &entry : entries) {
        const auto parsed = Address::parse(entry.address);
        if (!parsed)
            continue;
        Server server;
        server.address = parsed->toString();
        if (m_rowOfAddress.contains(server.address) || rows.contains(server.address))
            continue;
        const QString cleaned = cleanName(entry.name);
        server.name = cleaned.isEmpty() ? server.address : cleaned;
        rows.insert(server.address, first + int(added.size()));
        added.append(std::move(server));
    }
    if (added.isEmpty())
        return 0;
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_servers.append(added);
    m_rowOfAddress.insert(rows);
    endInsertRows();
    return int(added.size());
}

void ServerListModel::setLastResult(const QString &address, RequestState state, const QString &text)
{
    const int row = rowOf(address);
    if (row < 0)
        return;
    Server &server = m_servers[row];
    server.lastState = state;
    server.lastResult = text;
    Q_EMIT dataChanged(index(row, ResultColumn), index(row, ResultColumn));
}

void ServerListModel::load(const QSettings &settings)
{
    // Read the entries that are there, not as many as "size" claims: a damaged file saying
    // size=2000000000 must not keep the window from starting. (QSettings' array API is not
    // const, so the keys are read directly.)
    static const QRegularExpression entry(u"^servers/(\\d{1,9})/address$"_s);
    const int claimed = settings.value(u"servers/size"_s).toInt();
    std::vector<int> indices;
    for (const QString &key : settings.allKeys()) {
        const auto match = entry.match(key);
        const int index = match.hasMatch() ? match.captured(1).toInt() : 0;
        if (index >= 1 && index <= claimed)
            indices.push_back(index);
    }
    std::sort(indices.begin(), indices.end());
    QList<Entry> entries;
    entries.reserve(qsizetype(indices.size()));
    for (int index : indices) {
        const QString prefix = u"servers/%1/"_s.arg(index);
        entries.append({settings.value(prefix + u"name").toString(),
                        settings.value(prefix + u"address").toString()});
    }
    addServers(entries);
}

void ServerListModel::save(QSettings &settings) const
{
    settings.remove(u"servers"_s);
    // An explicit size, so that an empty list is saved as such (size=0), not as "no list".
    const auto saved = std::count_if(m_servers.cbegin(), m_servers.cend(),
                                     [](const Server &server) { return !server.demo; });
    settings.beginWriteArray(u"servers"_s, int(saved));
    int index = 0;
    for (const Server &server : m_servers) {
        if (server.demo)
            continue;
        settings.setArrayIndex(index++);
        settings.setValue(u"name"_s, server.name);
        settings.setValue(u"address"_s, server.address);
    }
    settings.endArray();
}
