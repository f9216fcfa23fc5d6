#pragma once

#include "libraryrecord.h"
#include "requeststate.h"

#include <QCoreApplication>
#include <QString>

class PoemLibrary;
class ServerListModel;

// What the window brings back from the library at start-up, in the window's terms: a recorded
// download's state and its one-line result as the server list shows them, and the server
// list's last results filled in from the library (asynchronously).
class LibraryRestore
{
    Q_DECLARE_TR_FUNCTIONS(LibraryRestore)

public:
    // Done for a poem; Failed or Cancelled for a failure; Cancelled for a download that was
    // interrupted (still in flight when the program quit).
    static RequestState stateOf(const LibraryFetch &fetch);
    // "Done · 1.2 KiB", "ConnectionRefusedError", "Interrupted", as the server list writes it.
    static QString summaryOf(const LibraryFetch &fetch);
    // Sets each listed server's last result from the library's last results, when they arrive
    // (servers not in the list are left out; nothing happens if `servers` is gone by then).
    static void restoreLastResults(PoemLibrary *library, ServerListModel *servers);
};
