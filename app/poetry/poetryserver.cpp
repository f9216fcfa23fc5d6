#include "poetryserver.h"

#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Keep at most this much queued in Qt's write buffer per client: a 256 MiB poem to many
// clients must not be copied whole into every socket.
constexpr qint64 writeWindow = 1024 * 1024;
constexpr qint64 writeSlice = 256 * 1024;
// What clients send is discarded; Qt reads at most this much of it at a time.
constexpr qint64 readBufferSize = 64 * 1024;
// Out of descriptors: the first pause in accepting, and the longest (each one doubles).
constexpr milliseconds firstAcceptPause = 100ms;
constexpr milliseconds longestAcceptPause = 1s;

// a + b, but never more than limit (which a does not exceed): no overflow near qint64's end.
qint64 addAtMost(qint64 a, qint64 b, qint64 limit)
{
    return b >= limit - a ? limit : a + b;
}

// The socket address for `address` and `port`; false (errno set) for an address that is not
// an IP address. An IPv6 scope may be an interface's name or number.
bool toSocketAddress(const QHostAddress &address, quint16 port, sockaddr_storage *storage,
                     socklen_t *length)
{
    *storage = {};
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol: {
        auto *in4 = reinterpret_cast<sockaddr_in *>(storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        *length = sizeof(sockaddr_in);
        return true;
    }
    case QAbstractSocket::IPv6Protocol:
    case QAbstractSocket::AnyIPProtocol: { // QHostAddress::Any: "::", IPv4 too (see below)
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        const QString scope = address.scopeId();
        bool numeric = false;
        in6->sin6_scope_id = scope.toUInt(&numeric);
        if (!scope.isEmpty() && !numeric)
            in6->sin6_scope_id = ::if_nametoindex(scope.toLocal8Bit().constData());
        *length = sizeof(sockaddr_in6);
        return true;
    }
    default:
        errno = EAFNOSUPPORT;
        return false;
    }
}

const std::pair<PoetryServer::Fault, QLatin1StringView> faultTable[] = {
        {PoetryServer::Fault::None, "none"_L1},
        {PoetryServer::Fault::Refuse, "refuse"_L1},
        {PoetryServer::Fault::CloseAtOnce, "close"_L1},
        {PoetryServer::Fault::Stall, "stall"_L1},
        {PoetryServer::Fault::ResetAfter, "reset"_L1},
        {PoetryServer::Fault::NeverClose, "never-close"_L1},
        {PoetryServer::Fault::RandomBytes, "random"_L1},
        {PoetryServer::Fault::Endless, "endless"_L1},
};

} // namespace

PoetryServer::PoetryServer(const Options &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    if (options.fault == Fault::RandomBytes) {
        const qint64 size = options.faultBytes > 0 ? options.faultBytes : options.poem.size();
        m_content.resize(qsizetype(std::min(size, maxFaultBytes)));
        QRandomGenerator::global()->generate(m_content.begin(), m_content.end());
    } else if (options.fault == Fault::ResetAfter) {
        m_content = options.poem.left(qsizetype(options.faultBytes));
    } else {
        m_content = options.poem;
    }
    m_acceptPause.setSingleShot(true);
    connect(&m_acceptPause, &QTimer::timeout, this, [this] {
        if (m_acceptNotifier)
            m_acceptNotifier->setEnabled(true); // the clients that waited are accepted now
    });
    m_slowTimer.setInterval(options.delay);
    connect(&m_slowTimer, &QTimer::timeout, this, &PoetryServer::sendSlowChunks);
}

PoetryServer::~PoetryServer()
{
    close();
}

bool PoetryServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    m_listenAddress = address;
    if (!bindAndListen(address, port)) {
        m_errorString = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return false;
    }
    return true;
}

bool PoetryServer::bindAndListen(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (!toSocketAddress(address, port, &storage, &length))
        return false;
    const int family = storage.ss_family;
    m_listener = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_listener < 0)
        return false;
    const int one = 1;
    if (family == AF_INET6) {
        const int v6only = address.protocol() == QAbstractSocket::AnyIPProtocol ? 0 : 1;
        ::setsockopt(m_listener, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
    }
    // Fault::Refuse binds without listening: the kernel answers every connection attempt with
    // a reset, which is exactly "connection refused", and no other program can take the port
    // meanwhile (hence no SO_REUSEADDR there). A listening server may take a port that still
    // has connections in TIME_WAIT, as QTcpServer's do.
    const bool listening = m_options.fault != Fault::Refuse;
    if (listening)
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&storage), length) != 0
        || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return false;
    m_port = ntohs(family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                                      : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    if (!listening)
        return true;
    // Many clients connect at once in tests and benchmarks; do not drop their SYNs.
    if (::listen(m_listener, 4096) != 0)
        return false;
    // The server accepts by itself, not through QTcpServer, to see why accept() fails: Qt 6.4's
    // QTcpServer tries again at once when descriptors run out, at 100 % CPU.
    m_acceptNotifier = new QSocketNotifier(qintptr(m_listener), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &PoetryServer::acceptConnections);
    return true;
}

void PoetryServer::close()
{
    delete m_acceptNotifier; // before its descriptor is closed
    m_acceptNotifier = nullptr;
    m_acceptPause.stop();
    m_acceptPauseLength = firstAcceptPause;
    if (m_listener >= 0)
        ::close(m_listener);
    m_listener = -1;
    m_slowTimer.stop();
    const auto connections = std::exchange(m_connections, {});
    for (const auto &[socket, connection] : connections) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_port = 0;
}

bool PoetryServer::isListening() const
{
    return m_listener >= 0;
}

Address PoetryServer::address() const
{
    return Address(m_listenAddress.toString(), m_port);
}

QStringList PoetryServer::faultNames()
{
    QStringList names;
    for (const auto &[fault, name] : faultTable)
        names.append(name);
    return names;
}

std::optional<PoetryServer::Fault> PoetryServer::faultFromName(QStringView name)
{
    for (const auto &[fault, faultName] : faultTable) {
        if (name == faultName)
            return fault;
    }
    return std::nullopt;
}

QString PoetryServer::faultName(Fault fault)
{
    for (const auto &[candidate, name] : faultTable) {
        if (candidate == fault)
            return name;
    }
    return {};
}

void PoetryServer::acceptConnections()
{
    // A few at a time, as QTcpServer did (its 30 pending connections): a thousand clients
    // accepted in one go would each have their first window queued before any byte left, and
    // the first of them would wait seconds for their first byte (the fault matrix's oversize
    // row at 1,000 connections: idle timeouts with nothing sent, 3 soak rounds in 20). The
    // listening socket stays readable, so the rest come on the next turn of the loop.
    constexpr int maxAcceptsPerWakeup = 32;
    for (int accepted = 0; m_acceptNotifier && accepted < maxAcceptsPerWakeup;) {
        // serving a client can close() this server
        const int descriptor
                = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (descriptor >= 0) {
            m_acceptPauseLength = firstAcceptPause;
            ++accepted;
            serve(descriptor);
            continue;
        }
        switch (errno) {
        case EAGAIN: // no one else is waiting
            return;
        case EINTR:
        case ECONNABORTED: // that client left before it was accepted: take the next one
        case EPROTO:
        case ENETDOWN:
        case ENETUNREACH:
        case EHOSTDOWN:
        case EHOSTUNREACH:
        case ENONET:
        case ENOPROTOOPT:
        case EOPNOTSUPP:
            continue;
        default:
            // EMFILE, ENFILE, ENOBUFS, ENOMEM: nothing to accept a connection with now. Trying
            // again at once would spin, as the waiting clients keep the socket readable.
            pauseAccepting();
            return;
        }
    }
}

void PoetryServer::pauseAccepting()
{
    m_acceptNotifier->setEnabled(false);
    m_acceptPause.start(m_acceptPauseLength);
    m_acceptPauseLength = std::min(m_acceptPauseLength * 2, longestAcceptPause);
}

void PoetryServer::serve(int descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(descriptor);
        delete socket;
        return;
    }
    // The protocol has no request: whatever a client sends is read and thrown away, at most
    // readBufferSize at a time, so that a client that sends cannot grow the server.
    socket->setReadBufferSize(readBufferSize);
    connect(socket, &QIODevice::readyRead, socket,
            [socket] { socket->skip(socket->bytesAvailable()); });
    ++m_acceptedConnections;
    m_connections.emplace(socket, Connection{});
    m_peakConnections = std::max(m_peakConnections, openConnections());
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] { forget(socket); });
    Q_EMIT connectionOpened();
    if (!m_connections.contains(socket))
        return;

    switch (m_options.fault) {
    case Fault::CloseAtOnce:
        finishSending(socket);
        break;
    case Fault::Stall:
        break;
    default:
        // Fast or slow, the poem goes out by the same window: at most writeWindow queued in Qt's
        // buffer; each slice written is taken from the one poem all clients share.
        connect(socket, &QIODevice::bytesWritten, this, [this, socket] { sendMore(socket); });
        if (m_options.delay > 0ms) {
            if (!m_slowTimer.isActive())
                m_slowTimer.start();
        } else {
            m_connections.at(socket).allowed = contentSize();
            sendMore(socket);
        }
        break;
    }
}

qint64 PoetryServer::contentSize() const
{
    return m_options.fault == Fault::Endless ? std::numeric_limits<qint64>::max()
                                             : m_content.size();
}

QByteArrayView PoetryServer::contentAt(qint64 offset, qint64 maxSize) const
{
    if (m_content.isEmpty())
        return {};
    const qint64 start = offset % m_content.size(); // Endless wraps around
    return QByteArrayView(m_content).sliced(qsizetype(start),
                                            qsizetype(std::min(maxSize, m_content.size() - start)));
}

void PoetryServer::sendMore(QTcpSocket *socket)
{
    // A write can fail at once and forget() the connection: look it up again every time.
    for (;;) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->second.finishedSending)
            return;
        Connection &connection = it->second;
        if (connection.sent >= contentSize()) {
            finishSending(socket);
            return;
        }
        if (connection.sent >= connection.allowed || socket->bytesToWrite() >= writeWindow)
            return;
        const QByteArrayView slice = contentAt(
                connection.sent, std::min(writeSlice, connection.allowed - connection.sent));
        if (slice.isEmpty())
            return;
        connection.sent += slice.size();
        m_sentBytes += slice.size();
        socket->write(slice.data(), slice.size());
    }
}

void PoetryServer::sendSlowChunks()
{
    const qint64 chunk = m_options.bytesPerChunk > 0 ? m_options.bytesPerChunk : contentSize();
    // Writing may forget() connections, so walk a snapshot.
    std::vector<QTcpSocket *> sockets;
    sockets.reserve(m_connections.size());
    for (const auto &[socket, connection] : m_connections) {
        if (!connection.finishedSending)
            sockets.push_back(socket);
    }
    for (QTcpSocket *socket : sockets) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            continue;
        // Each tick allows one more chunk; a client that does not read gets no more queued
        // than the window, and what it has not taken waits in the poem, not in a copy.
        it->second.allowed = addAtMost(it->second.allowed, chunk, contentSize());
        sendMore(socket);
        if (m_connections.contains(socket))
            socket->flush();
    }
}

void PoetryServer::finishSending(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->second.finishedSending)
        return;
    it->second.finishedSending = true;
    switch (m_options.fault) {
    case Fault::NeverClose:
        break;
    case Fault::ResetAfter:
        resetWhenSent(socket);
        break;
    default:
        // Qt writes what is still buffered, then closes: FIN follows the last byte.
        socket->disconnectFromHost();
        break;
    }
}

void PoetryServer::resetWhenSent(QTcpSocket *socket)
{
    if (!m_connections.contains(socket))
        return;
    // A reset discards whatever the kernel has not sent yet, so wait until the client has
    // acknowledged every byte: then exactly faultBytes bytes arrive before the reset.
    int unsent = 0;
    const int descriptor = int(socket->socketDescriptor());
    if (socket->bytesToWrite() > 0 || (::ioctl(descriptor, TIOCOUTQ, &unsent) == 0 && unsent > 0)) {
        socket->flush();
        QTimer::singleShot(1ms, this, [this, socket] { resetWhenSent(socket); });
        return;
    }
    const linger abortive{1, 0};
    ::setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    forget(socket);
}

void PoetryServer::forget(QTcpSocket *socket)
{
    if (m_connections.erase(socket) == 0)
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    if (m_connections.empty())
        m_slowTimer.stop();
    Q_EMIT connectionClosed();
}
