#include "fetchsettings.h"

#include <QSettings>

#include <array>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr std::array<FetchSettings::NumberKey, 9> keys{{
        {u"fetch/connectTimeoutMs", 0, FetchSettings::maxTimeoutMs},
        {u"fetch/idleTimeoutMs", 0, FetchSettings::maxTimeoutMs},
        {u"fetch/deadlineMs", 0, FetchSettings::maxTimeoutMs},
        {u"fetch/maxPoemSize", 0, FetchSettings::maxPoemSizeLimit},
        {u"fetch/maxConnections", 1, FetchSettings::maxConnectionsLimit},
        {u"fetch/retryAttempts", 0, FetchSettings::maxRetryAttempts},
        {u"fetch/retryBaseDelayMs", 0, FetchSettings::maxRetryBaseDelayMs},
        {u"library/maxMiB", 0, FetchSettings::maxLibraryMiB},
        {u"library/maxAgeDays", 0, FetchSettings::maxLibraryAgeDays},
}};
enum KeyIndex {
    ConnectTimeout,
    IdleTimeout,
    Deadline,
    MaxPoemSize,
    MaxConnections,
    RetryAttempts,
    RetryBaseDelay,
    LibraryMaxMiB,
    LibraryMaxAgeDays
};

qint64 readNumber(const QSettings &settings, KeyIndex index, qint64 fallback)
{
    const FetchSettings::NumberKey &key = keys[index];
    return FetchSettings::validNumber(settings.value(QString::fromUtf16(key.key)), key)
            .value_or(fallback);
}

} // namespace

std::span<const FetchSettings::NumberKey> FetchSettings::numberKeys()
{
    return keys;
}

std::optional<qint64> FetchSettings::validNumber(const QVariant &value, const NumberKey &key)
{
    // A bool or a double from an "@Variant(…)" converts to a number too, but is written back as
    // "true" or "1.5", which then is not one (the fuzzer found a repaired file that was still
    // bad).
    switch (value.typeId()) {
    case QMetaType::QString:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        break;
    default:
        return std::nullopt;
    }
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < key.minimum || number > key.maximum)
        return std::nullopt;
    return number;
}

FetchSettings FetchSettings::load(const QSettings &settings)
{
    FetchSettings loaded;
    const FetchOptions defaults;
    loaded.options.connectTimeout
            = milliseconds(readNumber(settings, ConnectTimeout, defaults.connectTimeout.count()));
    loaded.options.idleTimeout
            = milliseconds(readNumber(settings, IdleTimeout, defaults.idleTimeout.count()));
    loaded.options.deadline
            = milliseconds(readNumber(settings, Deadline, defaults.deadline.count()));
    loaded.options.maxPoemSize = readNumber(settings, MaxPoemSize, defaults.maxPoemSize);
    loaded.maxConnections = int(readNumber(settings, MaxConnections, defaultMaxConnections));
    loaded.retryAttempts = int(readNumber(settings, RetryAttempts, loaded.retryAttempts));
    loaded.retryBaseDelayMs = readNumber(settings, RetryBaseDelay, loaded.retryBaseDelayMs);
    loaded.libraryMaxMiB = readNumber(settings, LibraryMaxMiB, 0);
    loaded.libraryMaxAgeDays = readNumber(settings, LibraryMaxAgeDays, 0);
    // Anything but a clear "false" leaves them on: a damaged value must not silence them.
    loaded.notifyWhenDone
            = settings.value(u"window/notifyWhenDone"_s).toString() != QLatin1String("false");
    return loaded;
}

void FetchSettings::save(QSettings &settings) const
{
    const auto set = [&settings](KeyIndex index, qint64 value) {
        settings.setValue(QString::fromUtf16(keys[index].key), value);
    };
    set(ConnectTimeout, options.connectTimeout.count());
    set(IdleTimeout, options.idleTimeout.count());
    set(Deadline, options.deadline.count());
    set(MaxPoemSize, options.maxPoemSize);
    set(MaxConnections, maxConnections);
    set(RetryAttempts, retryAttempts);
    set(RetryBaseDelay, retryBaseDelayMs);
    set(LibraryMaxMiB, libraryMaxMiB);
    set(LibraryMaxAgeDays, libraryMaxAgeDays);
    settings.setValue(u"window/notifyWhenDone"_s, notifyWhenDone);
}

RetryPolicy FetchSettings::retryPolicy() const
{
    RetryPolicy policy;
    policy.setEnabled(retryAttempts > 0);
    policy.setAttempts(std::max(1, retryAttempts));
    policy.setBaseDelay(milliseconds(retryBaseDelayMs));
    return policy;
}

LibraryLimits FetchSettings::libraryLimits() const
{
    return {libraryMaxMiB * 1024 * 1024, hours(24 * libraryMaxAgeDays)};
}
