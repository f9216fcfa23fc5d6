#pragma once

#include <QMetaType>
#include <QtGlobal>

// Identifies one fetch() for the lifetime of its PoetryFetcher; never 0 (PoemJob::id()).
using RequestId = quint64;

// The phases of a request, in order; Paused may interrupt Receiving; the last three are final.
enum class RequestState {
    Queued,     // waiting for a free connection slot
    Resolving,  // looking up the host name
    Connecting, // TCP handshake in progress
    Receiving,  // connected, reading the poem
    Paused,     // connected, not reading: the server's writes block (PoemJob::suspend())
    Done,
    Failed,
    Cancelled,
};

constexpr bool isFinal(RequestState state)
{
    return state == RequestState::Done || state == RequestState::Failed
            || state == RequestState::Cancelled;
}

Q_DECLARE_METATYPE(RequestState)
