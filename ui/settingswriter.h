#pragma once

#include <QObject>

class NoticeBar;
class QSettings;

// Writes the window's settings file and says in the notice bar, once, when it cannot: the user
// learns while they can still act that changes made now will be lost.
class SettingsWriter : public QObject
{
    Q_OBJECT

public:
    explicit SettingsWriter(NoticeBar *notice, QObject *parent = nullptr);

    // Whether the settings can be written now without waiting forever for QSettings' lock file
    // (see SettingsLock); says why not. Ask before a QSettings is changed: one with changes
    // writes them when it is destroyed, and waits for the lock then.
    bool canWrite() const;
    // Writes `settings` out now, and says so if that failed.
    void commit(QSettings &settings) const;

private:
    void tell(const QString &message) const;

    NoticeBar *m_notice;
};
