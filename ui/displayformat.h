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
QIcon stateIcon(RequestState state);
// A tooltip that shows `text` exactly: tooltips are rich text when they look like it, so the
// text is escaped and marked as rich text, with its line breaks kept.
QString plainToolTip(const QString &text);

} // namespace DisplayFormat
