#include "terminationsignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalSockets[2] = {-1, -1};
TerminationSignals *instance = nullptr;

void onSignal(int signalNumber)
{
    // Only async-signal-safe calls: one non-blocking write; errno as it was.
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

TerminationSignals::TerminationSignals(int readDescriptor, QObject *parent)
    : QObject(parent), m_descriptor(readDescriptor)
{
    auto *notifier = new QSocketNotifier(readDescriptor, QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, &TerminationSignals::readSignals);
}

TerminationSignals *TerminationSignals::install()
{
    if (instance)
        return instance;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, signalSockets) != 0)
        return nullptr;
    instance = new TerminationSignals(signalSockets[1], QCoreApplication::instance());
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    for (int signalNumber : {SIGINT, SIGTERM})
        ::sigaction(signalNumber, &action, nullptr);
    return instance;
}

void TerminationSignals::readSignals()
{
    unsigned char bytes[16];
    ssize_t count;
    while ((count = ::read(m_descriptor, bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < count; ++i)
            Q_EMIT received(bytes[i]);
    }
}
