#pragma once

#include "server.h"

#include <QAbstractTableModel>
#include <QList>

class QSettings;

// The poetry servers the user keeps: name, address and the last result of each. Names and
// addresses are editable in place; an address is accepted only if Address::parse() accepts it.
class ServerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AddressColumn, ResultColumn, ColumnCount };
    enum Role { AddressRole = Qt::UserRole + 1, DemoRole };

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
    // Adds every address in a text: one per line, or several separated by spaces as the classic
    // client takes them ("10001 localhost:10002"). Lines starting with '#' are comments. Returns
    // the number added; messages for the words that are not addresses go to *errors.
    int importText(const QString &text, QStringList *errors = nullptr);

    void setLastResult(const QString &address, RequestState state, const QString &text);

    // Demo servers are never saved: their ports change every run.
    void load(const QSettings &settings);
    void save(QSettings &settings) const;

private:
    QList<Server> m_servers;
};
