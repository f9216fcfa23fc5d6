#pragma once

#include <QCoreApplication>

class QWidget;

// The questions the window asks before it does something that cannot be undone.
class Confirmations
{
    Q_DECLARE_TR_FUNCTIONS(Confirmations)

public:
    // The settings key that "Don't ask again" clears (a bool, true when absent).
    static QString askBeforeQuittingKey();

    // Before the window closes with `active` downloads under way (queued or running): whether
    // to quit. Asks unless the user said not to ask again; true at once when `active` is 0.
    static bool quitWithDownloads(QWidget *parent, int active);
    // Before `count` servers are removed from the list: whether to. Asks only for more than one.
    static bool removeServers(QWidget *parent, int count);
};
