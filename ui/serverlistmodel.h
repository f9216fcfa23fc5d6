#pragma once

#include "server.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class QSettings;

// The poetry servers the user keeps: name, address and the last result of each. Names and
// addresses are editable in place; an address is accepted only if Address::parse() accepts it.
class ServerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AddressColumn, ResultColumn, ColumnCount };
    // SortRole: what a column sorts by (an address by host, then by port as a number).
    enum Role { AddressRole = Qt::UserRole + 1, DemoRole, SortRole };
    // A name longer than this is cut to it, wherever it comes from (the settings file, an
    // import, a rename): a 15 MB name kept the window busy for 11 s and took it to 1.1 GB.
    static constexpr int maxNameLength = 1000;

    // One server to add: a name (empty: the address) and an address as the user wrote it.
    struct Entry
    {
        QString name;
        QString address;
    };

    explicit ServerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    const Server &server(int row) const { return m_servers.at(row); }
    // The row of the server with this address (in any form parse() reads), or -1.
    int rowOf(const QString &address) const;

    // Adds a server, or returns the row of the one with the same address. -1 (and a message in
    // *errorMessage) if the address is not valid. An empty name means "use the address".
    int addServer(const QString &name, const QString &address, bool demo = false,
                  QString *errorMessage = nullptr);
    // Adds these servers, all in one insertion, skipping invalid addresses and those already
    // listed (the first of several with the same address wins). Returns the number added.
    int addServers(const QList<Entry> &entries);
    // A name as the list keeps it: trimmed, each control character (a tab, a line break) a
    // space, at most maxNameLength characters; empty if nothing is left.
    static QString cleanName(const QString &name);

    void setLastResult(const QString &address, RequestState state, const QString &text);

    // Demo servers are never saved: their ports change every run.
    void load(const QSettings &settings);
    void save(QSettings &settings) const;

private:
    void rebuildIndex();

    QList<Server> m_servers;
    // The row of each address (canonical form): adding 100,000 servers scanned the list for
    // each one, 45 s before the first window.
    QHash<QString, int> m_rowOfAddress;
};
