#pragma once

#include "serverlistmodel.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QWidget;

// The server list as text: what Import reads (a file, the clipboard, a drop) and what Export
// writes, so that an exported list imports back as it was.
//
// Each line of a text is one of:
//   NAME<TAB>ADDRESS        what Export writes ("Harbour almanac\t127.0.0.1:10001")
//   ADDRESS [ADDRESS…]      the classic client's form ("10001 localhost:10002 [::1]:10003")
//   NAME WORDS… ADDRESS     a name, then one address ("Slow almanac 20001")
//   # comment               or a blank line, skipped (a line with a tab is a server, even if
//                           its name begins with '#')
// A line that is none of them is reported with its number; the others are still read.
class ServerListIo
{
    Q_DECLARE_TR_FUNCTIONS(ServerListIo)

public:
    // A file of servers larger than this is not one (a list cannot hold more than the settings
    // file, which has the same limit).
    static constexpr qint64 maxFileSize = 16 * 1024 * 1024;

    struct LineError
    {
        int line = 0; // from 1
        QString text; // the line as it was (trimmed)
        QString message;
    };
    struct Parsed
    {
        QList<ServerListModel::Entry> entries;
        QList<LineError> errors;
    };

    static Parsed parse(const QString &text);
    // Export's format: a comment line, then NAME<TAB>ADDRESS for each server but the demo
    // servers (their ports change every run). Names never hold a tab or a line break
    // (ServerListModel::cleanName()).
    static QString format(const ServerListModel &model);

    // The window's side, with its dialogs. Adds what the text holds and shows the lines that
    // could not be read, with their numbers; returns the number of servers added.
    static int importText(QWidget *parent, ServerListModel *model, const QString &text);
    // Asks for a file and reads it (UTF-8); nothing if cancelled or it cannot be read (said).
    static std::optional<QString> chooseAndReadFile(QWidget *parent);
    // A file dropped on the window: its text, or nothing if it is not a readable list.
    static std::optional<QString> readFile(const QString &fileName, QString *error = nullptr);
    // Asks for a file and writes the list to it; a message for the status bar, or empty if
    // nothing was written (cancelled, or the failure was shown).
    static QString chooseAndWriteFile(QWidget *parent, const ServerListModel &model);
};
