#include "poetryprotocol.h"

#include "hostresolver.h"

#include <QLocale>
#include <QNetworkProxy>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
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

// RFC 8305 section 4: alternate the address families, starting with the resolver's first.
QList<QHostAddress> interleaveFamilies(const QList<QHostAddress> &addresses)
{
    if (addresses.isEmpty())
        return {};
    const auto firstFamily = addresses.first().protocol();
    QList<QHostAddress> preferred;
    QList<QHostAddress> other;
    for (const QHostAddress &address : addresses)
        (address.protocol() == firstFamily ? preferred : other).append(address);
    QList<QHostAddress> ordered;
    ordered.reserve(addresses.size());
    for (qsizetype i = 0; i < std::max(preferred.size(), other.size()); ++i) {
        if (i < preferred.size())
            ordered.append(preferred.at(i));
        if (i < other.size())
            ordered.append(other.at(i));
    }
    return ordered;
}

// The scope of a link-local address: a number, or an interface name such as "lo" or "eth0".
uint32_t scopeIndex(const QString &scope)
{
    bool numeric = false;
    const uint index = scope.toUInt(&numeric);
    if (numeric)
        return index;
    return scope.isEmpty() ? 0 : ::if_nametoindex(scope.toLocal8Bit().constData());
}

} // namespace

PoetryProtocol::PoetryProtocol(const Address &address, const FetchOptions &options, QObject *parent)
    : QObject(parent), m_address(address), m_options(options)
{
    m_attemptTimer.setSingleShot(true);
    m_attemptTimer.setInterval(attemptDelay);
    // A coarse timer may fire 5 % early; the delay is the RFC's.
    m_attemptTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_attemptTimer, &QTimer::timeout, this, &PoetryProtocol::startNextAttempt);
}

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
        startNextAttempt();
        return;
    }
    setState(RequestState::Resolving, Event::Resolving, tr("resolving %1").arg(m_address.host()));
    m_lookupId = HostResolver::instance().lookup(
            m_address.host(), this, [this](const HostResolver::Result &result) {
                onHostResolved(result.addresses, result.errorText, result.outOfDescriptors);
            });
}

void PoetryProtocol::onHostResolved(const QList<QHostAddress> &addresses, const QString &errorText,
                                    bool outOfDescriptors)
{
    m_lookupId = -1;
    if (m_finished)
        return;
    if (outOfDescriptors) {
        // Not the name's fault: the owner queues the request again, as for a connection.
        connectFailed(EMFILE);
        return;
    }
    if (addresses.isEmpty()) {
        Failure failure(Failure::Kind::DNSLookup,
                        tr("DNS lookup failed: address “%1” not found").arg(m_address.host()));
        failure.setSystemError(0, errorText);
        fail(failure, tr("host not found"));
        return;
    }
    m_addresses = interleaveFamilies(addresses);
    QStringList names;
    for (const QHostAddress &address : std::as_const(m_addresses))
        names.append(address.toString());
    Q_EMIT stepReached(Event::Resolved, tr("resolved to %1").arg(names.join(u", ")));
    startNextAttempt();
}

void PoetryProtocol::startNextAttempt()
{
    if (m_finished || m_socket)
        return;
    if (m_addresses.isEmpty()) {
        if (m_attempts.empty())
            connectFailed(m_lastConnectError);
        return;
    }
    const QHostAddress address = m_addresses.takeFirst();
    const QString target = Address(address.toString(), m_address.port()).toString();
    const QString step = tr("connecting to %1").arg(target);
    if (m_state == RequestState::Connecting)
        Q_EMIT stepReached(Event::AttemptStarted, step, target);
    else
        setState(RequestState::Connecting, Event::AttemptStarted, step, target);

    sockaddr_storage storage{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(m_address.port());
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        in6->sin6_scope_id = scopeIndex(address.scopeId());
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
        const int error = errno;
        m_addresses.clear();
        dropAttempts();
        connectFailed(error);
        return;
    }
    if (::connect(descriptor, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
        onConnected(descriptor, target);
        return;
    }
    if (errno != EINPROGRESS) {
        const int error = errno;
        ::close(descriptor);
        attemptFailed(target, error);
        return;
    }
    auto *notifier = new QSocketNotifier(descriptor, QSocketNotifier::Write, this);
    connect(notifier, &QSocketNotifier::activated, this,
            [this, descriptor] { checkAttempt(descriptor); });
    m_attempts.push_back({descriptor, notifier, target});
    if (!m_addresses.isEmpty())
        m_attemptTimer.start();
}

void PoetryProtocol::checkAttempt(int descriptor)
{
    const auto it
            = std::find_if(m_attempts.begin(), m_attempts.end(),
                           [descriptor](const Attempt &a) { return a.descriptor == descriptor; });
    if (it == m_attempts.end())
        return;
    const Attempt attempt = *it;
    m_attempts.erase(it);
    // We may be inside the notifier's own signal.
    attempt.notifier->setEnabled(false);
    attempt.notifier->deleteLater();

    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error == 0) {
        onConnected(descriptor, attempt.target);
        return;
    }
    if (error == ECONNRESET || error == EPIPE) {
        // The server accepted, maybe sent something, and reset the connection before we saw
        // it up: it was up, and what it sent is the partial poem.
        dropAttempts();
        setState(RequestState::Receiving, Event::Connected,
                 tr("connected to %1").arg(attempt.target), attempt.target);
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
    attemptFailed(attempt.target, error);
}

void PoetryProtocol::attemptFailed(const QString &target, int error)
{
    m_lastConnectError = error;
    if (!m_addresses.isEmpty() || !m_attempts.empty()) {
        Q_EMIT stepReached(Event::AttemptFailed,
                           tr("attempt to %1 failed: %2")
                                   .arg(target, QString::fromLocal8Bit(std::strerror(error))),
                           target);
    }
    // A failed attempt starts the next one at once (RFC 8305 section 5).
    if (!m_addresses.isEmpty()) {
        m_attemptTimer.stop();
        startNextAttempt();
    } else if (m_attempts.empty()) {
        connectFailed(error);
    }
}

void PoetryProtocol::dropAttempts()
{
    m_attemptTimer.stop();
    for (const Attempt &attempt : m_attempts) {
        attempt.notifier->setEnabled(false);
        attempt.notifier->deleteLater();
        ::close(attempt.descriptor);
    }
    m_attempts.clear();
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
    Q_EMIT stateChanged(state, event, step, peer);
}

void PoetryProtocol::onConnected(int descriptor, const QString &target)
{
    dropAttempts();
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
        Q_EMIT stepReached(Event::FirstByte, tr("first byte"));

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
    Q_EMIT stepReached(Event::LastByte,
                       tr("closed by the server after %n byte(s)", nullptr, int(m_bytes.size())));
    Q_EMIT finished();
}

void PoetryProtocol::fail(Failure failure, const QString &step)
{
    m_finished = true;
    m_failure = std::move(failure);
    closeSocket();
    Q_EMIT stepReached(Event::Note, step);
    Q_EMIT finished();
}

void PoetryProtocol::closeSocket()
{
    if (m_lookupId >= 0)
        HostResolver::instance().abort(std::exchange(m_lookupId, -1));
    dropAttempts();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        // We may be inside one of the socket's own signals.
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_closeProbe.release();
}
