#pragma once

#include "address.h"
#include "poetryserver.h"

#include <QList>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

// Poetry servers on a thread and event loop of their own, so that a benchmark measures the
// client's thread and not the servers'. They live until the thread is stopped.
class ServerThread : public QThread
{
public:
    ServerThread(const PoetryServer::Options &options, int count)
        : m_options(options), m_count(count)
    { }
    ~ServerThread() override;

    // After start(): the servers' addresses, once all listen (fewer if some could not).
    QList<Address> waitForAddresses();

protected:
    void run() override;

private:
    PoetryServer::Options m_options;
    int m_count;
    QMutex m_mutex;
    QWaitCondition m_readyCondition;
    QList<Address> m_addresses;
    bool m_ready = false;
};
