#pragma once

#include <QCoreApplication>
#include <QString>

#include <chrono>

// The lock file QSettings takes to write the settings file ("<file>.lock"). QSettings::sync()
// waits for it with QLockFile::lock(), that is without a time limit: a folder at that path, or
// a lock that another program never lets go, used to hang the window at its first save. The
// window asks here first, with a time limit, and does not write while the lock cannot be had.
class SettingsLock
{
    Q_DECLARE_TR_FUNCTIONS(SettingsLock)

public:
    // Longer than any write of the settings file takes another instance of the program.
    static constexpr std::chrono::milliseconds defaultTimeout{1000};

    static QString lockFileName(const QString &settingsFileName);
    // Empty if QSettings can take the lock now (it is taken within the timeout and released at
    // once); otherwise why not, in a translated phrase ("… is a folder, not a lock file").
    // Errors that make QSettings give up at once (no permission, no folder) are left to it and
    // not reported here: they do not hang it.
    static QString problem(const QString &settingsFileName,
                           std::chrono::milliseconds timeout = defaultTimeout);
};
