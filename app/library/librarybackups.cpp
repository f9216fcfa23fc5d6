#include "librarybackups.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Backups of one second sort by their n (none is 1).
QRegularExpression backupPattern(const QString &fileName)
{
    return QRegularExpression(u"^"_s + QRegularExpression::escape(QFileInfo(fileName).fileName())
                              + u"\\.damaged-(\\d{8}-\\d{6})(?:-(\\d+))?$"_s);
}

std::pair<QString, int> backupKey(const QRegularExpression &pattern, const QString &name)
{
    const QRegularExpressionMatch match = pattern.match(name);
    return {match.captured(1), match.captured(2).isEmpty() ? 1 : match.captured(2).toInt()};
}

} // namespace

QStringList LibraryBackups::of(const QString &fileName)
{
    const QRegularExpression pattern = backupPattern(fileName);
    QStringList backups = QFileInfo(fileName).dir().entryList(
            {QFileInfo(fileName).fileName() + u".damaged-*"_s},
            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    backups.removeIf([&](const QString &name) { return !pattern.match(name).hasMatch(); });
    std::sort(backups.begin(), backups.end(), [&](const QString &a, const QString &b) {
        return backupKey(pattern, a) < backupKey(pattern, b);
    });
    return backups;
}

QString LibraryBackups::nameFor(const QString &fileName)
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QRegularExpression pattern = backupPattern(fileName);
    int last = 0;
    for (const QString &name : of(fileName)) {
        const auto [time, n] = backupKey(pattern, name);
        if (time == stamp)
            last = std::max(last, n);
    }
    const QString base = fileName + u".damaged-"_s + stamp;
    return last == 0 ? base : u"%1-%2"_s.arg(base).arg(last + 1);
}

void LibraryBackups::prune(const QString &fileName, int keep)
{
    QStringList backups = of(fileName);
    const QDir directory = QFileInfo(fileName).dir();
    while (backups.size() > keep) {
        const QString oldest = directory.filePath(backups.takeFirst());
        if (QFileInfo(oldest).isDir() && !QFileInfo(oldest).isSymLink())
            QDir(oldest).removeRecursively();
        else
            QFile::remove(oldest);
        QFile::remove(oldest + u"-wal"_s);
    }
}

bool LibraryBackups::setAside(const QString &fileName, int keep, QString *backup)
{
    *backup = nameFor(fileName);
    if (!QDir().rename(fileName, *backup))
        return false;
    if (QFileInfo::exists(fileName + u"-wal"_s))
        QDir().rename(fileName + u"-wal"_s, *backup + u"-wal"_s);
    QFile::remove(fileName + u"-shm"_s);
    prune(fileName, keep);
    return true;
}
