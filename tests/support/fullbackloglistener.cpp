#include "fullbackloglistener.h"

#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

FullBacklogListener::FullBacklogListener()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), length) != 0
        || ::listen(m_listener, 0) != 0
        || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        if (m_listener >= 0)
            ::close(m_listener);
        m_listener = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
    // With a backlog of 0 the queue holds one connection; fill it (and a spare) so that the
    // kernel drops every later SYN. The fillers connect without blocking and are never accepted.
    for (int i = 0; i < 2; ++i) {
        const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        ::connect(filler, reinterpret_cast<sockaddr *>(&address), sizeof address);
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
