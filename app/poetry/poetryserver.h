#pragma once

#include "address.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>
#include <unordered_map>

class QSocketNotifier;
class QTcpSocket;

// Serves one poem to every client that connects, whole or slowly, to many clients at once,
// each independently; and on request misbehaves, for demos and tests.
//
// Whatever clients do, what it holds per client is bounded: bytes a client sends are read and
// discarded (the protocol has no request), and at most a window of the poem is queued for a
// client that does not read, slow or fast; every client's bytes are slices of one poem.
// When it runs out of descriptors it stops accepting for a while (100 ms, doubling up to 1 s)
// instead of trying again at once; the clients wait in the listen queue meanwhile.
class PoetryServer : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        None,
        Refuse,      // nothing listens on the port (it stays reserved): connections are refused
        CloseAtOnce, // accept, then close cleanly without a byte: an empty poem
        Stall,       // accept, never send, never close
        ResetAfter,  // send faultBytes bytes, then reset the connection
        NeverClose,  // send the poem, then keep the connection open
        RandomBytes, // send faultBytes random bytes (the poem's size if 0) instead of the poem
        Endless,     // send the poem again and again, never stop
    };

    struct Options
    {
        QByteArray poem;
        qint64 bytesPerChunk = 0;           // with a delay: bytes per tick (0 = the whole poem)
        std::chrono::milliseconds delay{0}; // between chunks; 0 = as fast as the socket takes it
        Fault fault = Fault::None;
        qint64 faultBytes = 0; // at most maxFaultBytes
    };

    // The most random bytes or bytes before a reset that a server is asked for (1 GiB);
    // poetry-server also serves no file larger than this.
    static constexpr qint64 maxFaultBytes = qint64(1) << 30;

    explicit PoetryServer(const Options &options, QObject *parent = nullptr);
    ~PoetryServer() override;

    // Port 0 picks a free port.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const { return m_errorString; }
    QHostAddress serverAddress() const { return m_listenAddress; }
    quint16 serverPort() const { return m_port; }
    // What a client types to reach this server.
    Address address() const;

    const Options &options() const { return m_options; }
    // What every client receives: the poem, or the random bytes (Fault::RandomBytes), or the
    // part sent before a reset (Fault::ResetAfter); Fault::Endless repeats it forever.
    const QByteArray &servedBytes() const { return m_content; }
    int openConnections() const { return int(m_connections.size()); }
    int peakConnections() const { return m_peakConnections; }
    qint64 acceptedConnections() const { return m_acceptedConnections; }
    // Bytes handed to the sockets so far, all clients together: it stops growing when the
    // clients stop reading (TCP backpressure) once the write window is full.
    qint64 sentBytes() const { return m_sentBytes; }
    // Forgets the peak so that a test can measure a phase of its own.
    void resetPeakConnections() { m_peakConnections = openConnections(); }

    // "none", "refuse", "close", "stall", "reset", "never-close", "random", "endless".
    static QStringList faultNames();
    static std::optional<Fault> faultFromName(QStringView name);
    static QString faultName(Fault fault);

Q_SIGNALS:
    void connectionOpened();
    void connectionClosed();

private:
    struct Connection
    {
        qint64 sent = 0;
        qint64 allowed = 0; // what may be sent so far: all of it, or the chunks of the ticks
        bool finishedSending = false;
    };

    bool bindAndListen(const QHostAddress &address, quint16 port);
    void acceptConnections();
    void pauseAccepting();
    void serve(int descriptor);
    void sendMore(QTcpSocket *socket);
    void sendSlowChunks();
    void finishSending(QTcpSocket *socket);
    void resetWhenSent(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    qint64 contentSize() const;
    QByteArrayView contentAt(qint64 offset, qint64 maxSize) const;

    Options m_options;
    QByteArray m_content;
    int m_listener = -1; // bound; listening unless Fault::Refuse
    QSocketNotifier *m_acceptNotifier = nullptr;
    QTimer m_acceptPause; // out of descriptors: accepting again when it fires
    std::chrono::milliseconds m_acceptPauseLength;
    QHostAddress m_listenAddress;
    quint16 m_port = 0;
    QString m_errorString;
    QTimer m_slowTimer;
    std::unordered_map<QTcpSocket *, Connection> m_connections;
    int m_peakConnections = 0;
    qint64 m_acceptedConnections = 0;
    qint64 m_sentBytes = 0;
};
