#pragma once

#include <QtGlobal>

#include <chrono>

// Per-request limits. A zero duration or size means "no limit".
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

    friend bool operator==(const FetchOptions &, const FetchOptions &) = default;
};
