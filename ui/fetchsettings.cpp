#include "fetchsettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

milliseconds readMs(const QSettings &settings, const QString &key, milliseconds fallback)
{
    bool ok = false;
    const qint64 value = settings.value(key).toLongLong(&ok);
    return ok && value >= 0 ? milliseconds(value) : fallback;
}

} // namespace

FetchSettings FetchSettings::load(const QSettings &settings)
{
    FetchSettings loaded;
    const FetchOptions defaults;
    loaded.options.connectTimeout
            = readMs(settings, u"fetch/connectTimeoutMs"_s, defaults.connectTimeout);
    loaded.options.idleTimeout = readMs(settings, u"fetch/idleTimeoutMs"_s, defaults.idleTimeout);
    loaded.options.deadline = readMs(settings, u"fetch/deadlineMs"_s, defaults.deadline);
    bool ok = false;
    const qint64 size = settings.value(u"fetch/maxPoemSize"_s).toLongLong(&ok);
    loaded.options.maxPoemSize = ok && size >= 0 ? size : defaults.maxPoemSize;
    const int connections = settings.value(u"fetch/maxConnections"_s).toInt(&ok);
    loaded.maxConnections = ok && connections > 0 ? connections : defaultMaxConnections;
    return loaded;
}

void FetchSettings::save(QSettings &settings) const
{
    settings.setValue(u"fetch/connectTimeoutMs"_s, qint64(options.connectTimeout.count()));
    settings.setValue(u"fetch/idleTimeoutMs"_s, qint64(options.idleTimeout.count()));
    settings.setValue(u"fetch/deadlineMs"_s, qint64(options.deadline.count()));
    settings.setValue(u"fetch/maxPoemSize"_s, options.maxPoemSize);
    settings.setValue(u"fetch/maxConnections"_s, maxConnections);
}
