#pragma once

#include <QObject>

// SIGINT and SIGTERM as a Qt signal, delivered from the event loop. The handler does only what
// is async-signal-safe: it writes the signal's number to one end of a socket pair (the
// self-pipe trick); a QSocketNotifier on the other end reads it and emits received(), where
// any work may be done. The handlers are installed with SA_RESETHAND: a second Ctrl-C while
// the program winds down is not caught, and ends it at once as usual.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    // Installs the handlers once per process (a later call returns the same object, a child
    // of the application, which must exist). Null if the socket pair could not be made.
    static TerminationSignals *install();

Q_SIGNALS:
    // SIGINT or SIGTERM arrived; its number, as 128 + signalNumber is the customary exit status.
    void received(int signalNumber);

private:
    explicit TerminationSignals(int readDescriptor, QObject *parent);
    void readSignals();

    int m_descriptor;
};
