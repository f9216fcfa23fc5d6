#pragma once

#include <QtGlobal>

class QString;

// Keeps Qt's font-fallback chatter off standard error. Qt warns "OpenType support missing for
// "DejaVu Sans", script 9" once per installed font whenever it searches them all for a script
// none covers (random bytes shown as text do that: 36 lines for one poem). The warning is about
// Qt's search, not about anything the user can change; the text is drawn with the fallback
// anyway. Every other message goes on to the handler that was installed before.
class MessageFilter
{
public:
    // Installs the filter in front of the current message handler (once; later calls do nothing).
    static void install();

    // Whether a message is one the filter drops.
    static bool isNoise(QtMsgType type, const QString &message);
};
