#pragma once

#include <QByteArray>
#include <QFile>
#include <QtGlobal>

#include <QMap>
#include <QString>
#include <QStringList>

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

// Small process-level probes shared by the reliability suites (Linux only).
namespace Reliability {

// Built with AddressSanitizer (POETRY_SANITIZE): everything runs a few times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool addressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool addressSanitizer = true;
#else
constexpr bool addressSanitizer = false;
#endif
#else
constexpr bool addressSanitizer = false;
#endif

// Descriptors this process has open now (the entries of /proc/self/fd, less the one used to
// list them).
inline int openDescriptors()
{
    DIR *directory = ::opendir("/proc/self/fd");
    if (!directory)
        return -1;
    int count = 0;
    while (const dirent *entry = ::readdir(directory)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    ::closedir(directory);
    return count - 1;
}

// Every open descriptor and what it refers to ("socket:[1234]", a path, …).
inline QMap<int, QString> descriptorTargets()
{
    QMap<int, QString> targets;
    DIR *directory = ::opendir("/proc/self/fd");
    if (!directory)
        return targets;
    const int own = ::dirfd(directory);
    while (const dirent *entry = ::readdir(directory)) {
        if (entry->d_name[0] == '.')
            continue;
        const int descriptor = QByteArray(entry->d_name).toInt();
        if (descriptor == own)
            continue;
        char target[256] = {};
        const QByteArray path = QByteArray("/proc/self/fd/") + QByteArray(entry->d_name);
        const ssize_t length = ::readlink(path.constData(), target, sizeof target - 1);
        targets.insert(descriptor, QString::fromLocal8Bit(target, length > 0 ? length : 0));
    }
    ::closedir(directory);
    return targets;
}

// Sockets this process has open now. Not every descriptor: Qt's lookup threads come and go
// with an eventfd each (their event dispatcher) for as long as the thread pool keeps them.
inline int openSockets()
{
    int count = 0;
    for (const QString &target : descriptorTargets())
        count += target.startsWith(QStringLiteral("socket:")) ? 1 : 0;
    return count;
}

// The descriptors open now that were not in `before`, as "7 -> socket:[1234]" lines.
inline QStringList newDescriptors(const QMap<int, QString> &before)
{
    QStringList lines;
    const QMap<int, QString> now = descriptorTargets();
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            lines.append(QString::number(it.key()) + QStringLiteral(" -> ") + it.value());
    }
    return lines;
}

// The resident set size from /proc/self/status (VmRSS), in bytes; -1 if unreadable.
inline qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            const QByteArray kib = line.mid(6).trimmed().split(' ').value(0);
            bool ok = false;
            const qint64 value = kib.toLongLong(&ok);
            return ok ? value * 1024 : -1;
        }
    }
    return -1;
}

// Raises the soft open-file limit to the hard one: a thousand connections in one process take
// three thousand descriptors (client socket, its close probe, the server's socket).
inline void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace Reliability
