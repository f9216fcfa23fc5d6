#include "poetryprotocol.h"

#include <QHostInfo>
#include <QLocale>
#include <QNetworkProxy>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace std::chrono;

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

PoetryProtocol::PoetryProtocol(const Address &address, const FetchOptions &options, QObject *parent)
    : QObject(parent), m_address(address), m_options(options)
{ }

PoetryProtocol::~PoetryProtocol()
{
    closeSocket();
}

void PoetryProtocol::start()
{
    Q_ASSERT(!m_socket && !m_finished);
    m_connectStart = Clock::now();
    const QHostAddress literal(m_address.host());
    if (!literal.isNull()) {
        m_addresses = {literal};
        connectToNextAddress();
        return;
    }
    setState(RequestState::Resolving, tr("resolving %1").arg(m_address.host()));
    m_lookupId = QHostInfo::lookupHost(m_address.host(), this, &PoetryProtocol::onHostResolved);
}

void PoetryProtocol::onHostResolved(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_finished)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        Failure failure(Failure::Kind::DNSLookup,
                        tr("DNS lookup failed: address “%1” not found").arg(m_address.host()));
        failure.setSystemError(0, info.errorString());
        fail(failure, tr("host not found"));
        return;
    }
    m_addresses = info.addresses();
    QStringList names;
    for (const QHostAddress &address : std::as_const(m_addresses))
        names.append(address.toString());
    Q_EMIT stepReached(tr("resolved to %1").arg(names.join(u", ")));
    connectToNextAddress();
}

void PoetryProtocol::connectToNextAddress()
{
    if (m_addresses.isEmpty()) {
        connectFailed(m_lastConnectError);
        return;
    }
    const QHostAddress address = m_addresses.takeFirst();
    const QString target = Address(address.toString(), m_address.port()).toString();
    m_connectingTo = target;
    if (m_state == RequestState::Connecting)
        Q_EMIT stepReached(tr("connecting to %1").arg(target));
    else
        setState(RequestState::Connecting, tr("connecting to %1").arg(target));

    sockaddr_storage storage{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(m_address.port());
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        in6->sin6_scope_id = uint32_t(address.scopeId().toUInt());
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(m_address.port());
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int descriptor
            = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (descriptor < 0) {
        // Out of descriptors or memory: no other address would do better.
        m_addresses.clear();
        connectFailed(errno);
        return;
    }
    m_connectingDescriptor = descriptor;
    if (::connect(descriptor, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
        m_connectingDescriptor = -1;
        onConnected(descriptor);
        return;
    }
    if (errno != EINPROGRESS) {
        const int error = errno;
        ::close(std::exchange(m_connectingDescriptor, -1));
        m_lastConnectError = error;
        connectToNextAddress();
        return;
    }
    m_connectNotifier = new QSocketNotifier(descriptor, QSocketNotifier::Write, this);
    connect(m_connectNotifier, &QSocketNotifier::activated, this,
            &PoetryProtocol::checkConnectResult);
}

void PoetryProtocol::checkConnectResult()
{
    delete std::exchange(m_connectNotifier, nullptr);
    const int descriptor = std::exchange(m_connectingDescriptor, -1);
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error == 0) {
        onConnected(descriptor);
        return;
    }
    if (error == ECONNRESET || error == EPIPE) {
        // The server accepted, maybe sent something, and reset the connection before we saw
        // it up: it was up, and what it sent is the partial poem.
        setState(RequestState::Receiving, tr("connected to %1").arg(m_connectingTo));
        readBeforeReset(descriptor);
        ::close(descriptor);
        if (m_finished)
            return;
        Failure failure(Failure::Kind::ConnectionLost,
                        tr("Connection to the other side was lost in a non-clean fashion"));
        failure.setSystemError(error);
        fail(failure, tr("connection reset after %n byte(s)", nullptr, int(m_bytes.size())));
        return;
    }
    ::close(descriptor);
    m_lastConnectError = error;
    connectToNextAddress();
}

void PoetryProtocol::connectFailed(int error)
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
    if (connecting && m_options.connectTimeout > 0ms
        && now - m_connectStart >= m_options.connectTimeout) {
        Failure failure(Failure::Kind::Timeout,
                        tr("Connecting to %1 timed out after %2 s")
                                .arg(m_address.toString(), secondsText(m_options.connectTimeout)));
        failure.setTimeoutPhase(Failure::TimeoutPhase::Connect);
        fail(failure, tr("connect timeout"));
    } else if (m_state == RequestState::Receiving && m_options.idleTimeout > 0ms
               && now - m_lastActivity >= m_options.idleTimeout) {
        Failure failure(
                Failure::Kind::Timeout,
                tr("The server sent nothing for %1 s").arg(secondsText(m_options.idleTimeout)));
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

void PoetryProtocol::onConnected(int descriptor)
{
    // Without the probe a reset would pass for the end of the poem: no probe, no connection.
    if (!m_closeProbe.attach(descriptor)) {
        const int error = errno;
        ::close(descriptor);
        m_addresses.clear();
        connectFailed(error);
        return;
    }
    m_socket = new QTcpSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QIODevice::readyRead, this, &PoetryProtocol::readAvailable);
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
    const QString peer
            = Address(m_socket->peerAddress().toString(), m_socket->peerPort()).toString();
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
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(std::exchange(m_lookupId, -1));
    delete std::exchange(m_connectNotifier, nullptr);
    if (m_connectingDescriptor >= 0)
        ::close(std::exchange(m_connectingDescriptor, -1));
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        // We may be inside one of the socket's own signals.
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_closeProbe.release();
}
