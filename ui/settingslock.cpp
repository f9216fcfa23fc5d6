#include "settingslock.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>

using namespace Qt::StringLiterals;

QString SettingsLock::lockFileName(const QString &settingsFileName)
{
    return settingsFileName + u".lock"_s; // as QSettings names it (qsettings.cpp)
}

QString SettingsLock::problem(const QString &settingsFileName, std::chrono::milliseconds timeout)
{
    const QString name = lockFileName(settingsFileName);
    const QString shown = QDir::toNativeSeparators(name);
    // No waiting for what can never be a lock: QLockFile would try to remove it as stale, fail,
    // and try again until the time is up.
    const QFileInfo info(name);
    if (info.isDir())
        return tr("“%1” is a folder, not a lock file").arg(shown);
    QLockFile lock(name);
    if (lock.tryLock(int(timeout.count()))) {
        lock.unlock();
        return {};
    }
    if (lock.error() != QLockFile::LockFailedError)
        return {};
    if (info.exists() && !info.isFile())
        return tr("“%1” is not a lock file").arg(shown);
    return tr("“%1” is held by another program and was not released within %n second(s)", "",
              int(std::chrono::ceil<std::chrono::seconds>(timeout).count()))
            .arg(shown);
}
