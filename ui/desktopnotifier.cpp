#include "desktopnotifier.h"

#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QIcon>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(serviceName, objectPath, interfaceName, u"ActionInvoked"_s, this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(serviceName, objectPath, interfaceName, u"NotificationClosed"_s, this,
                  SLOT(onNotificationClosed(uint, uint)));
}

void DesktopNotifier::setTrayIcon(QSystemTrayIcon *icon)
{
    if (m_tray && m_ownTray)
        delete m_tray;
    m_tray = icon;
    m_ownTray = false;
}

QString DesktopNotifier::summary(int poems, int failures)
{
    if (failures <= 0)
        return tr("%n poem(s) arrived", nullptr, poems);
    if (poems <= 0)
        return tr("%n download(s) failed", nullptr, failures);
    // One sentence with one plural: "failed" reads the same for any number in English.
    //: %n poems, %1 failed downloads: "7 poems arrived, 2 failed"
    return tr("%n poem(s) arrived, %1 failed", nullptr, poems).arg(failures);
}

QString DesktopNotifier::actionLabel(int failures)
{
    return failures > 0 ? tr("Show Failures") : tr("Show Poems");
}

void DesktopNotifier::notify(int poems, int failures)
{
    if (!m_enabled)
        return;
    if (!m_bus.isConnected()) {
        showInTray(poems, failures);
        return;
    }
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout),
    // as the Desktop Notifications Specification has it.
    const QString desktopEntry = QGuiApplication::desktopFileName();
    QDBusMessage call
            = QDBusMessage::createMethodCall(serviceName, objectPath, interfaceName, u"Notify"_s);
    call << QGuiApplication::applicationDisplayName() << m_lastId << desktopEntry
         << summary(poems, failures) << QString() << QStringList{actionKey, actionLabel(failures)}
         << QVariantMap{{u"desktop-entry"_s, desktopEntry},
                        {u"category"_s,
                         failures > 0 ? u"transfer.error"_s : u"transfer.complete"_s}}
         << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, poems, failures] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            // No service (or a broken one): the tray, or nothing.
            showInTray(poems, failures);
            return;
        }
        m_lastId = reply.value();
        m_shown.insert(m_lastId);
        Q_EMIT delivered(Channel::Service);
    });
}

void DesktopNotifier::showInTray(int poems, int failures)
{
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QGuiApplication::windowIcon(), this);
        m_ownTray = true;
        m_tray->show();
    }
    if (!m_tray || !QSystemTrayIcon::isSystemTrayAvailable()) {
        Q_EMIT delivered(Channel::Nothing);
        return;
    }
    // One connection, however many messages: the tray has no ids to tell them apart.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopNotifier::activated,
            Qt::UniqueConnection);
    m_tray->showMessage(QGuiApplication::applicationDisplayName(), summary(poems, failures),
                        failures > 0 ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    Q_EMIT delivered(Channel::Tray);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    // The signal goes to every client of the service: only our own notifications count.
    if (m_shown.contains(id) && action == actionKey)
        Q_EMIT activated();
}

void DesktopNotifier::onNotificationClosed(uint id, uint)
{
    m_shown.remove(id);
}
