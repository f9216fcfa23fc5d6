#pragma once

#include <QtGlobal>

// Tells a peer's clean close (FIN) from a reset (RST) after QTcpSocket has seen either.
//
// Qt 6.4 reports both as RemoteHostClosedError with the same bytes, and closes its descriptor
// while doing so, so the kernel's view is gone by the time Qt tells us. The probe keeps a
// duplicate of the connected descriptor: the socket stays alive until the probe is destroyed,
// and on Linux TCP_INFO then reads CLOSE_WAIT after a FIN but CLOSE after a reset.
// Elsewhere the kind is Unknown and the close is taken as clean (documented in the README).
class TcpCloseProbe
{
public:
    enum class CloseKind { Clean, Reset, Unknown };

    TcpCloseProbe() = default;
    ~TcpCloseProbe();
    TcpCloseProbe(const TcpCloseProbe &) = delete;
    TcpCloseProbe &operator=(const TcpCloseProbe &) = delete;

    // Call once the socket is connected; releases any earlier descriptor. False (errno set)
    // if the duplicate could not be made, e.g. when the process is out of descriptors.
    bool attach(qintptr connectedDescriptor);
    // Call after the socket reported the remote close.
    CloseKind closeKind() const;
    // Releases the duplicate; the connection is fully closed once QTcpSocket has closed too.
    void release();

    static bool isSupported();

private:
    int m_descriptor = -1;
};
