#include "tcpcloseprobe.h"

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

bool TcpCloseProbe::attach(qintptr connectedDescriptor)
{
    release();
#ifdef Q_OS_LINUX
    m_descriptor = ::fcntl(int(connectedDescriptor), F_DUPFD_CLOEXEC, 0);
    return m_descriptor >= 0;
#else
    Q_UNUSED(connectedDescriptor);
    return true;
#endif
}

TcpCloseProbe::~TcpCloseProbe()
{
    release();
}

TcpCloseProbe::CloseKind TcpCloseProbe::closeKind() const
{
#ifdef Q_OS_LINUX
    if (m_descriptor < 0)
        return CloseKind::Unknown;
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(m_descriptor, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return CloseKind::Unknown;
    switch (info.tcpi_state) {
    case TCP_CLOSE_WAIT: // the peer sent FIN; we have not closed (the duplicate keeps it open)
        return CloseKind::Clean;
    case TCP_CLOSE: // a reset moved the connection straight to CLOSE
        return CloseKind::Reset;
    default:
        return CloseKind::Unknown;
    }
#else
    return CloseKind::Unknown;
#endif
}

void TcpCloseProbe::release()
{
#ifdef Q_OS_LINUX
    if (m_descriptor >= 0)
        ::close(m_descriptor);
#endif
    m_descriptor = -1;
}

bool TcpCloseProbe::isSupported()
{
#ifdef Q_OS_LINUX
    return true;
#else
    return false;
#endif
}
