#pragma once

#include "address.h"

#include <QList>
#include <QObject>

class PoetryServer;

// Poetry servers inside this process, on free loopback ports, so that a new user sees every
// state of a download within seconds: the bundled poems at several speeds, plus one server that
// refuses connections, one that stalls and one that resets the connection half-way.
class DemoServers : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString name;
        Address address;
    };

    struct BundledPoem
    {
        QString title;
        QByteArray text;
    };

    explicit DemoServers(QObject *parent = nullptr);
    ~DemoServers() override;

    // Starts the servers the first time; returns the running ones.
    QList<Entry> start();
    bool isRunning() const { return !m_entries.isEmpty(); }
    QList<Entry> entries() const { return m_entries; }

    // The poems under :/poems, or a short built-in poem if there are none.
    static QList<BundledPoem> bundledPoems();

private:
    QList<PoetryServer *> m_servers;
    QList<Entry> m_entries;
};
