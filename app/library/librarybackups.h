#pragma once

#include <QString>
#include <QStringList>

// Damaged library files set aside next to the library, with their exact bytes:
// "<file>.damaged-yyyyMMdd-HHmmss[-n]", the newest few kept.
class LibraryBackups
{
public:
    // Renames `fileName` (and its write-ahead log: together they are the database as it was)
    // to a new backup name, removes its shared-memory file and the oldest backups beyond `keep`.
    // False if it could not be renamed; `backup` is the name it went (or would have gone) to.
    static bool setAside(const QString &fileName, int keep, QString *backup);
    // The backups of `fileName` there are (names in its folder), the oldest first.
    static QStringList of(const QString &fileName);
    // A name after every backup there is: the newest sorts last even when older ones of the
    // same second were removed.
    static QString nameFor(const QString &fileName);
    static void prune(const QString &fileName, int keep);
};
