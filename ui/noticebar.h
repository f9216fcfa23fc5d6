#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A message across the top of the window that does not interrupt: what KDE's KMessageWidget is
// to Kate, Okular or Dolphin ("the file could not be read", "the folder was removed"). The text
// is always plain text; the close button dismisses it.
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    enum class Type { Information, Warning, Error };

    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows the bar with this message, replacing any earlier one.
    void showMessage(const QString &text, Type type = Type::Warning);
    QString text() const;
    Type type() const { return m_type; }
    QLabel *label() const { return m_label; }
    QToolButton *closeButton() const { return m_close; }

private:
    Type m_type = Type::Warning;
    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
};
