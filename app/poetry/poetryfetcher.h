#pragma once

#include "address.h"
#include "failure.h"
#include "fetchoptions.h"
#include "poem.h"
#include "requeststate.h"
#include "requesttrace.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <limits>
#include <optional>
#include <source_location>
#include <unordered_map>
#include <vector>

class PoetryProtocol;

// Fetches poems, many at once, on Qt's event loop: the job in KDE's sense.
//
// fetch() returns a request id at once. For every request exactly one of poemReceived() or
// poemFailed() follows, always from the event loop and never from inside fetch(), with
// stateChanged() and progress() in between. Requests beyond maxConcurrentConnections() wait
// in the order they were made.
class PoetryFetcher : public QObject
{
    Q_OBJECT

public:
    explicit PoetryFetcher(QObject *parent = nullptr);
    // Requests still open are dropped without any signal.
    ~PoetryFetcher() override;

    // `address` as users type it (see Address::parse); a bad one fails with InvalidAddress.
    RequestId fetch(const QString &address, const FetchOptions &options = {},
                    std::source_location origin = std::source_location::current());
    RequestId fetch(const Address &address, const FetchOptions &options = {},
                    std::source_location origin = std::source_location::current());

    // Ends a queued or active request with CancelledError (delivered from the event loop) and
    // closes its connection at once. Returns false if the request has already ended.
    bool cancel(RequestId id);
    void cancelAll();

    int maxConcurrentConnections() const { return m_maxConcurrent; }
    void setMaxConcurrentConnections(int count);

    int activeCount() const { return m_activeCount; }
    // Requests whose outcome has not been delivered yet.
    int pendingCount() const { return int(m_requests.size()); }
    // RequestState::Done for a request that ended (or never existed).
    RequestState state(RequestId id) const;

Q_SIGNALS:
    void stateChanged(RequestId id, RequestState state);
    void progress(RequestId id, qint64 bytesReceived);
    // The bytes just received; only emitted (and copied) while something is connected to it.
    void dataReceived(RequestId id, const QByteArray &chunk);
    void poemReceived(RequestId id, const Poem &poem);
    void poemFailed(RequestId id, const Failure &failure);

private:
    struct Request
    {
        QString addressText;
        std::optional<Address> address;
        FetchOptions options;
        RequestTrace trace;
        RequestState state = RequestState::Queued;
        PoetryProtocol *protocol = nullptr;
        std::optional<Failure> failure; // decided, waiting to be delivered
    };

    RequestId addRequest(Request request);
    void schedulePump();
    void pump();
    void startRequest(RequestId id, Request &request);
    void onProtocolStateChanged(RequestId id, RequestState state, const QString &step);
    void onProtocolBytes(RequestId id, qint64 count);
    void onProtocolFinished(RequestId id);
    bool requeueForDescriptors(RequestId id, Request &request, const Failure &failure);
    void checkTimeouts();
    // Decides the request's failure now and delivers it from the event loop.
    void failLater(RequestId id, Request &request, Failure failure, RequestState finalState,
                   const QString &step);
    void dropProtocol(Request &request);
    void deliverFailure(RequestId id);
    Failure completeFailure(const Request &request, Failure failure) const;

    std::unordered_map<RequestId, Request> m_requests;
    std::deque<RequestId> m_queue;
    std::vector<RequestId> m_failuresToDeliver;
    RequestId m_lastId = 0;
    int m_maxConcurrent = 100;
    // Lowered when the process runs out of file descriptors, raised again as requests end.
    int m_descriptorLimit = std::numeric_limits<int>::max();
    int m_activeCount = 0;
    QTimer m_pumpTimer;
    QTimer m_watchdog;
};
