#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

// Looks host names up with the system's resolver (getaddrinfo) on worker threads of its own,
// and answers on the thread that asked, from its event loop.
//
// Why not QHostInfo: its lookups run on QThreads, and each QThread makes an event dispatcher
// with descriptors of its own. Out of descriptors, Qt then aborts the whole process
// ("QThreadPipe: Unable to create pipe" / "Cannot continue without a thread pipe"). A
// std::thread needs none; a lookup that finds no free descriptor says so (outOfDescriptors),
// so that the fetcher can queue its request again as it does for a connection.
//
// Identical names asked for while a lookup runs share its answer. pin() gives a name fixed
// addresses without any lookup, as curl's --resolve does (tests use it to give one name both an
// IPv6 and an IPv4 address).
class HostResolver : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        QList<QHostAddress> addresses; // in the resolver's order of preference
        QString errorText;             // empty when addresses were found
        bool outOfDescriptors = false;
    };
    using Callback = std::function<void(const Result &)>;

    // The resolver of the thread that calls it first (the application's main thread).
    static HostResolver &instance();
    ~HostResolver() override;

    // Calls `callback` from the event loop, never from inside lookup(), unless aborted or
    // `receiver` was destroyed first. Returns an id for abort().
    int lookup(const QString &host, QObject *receiver, Callback callback);
    void abort(int id);

    void pin(const QString &host, const QList<QHostAddress> &addresses);
    void unpin(const QString &host);

private:
    struct Shared;
    struct Waiter
    {
        QString host;
        QPointer<QObject> receiver;
        Callback callback;
    };

    HostResolver();
    void deliver(const QString &host, const Result &result);

    std::shared_ptr<Shared> m_shared;
    QHash<int, Waiter> m_waiters;
    QHash<QString, QList<int>> m_waitersOfHost;
    QHash<QString, QList<QHostAddress>> m_pinned;
    int m_lastId = 0;
};
