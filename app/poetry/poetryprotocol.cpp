#include "poetryprotocol.h"

#include "connector.h"

#include <QLocale>
#include <QNetworkProxy>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace std::chrono;
using Event = RequestTrace::Event;

namespace {

QString secondsText(milliseconds span)
{
    return QString::number(duration<double>(span).count(), 'f', 1);
}

// Maps the fresh pages that a read is about to fill in one system call, instead of taking one
// page fault per 4 KiB inside the copy: most of the cost of holding a large poem in memory
// (measured: 256 MiB in 0.26 s instead of 0.29-0.42 s). Only whole pages inside the range.
void prefault(char *begin, qsizetype size)
{
#ifdef MADV_POPULATE_WRITE
    constexpr quintptr page = 4096;
    constexpr qsizetype worthIt = 64 * 1024;
    if (size < worthIt)
        return;
    const quintptr first = (quintptr(begin) + page - 1) & ~(page - 1);
    const quintptr last = quintptr(begin + size) & ~(page - 1);
    if (last > first)
        ::madvise(reinterpret_cast<void *>(first), last - first, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(begin);
    Q_UNUSED(size);
#endif
}

} // namespace

PoetryProtocol::PoetryProtocol(const Address &address, const FetchOptions &options,
                               Listener *listener, QObject *parent)
    : QObject(parent), m_address(address), m_options(options), m_listener(listener)
{ }

PoetryProtocol::~PoetryProtocol()
{
    closeSocket();
}

void PoetryProtocol::start()
{
    Q_ASSERT(!m_socket && !m_finished && !m_connector);
    m_connectStart = Clock::now();
    m_connector = std::make_unique<Connector>(m_address, this,
                                              static_cast<Connector::Listener *>(this));
    m_connector->start();
}

void PoetryProtocol::connectorStep(Event event, const QString &text, const QString &peer)
{
    if (event == Event::Resolving)
        setState(RequestState::Resolving, event, text, peer);
    else if (event == Event::AttemptStarted && m_state != RequestState::Connecting)
        setState(RequestState::Connecting, event, text, peer);
    else
        traceStep(event, text, peer);
}

void PoetryProtocol::connectorLookupFailed(const QString &errorText)
{
    Failure failure(Failure::Kind::DNSLookup,
                    tr("DNS lookup failed: address “%1” not found").arg(m_address.host()));
    failure.setSystemError(0, errorText);
    fail(failure, tr("host not found"));
}

void PoetryProtocol::traceStep(Event event, const QString &text, const QString &peer)
{
    if (m_listener)
        m_listener->protocolStep(event, text, peer);
}

void PoetryProtocol::connectorReset(int descriptor, const QString &peer, int error)
{
    // The server accepted, maybe sent something, and reset the connection before we saw it
    // up: it was up, and what it sent is the partial poem.
    setState(RequestState::Receiving, Event::Connected, tr("connected to %1").arg(peer), peer);
    readBeforeReset(descriptor);
    ::close(descriptor);
    if (m_finished)
        return;
    Failure failure(Failure::Kind::ConnectionLost,
                    tr("Connection to the other side was lost in a non-clean fashion"));
    failure.setSystemError(error);
    fail(failure, tr("connection reset after %n byte(s)", nullptr, int(m_bytes.size())));
}

void PoetryProtocol::connectorFailed(int error)
{
    Failure failure;
    QString step;
    switch (error) {
    case ECONNREFUSED:
        failure = Failure(Failure::Kind::ConnectionRefused,
                          tr("Connection was refused by other side"));
        step = tr("connection refused");
        break;
    case ETIMEDOUT:
        failure = Failure(Failure::Kind::Timeout,
                          tr("Connecting to %1 timed out").arg(m_address.toString()));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Connect);
        step = tr("connect timeout");
        break;
    default:
        failure = Failure(Failure::Kind::NetworkError,
                          tr("Could not connect to %1").arg(m_address.toString()));
        step = tr("could not connect");
        break;
    }
    failure.setSystemError(error);
    fail(failure, step);
}

void PoetryProtocol::abort()
{
    m_finished = true;
    closeSocket();
}

void PoetryProtocol::checkTimeouts(Clock::time_point now)
{
    if (m_finished)
        return;
    const bool connecting
            = m_state == RequestState::Resolving || m_state == RequestState::Connecting;
    // Compared in milliseconds: a limit of any size cannot overflow the clock's nanoseconds.
    const auto since = [now](Clock::time_point then) {
        return duration_cast<milliseconds>(now - then);
    };
    if (connecting && m_options.connectTimeout > 0ms
        && since(m_connectStart) >= m_options.connectTimeout) {
        Failure failure(Failure::Kind::Timeout,
                        tr("Connecting to %1 timed out after %2 s")
                                .arg(m_address.toString(), secondsText(m_options.connectTimeout)));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Connect);
        fail(failure, tr("connect timeout"));
    } else if (m_state == RequestState::Receiving && !m_suspended && m_options.idleTimeout > 0ms
               && since(m_lastActivity) >= m_options.idleTimeout) {
        // The event loop may have been busy with other sockets while this one's bytes (or its
        // close) already waited: that is not the server being idle.
        if (bytesWaiting()) {
            m_lastActivity = now;
            return;
        }
        Failure failure(
                Failure::Kind::Timeout,
                tr("The server sent nothing for %1 s").arg(secondsText(m_options.idleTimeout)));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Idle);
        fail(failure, tr("idle timeout after %n byte(s)", nullptr, int(m_bytes.size())));
    }
}

bool PoetryProtocol::bytesWaiting() const
{
    if (!m_socket)
        return false;
    if (m_socket->bytesAvailable() > 0)
        return true;
    char byte = 0;
    const ssize_t count
            = ::recv(int(m_socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    // A byte, or the end of the stream (0): either way the loop has something to read.
    return count >= 0;
}

void PoetryProtocol::suspend()
{
    if (m_finished || m_suspended)
        return;
    m_suspended = true;
    if (m_socket)
        m_socket->setReadBufferSize(pausedReadBuffer);
}

void PoetryProtocol::resume()
{
    if (m_finished || !m_suspended)
        return;
    m_suspended = false;
    // Paused time is not idle time.
    m_lastActivity = Clock::now();
    if (!m_socket)
        return;
    m_socket->setReadBufferSize(0);
    readAvailable();
    if (m_closedWhileSuspended && !m_finished)
        onRemoteClosed();
}

QByteArray PoetryProtocol::takeBytes()
{
    m_bytes.squeeze();
    return std::exchange(m_bytes, {});
}

void PoetryProtocol::setState(RequestState state, Event event, const QString &step,
                              const QString &peer)
{
    if (m_state == state)
        return;
    m_state = state;
    if (m_listener)
        m_listener->protocolStateChanged(state, event, step, peer);
}

void PoetryProtocol::connectorConnected(int descriptor, const QString &target)
{
    // Without the probe a reset would pass for the end of the poem: no probe, no connection.
    if (!m_closeProbe.attach(descriptor)) {
        const int error = errno;
        ::close(descriptor);
        connectorFailed(error);
        return;
    }
    m_socket = new QTcpSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    if (m_suspended)
        m_socket->setReadBufferSize(pausedReadBuffer);
    connect(m_socket, &QIODevice::readyRead, this, &PoetryProtocol::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &PoetryProtocol::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &PoetryProtocol::onRemoteClosed);
    if (!m_socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState,
                                       QIODevice::ReadOnly)) {
        ::close(descriptor);
        Failure failure(Failure::Kind::NetworkError,
                        tr("Could not use the connection to %1").arg(m_address.toString()));
        failure.setSystemError(0, m_socket->errorString());
        fail(failure, tr("network error"));
        return;
    }
    m_lastActivity = Clock::now();
    setState(RequestState::Receiving, Event::Connected, tr("connected to %1").arg(target), target);
}

void PoetryProtocol::onReadyRead()
{
    if (!m_suspended)
        readAvailable();
}

void PoetryProtocol::readAvailable()
{
    if (m_finished || !m_socket)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype oldSize = m_bytes.size();
    appendReceived(oldSize, m_socket->read(growBy(qsizetype(available)), available));
}

char *PoetryProtocol::growBy(qsizetype size)
{
    const qsizetype oldSize = m_bytes.size();
    const qsizetype wanted = oldSize + size;
    // Grow geometrically: one reallocation per doubling, not one per chunk.
    if (m_bytes.capacity() < wanted)
        m_bytes.reserve(std::max(wanted, 2 * m_bytes.capacity()));
    m_bytes.resize(wanted);
    prefault(m_bytes.data() + oldSize, size);
    return m_bytes.data() + oldSize;
}

void PoetryProtocol::appendReceived(qsizetype oldSize, qint64 count)
{
    m_bytes.resize(oldSize + qsizetype(std::max<qint64>(count, 0)));
    if (count <= 0)
        return;
    m_lastActivity = Clock::now();
    if (oldSize == 0)
        traceStep(Event::FirstByte, tr("first byte"));

    const qint64 cap = m_options.maxPoemSize;
    if (cap > 0 && m_bytes.size() > cap) {
        m_bytes.truncate(qsizetype(cap));
        if (oldSize < cap)
            if (m_listener)
                m_listener->protocolBytes(cap - oldSize);
        if (m_finished)
            return;
        fail(Failure(Failure::Kind::PoemTooLarge,
                     tr("The poem is larger than the limit of %1; the first %1 were kept")
                             .arg(QLocale().formattedDataSize(cap))),
             tr("size limit reached"));
        return;
    }
    if (m_listener)
        m_listener->protocolBytes(count);
}

void PoetryProtocol::readBeforeReset(int descriptor)
{
    // After a reset the kernel still hands out what arrived before it, then end of stream.
    constexpr qsizetype chunk = 64 * 1024;
    while (!m_finished) {
        const qsizetype oldSize = m_bytes.size();
        const ssize_t count = ::recv(descriptor, growBy(chunk), size_t(chunk), MSG_DONTWAIT);
        appendReceived(oldSize, count);
        if (count <= 0)
            break;
    }
}

void PoetryProtocol::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_finished)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onRemoteClosed();
        return;
    }
    // Data that came with the error is still part of the partial poem.
    readAvailable();
    if (m_finished)
        return;

    // Connecting is done by then: any error now loses the connection.
    Failure failure(Failure::Kind::ConnectionLost,
                    tr("Connection to the other side was lost in a non-clean fashion"));
    failure.setSystemError(0, m_socket->errorString());
    const QString step = tr("connection lost after %n byte(s)", nullptr, int(m_bytes.size()));
    fail(failure, step);
}

void PoetryProtocol::onRemoteClosed()
{
    if (m_finished || !m_socket)
        return;
    if (m_suspended) {
        // What Qt has buffered stays readable: the poem ends when the reader resumes.
        m_closedWhileSuspended = true;
        return;
    }
    // Bytes that arrived together with the close are part of the poem.
    readAvailable();
    if (m_finished)
        return;
    if (m_closeProbe.closeKind() == TcpCloseProbe::CloseKind::Reset) {
        Failure failure(Failure::Kind::ConnectionLost,
                        tr("Connection to the other side was lost in a non-clean fashion"));
        failure.setSystemError(ECONNRESET);
        fail(failure, tr("connection reset after %n byte(s)", nullptr, int(m_bytes.size())));
        return;
    }
    succeed();
}

void PoetryProtocol::succeed()
{
    m_finished = true;
    closeSocket();
    traceStep(Event::LastByte,
              tr("closed by the server after %n byte(s)", nullptr, int(m_bytes.size())));
    if (m_listener)
        m_listener->protocolFinished();
}

void PoetryProtocol::fail(Failure failure, const QString &step)
{
    m_finished = true;
    m_failure = std::move(failure);
    closeSocket();
    traceStep(Event::Note, step);
    if (m_listener)
        m_listener->protocolFinished();
}

void PoetryProtocol::closeSocket()
{
    // Not destroyed: we may be inside one of its calls.
    if (m_connector)
        m_connector->abort();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        // We may be inside one of the socket's own signals.
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_closeProbe.release();
}
