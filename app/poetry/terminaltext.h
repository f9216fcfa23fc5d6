#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Makes text from a server safe to write to a terminal: nothing it contains can move the
// cursor, change colours, ring the bell or rewrite what was printed before.
namespace TerminalText {

// Decodes UTF-8 (invalid bytes become U+FFFD) and shows control characters visibly:
// C0 controls and DEL in caret notation (ESC is "^[", BEL "^G"), C1 controls as "<U+009B>".
// Tab and newline are kept, and so is a carriage return right before a newline.
QString escaped(QStringView text);
QByteArray escaped(QByteArrayView utf8);

} // namespace TerminalText
