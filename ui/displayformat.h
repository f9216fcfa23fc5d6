#pragma once

#include "requeststate.h"

#include <QIcon>
#include <QString>

// How the window writes sizes, rates, durations and request states: one place, so that every
// view says the same thing the same way.
namespace DisplayFormat {

QString bytes(qint64 size);
QString rate(double bytesPerSecond);
// "0.4 s", "12.3 s", "2:05", "1:02:05"
QString duration(qint64 milliseconds);
QString stateName(RequestState state);
// As the views show a download: connected but without a byte yet is "Waiting" (the browsers'
// waiting for the first byte), which tells a stalling server from a slow one at a glance.
QString stateName(RequestState state, qint64 bytesReceived);
QIcon stateIcon(RequestState state);
// A tooltip that shows `text` exactly: tooltips are rich text when they look like it, so the
// text is escaped and marked as rich text, with its line breaks kept.
QString plainToolTip(const QString &text);
// Text received from a server, made fit for a text view without changing its length: U+0000
// (which text views draw as nothing) and the noncharacters U+FDD0-U+FDEF (which QTextDocument
// uses as frame markers and turns into line breaks) become U+FFFD, the replacement character,
// as invalid UTF-8 already does. Everything else is kept, and never read as markup.
QString displayText(QString text);

} // namespace DisplayFormat
