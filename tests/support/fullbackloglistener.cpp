#include "fullbackloglistener.h"

#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

FullBacklogListener::FullBacklogListener(const QHostAddress &host, quint16 port) : m_host(host)
{
    const bool v6 = host.protocol() == QAbstractSocket::IPv6Protocol;
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR ip = host.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(host.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    auto *address = reinterpret_cast<sockaddr *>(&storage);
    m_listener = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    if (m_listener < 0
        || (v6 && ::setsockopt(m_listener, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) != 0)
        || ::bind(m_listener, address, length) != 0 || ::listen(m_listener, 0) != 0
        || ::getsockname(m_listener, address, &length) != 0) {
        if (m_listener >= 0)
            ::close(m_listener);
        m_listener = -1;
        return;
    }
    m_port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                      : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    // With a backlog of 0 the queue holds one connection; fill it (and a spare) so that the
    // kernel drops every later SYN. The fillers connect without blocking and are never accepted.
    for (int i = 0; i < 2; ++i) {
        const int filler
                = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        ::connect(filler, address, length);
        m_fillers.append(filler);
    }
    QThread::msleep(50); // let the handshakes that fit complete
}

FullBacklogListener::~FullBacklogListener()
{
    for (int filler : std::as_const(m_fillers))
        ::close(filler);
    if (m_listener >= 0)
        ::close(m_listener);
}
