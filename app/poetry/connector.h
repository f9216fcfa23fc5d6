#pragma once

#include "address.h"
#include "requesttrace.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <vector>

class QSocketNotifier;

// Turns an address into one connected socket descriptor: looks the name up (HostResolver)
// and connects the way RFC 8305 ("happy eyeballs") says. The families alternate, starting with
// the resolver's first; the next attempt starts attemptDelay after the previous one, or at once
// when it fails; the first attempt to connect wins and the others are closed. Every step is
// reported for the request's timeline. PoetryProtocol owns one and reads what it connects.
class Connector : public QObject
{
    Q_OBJECT

public:
    // RFC 8305's "Connection Attempt Delay".
    static constexpr std::chrono::milliseconds attemptDelay{250};

    explicit Connector(const Address &address, QObject *parent = nullptr);
    ~Connector() override;

    void start();
    // Closes every attempt and forgets the lookup; nothing more is emitted.
    void abort();

    // The scope of a link-local IPv6 address as the kernel wants it: "3" is 3, an interface
    // name ("lo", "eth0") its index; 0 (none) for an empty or unknown one.
    static uint32_t scopeIndex(const QString &scope);

Q_SIGNALS:
    // Resolving, Resolved, AttemptStarted and AttemptFailed steps; `peer` names the attempt.
    void stepReached(RequestTrace::Event event, const QString &step, const QString &peer);
    // The winner: the descriptor is the receiver's to keep.
    void connected(int descriptor, const QString &peer);
    // The server accepted and reset before the connection was seen up: what it sent can still
    // be read from the descriptor, which is the receiver's to close.
    void resetBeforeConnected(int descriptor, const QString &peer, int error);
    void lookupFailed(const QString &errorText);
    // Every address failed; `error` is the last one's errno (EMFILE when descriptors ran out,
    // the lookup's included).
    void failed(int error);

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
    QList<QHostAddress> m_addresses; // still to try, in the order to try them
    int m_lookupId = -1;
    std::vector<Attempt> m_attempts; // connecting now
    QTimer m_attemptTimer;
    int m_lastError = 0;
    bool m_done = false;
};
