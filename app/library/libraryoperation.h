#pragma once

#include "libraryrecord.h"

#include <QList>

// One change to the library, queued by PoemLibrary and applied by LibraryWriter in order with
// the others of its batch, in one transaction.
struct LibraryOperation
{
    enum class Kind { Record, SetRead, SetFavourite, Remove, ClearHistory, Prune };
    Kind kind = Kind::Record;
    LibraryRecord record;  // Record
    QList<qint64> poemIds; // SetRead, SetFavourite, Remove
    bool flag = false;     // SetRead, SetFavourite
    LibraryLimits limits;  // Prune
};
