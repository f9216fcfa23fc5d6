#include "plainmessage.h"

#include <QMessageBox>

void PlainMessage::warn(QWidget *parent, const QString &title, const QString &text,
                        const QString &details)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}
