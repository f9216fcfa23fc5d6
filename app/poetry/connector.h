#pragma once

#include "address.h"
#include "requesttrace.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

class QSocketNotifier;

// Turns an address into one connected socket descriptor: looks the name up (HostResolver)
// and connects the way RFC 8305 ("happy eyeballs") says. The families alternate, starting with
// the resolver's first; the next attempt starts attemptDelay after the previous one, or at once
// when it fails; the first attempt to connect wins and the others are closed. Every step is
// reported for the request's timeline. PoetryProtocol owns one and reads what it connects.
//
// Not a QObject: one is made for every request, and what it tells goes to one listener, so
// plain calls cost a fraction of an object and five connections. Its notifiers and timer live on
// the context object it is given (the protocol).
class Connector
{
    Q_DECLARE_TR_FUNCTIONS(Connector)

public:
    // What the connector tells its owner. A listener may call abort() from any of these; the
    // connector is destroyed only outside them.
    class Listener
    {
    public:
        // Resolving, Resolved, AttemptStarted and AttemptFailed; `peer` names the attempt.
        virtual void connectorStep(RequestTrace::Event event, const QString &step,
                                   const QString &peer)
                = 0;
        // The winner: the descriptor is the listener's to keep.
        virtual void connectorConnected(int descriptor, const QString &peer) = 0;
        // The server accepted and reset before the connection was seen up: what it sent can
        // still be read from the descriptor, which is the listener's to close.
        virtual void connectorReset(int descriptor, const QString &peer, int error) = 0;
        virtual void connectorLookupFailed(const QString &errorText) = 0;
        // Every address failed; `error` is the last one's errno (EMFILE when descriptors ran
        // out, the lookup's included).
        virtual void connectorFailed(int error) = 0;

    protected:
        ~Listener() = default;
    };

    // RFC 8305's "Connection Attempt Delay".
    static constexpr std::chrono::milliseconds attemptDelay{250};

    Connector(const Address &address, QObject *context, Listener *listener);
    ~Connector();
    Connector(const Connector &) = delete;
    Connector &operator=(const Connector &) = delete;

    void start();
    // Closes every attempt and forgets the lookup; nothing more is emitted.
    void abort();

    // The scope of a link-local IPv6 address as the kernel wants it: "3" is 3, an interface
    // name ("lo", "eth0") its index; 0 (none) for an empty or unknown one.
    static uint32_t scopeIndex(const QString &scope);

private:
    struct Attempt
    {
        int descriptor = -1;
        QSocketNotifier *notifier = nullptr;
        QString peer; // "host:port"
    };

    void onResolved(const QList<QHostAddress> &addresses, const QString &errorText,
                    bool outOfDescriptors);
    void startNextAttempt();
    void checkAttempt(int descriptor);
    void attemptFailed(const QString &peer, int error);
    void dropAttempts();

    Address m_address;
    QObject *m_context;
    Listener *m_listener;
    QList<QHostAddress> m_addresses; // still to try, in the order to try them
    int m_lookupId = -1;
    std::vector<Attempt> m_attempts;        // connecting now
    std::unique_ptr<QTimer> m_attemptTimer; // made when a second address waits
    int m_lastError = 0;
    bool m_done = false;
};
