#pragma once

#include "address.h"

// A listening socket on 127.0.0.1 whose accept queue is full: on Linux, further SYNs are
// dropped, so a connect to it hangs until the client gives up. The deterministic way to test
// a connect timeout on loopback.
class FullBacklogListener
{
public:
    FullBacklogListener();
    ~FullBacklogListener();
    FullBacklogListener(const FullBacklogListener &) = delete;
    FullBacklogListener &operator=(const FullBacklogListener &) = delete;

    bool isValid() const { return m_listener >= 0; }
    Address address() const { return Address(QStringLiteral("127.0.0.1"), m_port); }

private:
    int m_listener = -1;
    QList<int> m_fillers;
    quint16 m_port = 0;
};
