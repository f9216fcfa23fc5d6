#pragma once

#include "fetchoptions.h"
#include "libraryrecord.h"
#include "retrypolicy.h"

#include <QString>

#include <optional>
#include <span>

class QSettings;
class QVariant;

// The settings dialog's values: the limits applied to every new request, remembered in
// QSettings under "fetch/".
class FetchSettings
{
public:
    static constexpr int defaultMaxConnections = 100;
    // The ranges the settings dialog offers, and so the ranges a settings file may hold: a
    // timeout or deadline of at most a day (a larger one overflowed the core's clock arithmetic:
    // every fetch failed at once), a poem of at most 64 GiB, at most 100,000 connections.
    static constexpr qint64 maxTimeoutMs = 24 * 3600 * 1000;
    static constexpr qint64 maxPoemSizeLimit = qint64(64) * 1024 * 1024 * 1024;
    static constexpr int maxConnectionsLimit = 100'000;

    // A numeric key under "fetch/" and the values it may hold; anything else is repaired to the
    // default, by the start-up check (SettingsFile, which says so) and by load() alike.
    struct NumberKey
    {
        const char16_t *key;
        qint64 minimum;
        qint64 maximum;
    };
    static std::span<const NumberKey> numberKeys();
    // The value if it is a whole number within the key's range: text (what QSettings writes
    // for a number) or an integer, nothing else.
    static std::optional<qint64> validNumber(const QVariant &value, const NumberKey &key);

    FetchOptions options;
    int maxConnections = defaultMaxConnections;
    // A desktop notification when the downloads the user started have all ended while the
    // window is not active ("window/notifyWhenDone").
    bool notifyWhenDone = true;
    // Automatic retry of failures that can heal (AutoRetry): how many times, 0 for never (the
    // default), and the ceiling of the first wait; each later one doubles it, with jitter.
    static constexpr int maxRetryAttempts = 10;
    static constexpr qint64 maxRetryBaseDelayMs = 10 * 60 * 1000;
    int retryAttempts = 0;
    qint64 retryBaseDelayMs = 2000;
    RetryPolicy retryPolicy() const;
    // What the poem library keeps (favourites always): at most so many MiB of poems and
    // nothing older than so many days; 0 for no limit (the default).
    static constexpr qint64 maxLibraryMiB = qint64(1) << 20;
    static constexpr qint64 maxLibraryAgeDays = 100 * 365;
    qint64 libraryMaxMiB = 0;
    qint64 libraryMaxAgeDays = 0;
    LibraryLimits libraryLimits() const;

    static FetchSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const FetchSettings &, const FetchSettings &) = default;
};
