#pragma once

#include "address.h"

#include <QHostAddress>

// A listening socket on loopback whose accept queue is full: on Linux, further SYNs are
// dropped, so a connect to it hangs until the client gives up. The deterministic way to test
// a connect timeout on loopback, and a first address that silently drops connection attempts.
class FullBacklogListener
{
public:
    // On 127.0.0.1 or ::1 (IPv6 only), on a free port or the one given.
    explicit FullBacklogListener(const QHostAddress &host = QHostAddress::LocalHost,
                                 quint16 port = 0);
    ~FullBacklogListener();
    FullBacklogListener(const FullBacklogListener &) = delete;
    FullBacklogListener &operator=(const FullBacklogListener &) = delete;

    bool isValid() const { return m_listener >= 0; }
    quint16 port() const { return m_port; }
    Address address() const { return Address(m_host.toString(), m_port); }

private:
    QHostAddress m_host;
    int m_listener = -1;
    QList<int> m_fillers;
    quint16 m_port = 0;
};
