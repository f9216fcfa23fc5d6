#include "connector.h"

#include "hostresolver.h"

#include <QSocketNotifier>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using Event = RequestTrace::Event;

namespace {

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

socklen_t socketAddress(const QHostAddress &address, quint16 port, sockaddr_storage *storage)
{
    *storage = {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        in6->sin6_scope_id = Connector::scopeIndex(address.scopeId());
        return sizeof(sockaddr_in6);
    }
    auto *in4 = reinterpret_cast<sockaddr_in *>(storage);
    in4->sin_family = AF_INET;
    in4->sin_port = htons(port);
    in4->sin_addr.s_addr = htonl(address.toIPv4Address());
    return sizeof(sockaddr_in);
}

} // namespace

uint32_t Connector::scopeIndex(const QString &scope)
{
    bool numeric = false;
    const uint index = scope.toUInt(&numeric);
    if (numeric)
        return index;
    return scope.isEmpty() ? 0 : ::if_nametoindex(scope.toLocal8Bit().constData());
}

Connector::Connector(const Address &address, QObject *context, Listener *listener)
    : m_address(address), m_context(context), m_listener(listener)
{ }

Connector::~Connector()
{
    abort();
}

void Connector::start()
{
    const QHostAddress literal(m_address.host());
    if (!literal.isNull()) {
        m_addresses = {literal};
        startNextAttempt();
        return;
    }
    m_listener->connectorStep(Event::Resolving, tr("resolving %1").arg(m_address.host()), {});
    m_lookupId = HostResolver::instance().lookup(
            m_address.host(), m_context, [this](const HostResolver::Result &result) {
                onResolved(result.addresses, result.errorText, result.outOfDescriptors);
            });
}

void Connector::abort()
{
    m_done = true;
    if (m_lookupId >= 0)
        HostResolver::instance().abort(std::exchange(m_lookupId, -1));
    dropAttempts();
}

void Connector::onResolved(const QList<QHostAddress> &addresses, const QString &errorText,
                           bool outOfDescriptors)
{
    m_lookupId = -1;
    if (m_done)
        return;
    if (outOfDescriptors) {
        // Not the name's fault: the owner queues the request again, as for a connection.
        m_done = true;
        m_listener->connectorFailed(EMFILE);
        return;
    }
    if (addresses.isEmpty()) {
        m_done = true;
        m_listener->connectorLookupFailed(errorText);
        return;
    }
    m_addresses = interleaveFamilies(addresses);
    QStringList names;
    for (const QHostAddress &address : std::as_const(m_addresses))
        names.append(address.toString());
    m_listener->connectorStep(Event::Resolved, tr("resolved to %1").arg(names.join(u", ")), {});
    startNextAttempt();
}

void Connector::startNextAttempt()
{
    if (m_done)
        return;
    if (m_addresses.isEmpty()) {
        if (m_attempts.empty()) {
            m_done = true;
            m_listener->connectorFailed(m_lastError);
        }
        return;
    }
    const QHostAddress address = m_addresses.takeFirst();
    const QString peer = Address(address.toString(), m_address.port()).toString();
    m_listener->connectorStep(Event::AttemptStarted, tr("connecting to %1").arg(peer), peer);

    sockaddr_storage storage;
    const socklen_t length = socketAddress(address, m_address.port(), &storage);
    const int descriptor
            = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (descriptor < 0) {
        // Out of descriptors or memory: no other address would do better.
        const int error = errno;
        abort();
        m_listener->connectorFailed(error);
        return;
    }
    if (::connect(descriptor, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
        abort();
        m_listener->connectorConnected(descriptor, peer);
        return;
    }
    if (errno != EINPROGRESS) {
        const int error = errno;
        ::close(descriptor);
        attemptFailed(peer, error);
        return;
    }
    auto *notifier = new QSocketNotifier(descriptor, QSocketNotifier::Write, m_context);
    QObject::connect(notifier, &QSocketNotifier::activated, m_context,
                     [this, descriptor] { checkAttempt(descriptor); });
    m_attempts.push_back({descriptor, notifier, peer});
    if (!m_addresses.isEmpty()) {
        if (!m_attemptTimer) {
            m_attemptTimer = std::make_unique<QTimer>();
            m_attemptTimer->setSingleShot(true);
            m_attemptTimer->setInterval(attemptDelay);
            // A coarse timer may fire 5 % early; the delay is the RFC's.
            m_attemptTimer->setTimerType(Qt::PreciseTimer);
            QObject::connect(m_attemptTimer.get(), &QTimer::timeout, m_context,
                             [this] { startNextAttempt(); });
        }
        m_attemptTimer->start();
    }
}

void Connector::checkAttempt(int descriptor)
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
    if (error == 0 || error == ECONNRESET || error == EPIPE) {
        abort();
        if (error == 0)
            m_listener->connectorConnected(descriptor, attempt.peer);
        else
            m_listener->connectorReset(descriptor, attempt.peer, error);
        return;
    }
    ::close(descriptor);
    attemptFailed(attempt.peer, error);
}

void Connector::attemptFailed(const QString &peer, int error)
{
    m_lastError = error;
    if (!m_addresses.isEmpty() || !m_attempts.empty()) {
        m_listener->connectorStep(Event::AttemptFailed,
                                  tr("attempt to %1 failed: %2")
                                          .arg(peer, QString::fromLocal8Bit(std::strerror(error))),
                                  peer);
    }
    // A failed attempt starts the next one at once (RFC 8305 section 5).
    if (!m_addresses.isEmpty()) {
        if (m_attemptTimer)
            m_attemptTimer->stop();
        startNextAttempt();
    } else if (m_attempts.empty()) {
        m_done = true;
        m_listener->connectorFailed(error);
    }
}

void Connector::dropAttempts()
{
    if (m_attemptTimer)
        m_attemptTimer->stop();
    for (const Attempt &attempt : m_attempts) {
        attempt.notifier->setEnabled(false);
        attempt.notifier->deleteLater();
        ::close(attempt.descriptor);
    }
    m_attempts.clear();
}
