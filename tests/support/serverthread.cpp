#include "serverthread.h"

#include <memory>
#include <vector>

ServerThread::~ServerThread()
{
    quit();
    wait();
}

QList<Address> ServerThread::waitForAddresses()
{
    QMutexLocker locker(&m_mutex);
    while (!m_ready)
        m_readyCondition.wait(&m_mutex);
    return m_addresses;
}

void ServerThread::run()
{
    std::vector<std::unique_ptr<PoetryServer>> servers;
    QList<Address> addresses;
    for (int i = 0; i < m_count; ++i) {
        auto server = std::make_unique<PoetryServer>(m_options);
        if (server->listen(QHostAddress::LocalHost))
            addresses.append(server->address());
        servers.push_back(std::move(server));
    }
    {
        QMutexLocker locker(&m_mutex);
        m_addresses = addresses;
        m_ready = true;
    }
    m_readyCondition.wakeAll();
    exec();
}
