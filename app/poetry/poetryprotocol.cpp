#include "poetryprotocol.h"

#include <QHostAddress>
#include <QLocale>
#include <QNetworkProxy>
#include <QTcpSocket>

#include <cerrno>

using namespace std::chrono;

namespace {

QString secondsText(milliseconds span)
{
    return QString::number(duration<double>(span).count(), 'f', 1);
}

} // namespace

PoetryProtocol::PoetryProtocol(const Address &address, const FetchOptions &options,
                               QObject *parent)
    : QObject(parent), m_address(address), m_options(options)
{
}

PoetryProtocol::~PoetryProtocol()
{
    closeSocket();
}

void PoetryProtocol::start()
{
    Q_ASSERT(!m_socket && !m_finished);
    m_socket = new QTcpSocket(this);
    // A poetry server is plain TCP; never route it through an application-wide proxy.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QAbstractSocket::stateChanged, this, &PoetryProtocol::onSocketStateChanged);
    connect(m_socket, &QAbstractSocket::connected, this, &PoetryProtocol::onConnected);
    connect(m_socket, &QIODevice::readyRead, this, &PoetryProtocol::readAvailable);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &PoetryProtocol::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &PoetryProtocol::onRemoteClosed);
    m_connectStart = Clock::now();
    m_socket->connectToHost(m_address.host(), m_address.port(), QIODevice::ReadOnly);
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
    const bool connecting = m_state == RequestState::Resolving
            || m_state == RequestState::Connecting;
    if (connecting && m_options.connectTimeout > 0ms
        && now - m_connectStart >= m_options.connectTimeout) {
        Failure failure(Failure::Kind::Timeout,
                        tr("Connecting to %1 timed out after %2 s")
                                .arg(m_address.toString(), secondsText(m_options.connectTimeout)));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Connect);
        fail(failure, tr("connect timeout"));
    } else if (m_state == RequestState::Receiving && m_options.idleTimeout > 0ms
               && now - m_lastActivity >= m_options.idleTimeout) {
        Failure failure(Failure::Kind::Timeout,
                        tr("The server sent nothing for %1 s")
                                .arg(secondsText(m_options.idleTimeout)));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Idle);
        fail(failure, tr("idle timeout after %n byte(s)", nullptr, int(m_bytes.size())));
    }
}

QByteArray PoetryProtocol::takeBytes()
{
    m_bytes.squeeze();
    return std::exchange(m_bytes, {});
}

void PoetryProtocol::setState(RequestState state, const QString &step)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, step);
}

void PoetryProtocol::onSocketStateChanged(QAbstractSocket::SocketState socketState)
{
    if (m_finished)
        return;
    // Qt passes IP literals through the lookup state too; only names are resolved.
    if (socketState == QAbstractSocket::HostLookupState
        && QHostAddress(m_address.host()).isNull())
        setState(RequestState::Resolving, tr("resolving %1").arg(m_address.host()));
    else if (socketState == QAbstractSocket::ConnectingState)
        setState(RequestState::Connecting, tr("connecting to %1").arg(m_address.toString()));
}

void PoetryProtocol::onConnected()
{
    if (m_finished)
        return;
    m_closeProbe.attach(m_socket->socketDescriptor());
    m_lastActivity = Clock::now();
    const QString peer = Address(m_socket->peerAddress().toString(), m_socket->peerPort())
                                 .toString();
    setState(RequestState::Receiving, tr("connected to %1").arg(peer));
}

void PoetryProtocol::readAvailable()
{
    if (m_finished || !m_socket)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype oldSize = m_bytes.size();
    const qsizetype wanted = oldSize + qsizetype(available);
    // Grow geometrically: one reallocation per doubling, not one per chunk.
    if (m_bytes.capacity() < wanted)
        m_bytes.reserve(std::max(wanted, 2 * m_bytes.capacity()));
    m_bytes.resize(wanted);
    const qint64 count = m_socket->read(m_bytes.data() + oldSize, available);
    m_bytes.resize(oldSize + qsizetype(std::max<qint64>(count, 0)));
    if (count <= 0)
        return;
    m_lastActivity = Clock::now();
    if (oldSize == 0)
        Q_EMIT stepReached(tr("first byte"));

    const qint64 cap = m_options.maxPoemSize;
    if (cap > 0 && m_bytes.size() > cap) {
        m_bytes.truncate(qsizetype(cap));
        if (oldSize < cap)
            Q_EMIT bytesReceived(cap - oldSize);
        if (m_finished)
            return;
        fail(Failure(Failure::Kind::PoemTooLarge,
                     tr("The poem is larger than the limit of %1; the first %1 were kept")
                             .arg(QLocale().formattedDataSize(cap))),
             tr("size limit reached"));
        return;
    }
    Q_EMIT bytesReceived(count);
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

    const bool connected = m_state == RequestState::Receiving;
    Failure failure;
    QString step;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        failure = Failure(Failure::Kind::ConnectionRefused,
                          tr("Connection was refused by other side"));
        failure.setSystemError(ECONNREFUSED);
        step = tr("connection refused");
        break;
    case QAbstractSocket::HostNotFoundError:
        failure = Failure(Failure::Kind::DNSLookup,
                          tr("DNS lookup failed: address “%1” not found").arg(m_address.host()));
        failure.setSystemError(0, m_socket->errorString());
        step = tr("host not found");
        break;
    case QAbstractSocket::SocketTimeoutError:
        failure = Failure(Failure::Kind::Timeout,
                          tr("Connecting to %1 timed out").arg(m_address.toString()));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Connect);
        failure.setSystemError(ETIMEDOUT);
        step = tr("connect timeout");
        break;
    default:
        if (connected) {
            failure = Failure(Failure::Kind::ConnectionLost,
                              tr("Connection to the other side was lost in a non-clean fashion"));
            step = tr("connection lost after %n byte(s)", nullptr, int(m_bytes.size()));
        } else {
            failure = Failure(Failure::Kind::NetworkError, tr("Could not connect to %1")
                                                                   .arg(m_address.toString()));
            step = tr("network error");
        }
        failure.setSystemError(0, m_socket->errorString());
        break;
    }
    fail(failure, step);
}

void PoetryProtocol::onRemoteClosed()
{
    if (m_finished || !m_socket)
        return;
    // Bytes that arrived together with the close are part of the poem.
    readAvailable();
    if (m_finished)
        return;
    if (m_state != RequestState::Receiving) {
        Failure failure(Failure::Kind::ConnectionLost,
                        tr("The connection to %1 closed while connecting")
                                .arg(m_address.toString()));
        fail(failure, tr("connection closed while connecting"));
        return;
    }
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
    Q_EMIT stepReached(tr("closed by the server after %n byte(s)", nullptr, int(m_bytes.size())));
    Q_EMIT finished();
}

void PoetryProtocol::fail(Failure failure, const QString &step)
{
    m_finished = true;
    m_failure = std::move(failure);
    closeSocket();
    Q_EMIT stepReached(step);
    Q_EMIT finished();
}

void PoetryProtocol::closeSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        // We may be inside one of the socket's own signals.
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_closeProbe.release();
}
