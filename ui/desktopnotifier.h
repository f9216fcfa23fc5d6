#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QPointer>
#include <QSet>

class QSystemTrayIcon;

// Tells the desktop that a batch of downloads has ended (issue 13): one notification through
// org.freedesktop.Notifications on the given bus ("7 poems arrived, 2 failed"), with a default
// action that brings the window back. Where no notification service answers, a balloon from the
// system tray if there is one, else nothing.
//
//     auto *notifier = new DesktopNotifier(QDBusConnection::sessionBus(), this);
//     connect(notifier, &DesktopNotifier::activated, this, &MainWindow::showFailures);
//     notifier->notify(7, 2);
//
// A new notification replaces the previous one still on screen: there is only ever one.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    // How notify() reached the user.
    enum class Channel { Service, Tray, Nothing };
    Q_ENUM(Channel)

    static inline const QString serviceName = QStringLiteral("org.freedesktop.Notifications");
    static inline const QString objectPath = QStringLiteral("/org/freedesktop/Notifications");
    static inline const QString interfaceName = serviceName;
    // The key of the action the notification carries: "default" is what clicking it invokes.
    static inline const QString actionKey = QStringLiteral("default");

    // `bus` is normally QDBusConnection::sessionBus(); a test passes a private bus of its own.
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    // Disabled, notify() does nothing at all.
    void setEnabled(bool enabled) { m_enabled = enabled; }

    // The tray icon to show the fallback's message from; by default (none given) one of the
    // notifier's own, made and shown the first time the fallback is needed and a tray exists.
    void setTrayIcon(QSystemTrayIcon *icon);

    // One notification for a batch that ended with `poems` poems and `failures` failures.
    void notify(int poems, int failures);

    // "7 poems arrived, 2 failed", "3 poems arrived", "2 downloads failed".
    static QString summary(int poems, int failures);
    // The label of the notification's action.
    static QString actionLabel(int failures);

Q_SIGNALS:
    // The user clicked the notification (or the tray's message): bring the window back and show
    // the failures.
    void activated();
    // After each notify() that was enabled: where the notification went.
    void delivered(DesktopNotifier::Channel channel);

private Q_SLOTS:
    // QDBusConnection::connect() takes slots by name only (Qt 6.4).
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    void showInTray(int poems, int failures);

    QDBusConnection m_bus;
    bool m_enabled = true;
    QPointer<QSystemTrayIcon> m_tray;
    bool m_ownTray = false;
    QSet<uint> m_shown; // ids of our notifications on screen
    uint m_lastId = 0;  // the one a new notification replaces
};
