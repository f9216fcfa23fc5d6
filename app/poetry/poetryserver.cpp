#include "poetryserver.h"

#include <QRandomGenerator>
#include <QTcpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Keep at most this much queued in Qt's write buffer per client: a 256 MiB poem to many
// clients must not be copied whole into every socket.
constexpr qint64 writeWindow = 1024 * 1024;
constexpr qint64 writeSlice = 256 * 1024;

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
        m_content.resize(qsizetype(size));
        QRandomGenerator::global()->generate(m_content.begin(), m_content.end());
    } else if (options.fault == Fault::ResetAfter) {
        m_content = options.poem.left(qsizetype(options.faultBytes));
    } else {
        m_content = options.poem;
    }
    connect(&m_server, &QTcpServer::newConnection, this, &PoetryServer::acceptConnections);
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
    if (m_options.fault != Fault::Refuse) {
        // Many clients connect at once in tests and benchmarks; do not drop their SYNs.
        m_server.setListenBacklogSize(4096);
        if (!m_server.listen(address, port)) {
            m_errorString = m_server.errorString();
            return false;
        }
        m_port = m_server.serverPort();
        return true;
    }

    // Bind without listening: the kernel answers every connection attempt with a reset, which
    // is exactly "connection refused", and no other program can take the port meanwhile.
    sockaddr_storage storage{};
    socklen_t length = 0;
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    m_reservedDescriptor = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_reservedDescriptor < 0
        || ::bind(m_reservedDescriptor, reinterpret_cast<sockaddr *>(&storage), length) != 0
        || ::getsockname(m_reservedDescriptor, reinterpret_cast<sockaddr *>(&storage), &length)
                != 0) {
        m_errorString = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return false;
    }
    m_port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                      : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    return true;
}

void PoetryServer::close()
{
    m_server.close();
    if (m_reservedDescriptor >= 0)
        ::close(m_reservedDescriptor);
    m_reservedDescriptor = -1;
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
    return m_server.isListening() || m_reservedDescriptor >= 0;
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
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_acceptedConnections;
        m_connections.emplace(socket, Connection{});
        m_peakConnections = std::max(m_peakConnections, openConnections());
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] { forget(socket); });
        Q_EMIT connectionOpened();

        switch (m_options.fault) {
        case Fault::CloseAtOnce:
            finishSending(socket);
            break;
        case Fault::Stall:
            break;
        default:
            if (m_options.delay > 0ms) {
                if (!m_slowTimer.isActive())
                    m_slowTimer.start();
            } else {
                connect(socket, &QIODevice::bytesWritten, this,
                        [this, socket] { sendMore(socket); });
                sendMore(socket);
            }
            break;
        }
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
        const QByteArrayView slice = contentAt(connection.sent, writeSlice);
        if (slice.isEmpty() || socket->bytesToWrite() >= writeWindow)
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
        const QByteArrayView slice = contentAt(it->second.sent, chunk);
        it->second.sent += slice.size();
        m_sentBytes += slice.size();
        const bool done = it->second.sent >= contentSize();
        if (!slice.isEmpty()) {
            socket->write(slice.data(), slice.size());
            socket->flush();
        }
        if (done)
            finishSending(socket);
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
