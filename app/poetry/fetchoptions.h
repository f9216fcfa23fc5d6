#pragma once

#include <QString>

#include <chrono>

// Per-request limits (a zero duration or size means "no limit"), and what the request is for.
struct FetchOptions
{
    static constexpr qint64 defaultMaxPoemSize = 64 * 1024 * 1024;

    // From the start of connecting (name resolution included) to the connection being up.
    std::chrono::milliseconds connectTimeout{std::chrono::seconds(10)};
    // Longest time without a single byte from the server once connected.
    std::chrono::milliseconds idleTimeout{std::chrono::seconds(30)};
    // The whole request, from fetch() to the last byte, time spent queued included.
    std::chrono::milliseconds deadline{0};
    // Bytes kept at most; more ends the request with PoemTooLarge and the partial poem.
    qint64 maxPoemSize = defaultMaxPoemSize;
    // What the user did that made the request, in their words ("Fetch All"); empty when no user
    // did anything (a script, a test). It heads the request's traceback (RequestTrace::action()).
    QString action;

    friend bool operator==(const FetchOptions &, const FetchOptions &) = default;
};
