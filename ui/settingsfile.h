#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The settings file, checked once at start-up before anything reads it: QSettings' native
// format, an INI file (~/.config/org.poetryreader/poetry-reader.conf on Linux).
//
// Writing is already safe: Qt 6.4's QSettings writes the whole file through QSaveFile (a new
// file in the same folder, fdatasync()ed, then renamed over the old one, under a lock file), so
// a crash or a full disk never leaves half a file. What QSettings does not do is say much about
// a file it cannot read: it reads what it can of a damaged file and, at the next write, replaces
// the file with that, so the damage is silently made permanent; an unreadable file is treated
// as empty and then replaced the same way. check() is the missing half: it finds the damage,
// keeps the file as it was next to it, and leaves a file the program can use.
class SettingsFile
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFile)

public:
    enum class Problem {
        None,        // no file (a first start), or a good one
        Unreadable,  // there, but it cannot be read: permissions, a folder in its place
        NotSettings, // not a settings file: not INI, not UTF-8, NUL bytes, far too large
        BadValues,   // INI, but some values are of the wrong type or an address is not valid
    };

    struct Result
    {
        Problem problem = Problem::None;
        QString fileName;
        // Where the file as it was is kept: "<file>.corrupt-<date>-<time>"; empty if it could
        // not be kept (the message then says so).
        QString backupFileName;
        // The keys whose values were reset (BadValues), or why the file could not be read.
        QStringList details;
        // Whether the file left in place is usable: false if it could not be moved or fixed.
        bool repaired = true;

        // One translated paragraph for the window's notice; empty when there is no problem.
        QString message() const;
    };

    // A settings file larger than this is not one of ours.
    static constexpr qint64 maxSize = 16 * 1024 * 1024;
    // Older backups than the newest few are removed: a file damaged at every start must not
    // fill the folder.
    static constexpr int maxBackups = 5;

    // The file QSettings() uses with the application's names.
    static QString defaultFileName();

    // Checks the file and, if it is damaged, keeps a backup and repairs it: an unreadable file
    // or one that is not a settings file is moved aside (the program starts with the defaults),
    // values of the wrong type and server entries with invalid addresses are removed (those
    // settings go back to their defaults; the valid servers stay).
    static Result check(const QString &fileName);
};
