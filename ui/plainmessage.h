#pragma once

#include <QString>

class QWidget;

// Message boxes for texts that carry file names, server names and what a file said: a
// QMessageBox reads its text as rich text when it looks like markup, and a file called
// "<b>x</b>" must show as typed.
namespace PlainMessage {

void warn(QWidget *parent, const QString &title, const QString &text, const QString &details = {});

} // namespace PlainMessage
