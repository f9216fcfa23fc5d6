#pragma once

#include "address.h"
#include "connector.h"
#include "failure.h"
#include "fetchoptions.h"
#include "requeststate.h"
#include "requesttrace.h"
#include "tcpcloseprobe.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

class QTcpSocket;

// One connection to a poetry server. Connects (its Connector resolves the name and runs the
// happy-eyeballs attempts), collects the bytes, tells a clean close (the poem is complete) from a
// lost connection, enforces the size cap and the connect and idle timeouts, and reports exactly one
// outcome through finished(). It knows nothing of requests or queues: its PoemJob owns it.
//
// It connects the socket itself and hands the connected descriptor to QTcpSocket, which does
// all the reading. QTcpSocket::connectToHost() takes a connection that the server accepted and
// reset before Qt noticed it was up for a failed attempt and silently connects again (measured
// with Qt 6.4: 243 connections to such a server in 5 s); connecting ourselves also gives the
// system's exact error for every failed attempt, and lets attempts overlap (see Connector).
class PoetryProtocol : public QObject, private Connector::Listener
{
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;

    // What the protocol tells its owner, as plain calls: one owner, and a request's worth of
    // signal connections costs more than the calls (callgrind: about 800 instructions a
    // connection). The owner may abort() and deleteLater() the protocol from any of these.
    class Listener
    {
    public:
        // The request moved on; `step` says how, for the trace. `peer` is the address
        // ("host:port") of a connection attempt, for the attempt's events.
        virtual void protocolStateChanged(RequestState state, RequestTrace::Event event,
                                          const QString &step, const QString &peer)
                = 0;
        // Something worth a line in the trace that is not a state change.
        virtual void protocolStep(RequestTrace::Event event, const QString &step,
                                  const QString &peer)
                = 0;
        // `count` new bytes were appended to bytes().
        virtual void protocolBytes(qint64 count) = 0;
        // Exactly once: failure() is set, or the poem in bytes() is complete.
        virtual void protocolFinished() = 0;

    protected:
        ~Listener() = default;
    };

    // What Qt may buffer while paused: past it the kernel's window fills and the server blocks.
    static constexpr qint64 pausedReadBuffer = 64 * 1024;

    // Without a listener the outcome is read from isFinished() and failure().
    PoetryProtocol(const Address &address, const FetchOptions &options,
                   Listener *listener = nullptr, QObject *parent = nullptr);
    ~PoetryProtocol() override;

    void start();
    // Closes the connection without any outcome (the owner reports why).
    void abort();
    // Fails with TimeoutError if the connect or idle timeout has passed at `now`.
    void checkTimeouts(Clock::time_point now);

    // Stops reading (the server's writes block once the buffers fill) and starts again.
    void suspend();
    void resume();
    bool isSuspended() const { return m_suspended; }

    RequestState state() const { return m_state; }
    bool isFinished() const { return m_finished; }
    const QByteArray &bytes() const { return m_bytes; }
    QByteArray takeBytes();
    // Set once finished() was emitted for a failure.
    const std::optional<Failure> &failure() const { return m_failure; }
    // From now on nothing is told (the owner is letting the protocol go).
    void setListener(Listener *listener) { m_listener = listener; }

private:
    void setState(RequestState state, RequestTrace::Event event, const QString &step,
                  const QString &peer = {});
    void connectorStep(RequestTrace::Event event, const QString &step,
                       const QString &peer) override;
    void connectorConnected(int descriptor, const QString &peer) override;
    void connectorReset(int descriptor, const QString &peer, int error) override;
    void connectorLookupFailed(const QString &errorText) override;
    void connectorFailed(int error) override;
    void traceStep(RequestTrace::Event event, const QString &text, const QString &peer = {});
    void onReadyRead();
    void readAvailable();
    bool bytesWaiting() const;
    // Room for `size` more bytes at the end of the poem; returns where they go.
    char *growBy(qsizetype size);
    // Keeps `count` bytes written after `oldSize` (none if count <= 0), enforces the size cap.
    void appendReceived(qsizetype oldSize, qint64 count);
    void readBeforeReset(int descriptor);
    void onSocketError(QAbstractSocket::SocketError error);
    void onRemoteClosed();
    void succeed();
    void fail(Failure failure, const QString &step);
    void closeSocket();

    Address m_address;
    FetchOptions m_options;
    Listener *m_listener;
    std::unique_ptr<Connector> m_connector; // made by start(); lives as long as the protocol
    QTcpSocket *m_socket = nullptr;
    TcpCloseProbe m_closeProbe;
    QByteArray m_bytes;
    RequestState m_state = RequestState::Queued;
    Clock::time_point m_connectStart;
    Clock::time_point m_lastActivity;
    std::optional<Failure> m_failure;
    bool m_finished = false;
    bool m_suspended = false;
    bool m_closedWhileSuspended = false;
};
