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
// Characters that would be invisible or reorder the text are shown the same way, so that a
// poem cannot disguise what it says: bidirectional controls ("<U+202E>"), zero-width
// characters and every other format character (category Cf, U+FEFF included), the line and
// paragraph separators U+2028 and U+2029, tag characters ("<U+E0041>"). A lone surrogate in
// the QString overload becomes U+FFFD. A byte order mark at the start of UTF-8 is dropped.
QString escaped(QStringView text);
QByteArray escaped(QByteArrayView utf8);

} // namespace TerminalText
