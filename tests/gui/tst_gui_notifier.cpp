// DesktopNotifier against a notification service of the test's own, on a private message bus
// (a dbus-daemon started here, with no service files: nothing on it but what the test puts
// there): the Notify call's arguments, the action coming back as activated(), and the fallback
// when no service answers.

#include "desktopnotifier.h"
#include "translations.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 20'000;

// org.freedesktop.Notifications as a desktop provides it, recording each call.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };
    QList<Call> calls;

public Q_SLOTS:
    Q_SCRIPTABLE uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                             const QString &summary, const QString &body,
                             const QStringList &actions, const QVariantMap &hints,
                             int expireTimeout)
    {
        calls.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
        return replacesId != 0 ? replacesId : ++m_lastId;
    }
    Q_SCRIPTABLE QStringList GetCapabilities() { return {u"actions"_s, u"body"_s}; }
    Q_SCRIPTABLE void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }

Q_SIGNALS:
    Q_SCRIPTABLE void ActionInvoked(uint id, const QString &actionKey);
    Q_SCRIPTABLE void NotificationClosed(uint id, uint reason);

private:
    uint m_lastId = 40;
};

// A message bus of the test's own: dbus-daemon with a configuration that has no service
// directories, so that nothing is started on demand.
class PrivateBus
{
public:
    ~PrivateBus()
    {
        m_daemon.kill();
        m_daemon.waitForFinished(10'000);
    }

    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = u"no temporary directory"_s;
            return false;
        }
        const QString config = m_dir.filePath(u"bus.conf"_s);
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = file.errorString();
            return false;
        }
        // The standard session configuration, less its service directories and includes.
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                   "1.0//EN\"\n \"http://www.freedesktop.org/standards/dbus/1.0/"
                   "busconfig.dtd\">\n"
                   "<busconfig>\n"
                   "  <type>session</type>\n"
                   "  <listen>unix:dir="
                   + m_dir.path().toUtf8()
                   + "</listen>\n"
                     "  <policy context=\"default\">\n"
                     "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                     "    <allow eavesdrop=\"true\"/>\n"
                     "    <allow own=\"*\"/>\n"
                     "  </policy>\n"
                     "</busconfig>\n");
        file.close();
        m_daemon.start(u"dbus-daemon"_s,
                       {u"--config-file="_s + config, u"--print-address"_s, u"--nofork"_s});
        while (!m_daemon.canReadLine()) {
            if (!m_daemon.waitForReadyRead(timeoutMs)) {
                *error = u"dbus-daemon: "_s + m_daemon.errorString() + u' '
                        + QString::fromLocal8Bit(m_daemon.readAllStandardError());
                return false;
            }
        }
        m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
        return !m_address.isEmpty();
    }

    QString address() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

const QString notifierConnection = u"notifier"_s;
const QString serviceConnection = u"notification-service"_s;

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void summaries_data();
    void summaries();
    void summaryInKoreanAndJapanese();
    void notifyCallsTheService();
    void aSecondNotificationReplacesTheFirst();
    void actionInvokedForOurNotificationActivates();
    void closedNotificationNoLongerActivates();
    void disabledSendsNothing();
    void noServiceAndNoTrayShowsNothing();
    void noBusShowsNothing();

private:
    std::unique_ptr<PrivateBus> m_bus;
    std::unique_ptr<FakeNotifications> m_service;
};

void TestNotifier::initTestCase()
{
    QVERIFY(Translations::install(u"en"_s)); // English plural forms, as main() installs them
    QApplication::setApplicationDisplayName(u"Poetry Reader"_s);
    QGuiApplication::setDesktopFileName(u"org.poetryreader.PoetryReader"_s);
    m_bus = std::make_unique<PrivateBus>();
    QString error;
    QVERIFY2(m_bus->start(&error), qPrintable(error));
}

void TestNotifier::init()
{
    // Two connections, as the notifier and the desktop's service are two programs.
    QVERIFY(QDBusConnection::connectToBus(m_bus->address(), notifierConnection).isConnected());
    QDBusConnection service = QDBusConnection::connectToBus(m_bus->address(), serviceConnection);
    QVERIFY(service.isConnected());
    if (QByteArray(QTest::currentTestFunction()) == "noServiceAndNoTrayShowsNothing")
        return;
    m_service = std::make_unique<FakeNotifications>();
    QVERIFY(service.registerObject(DesktopNotifier::objectPath, m_service.get(),
                                   QDBusConnection::ExportScriptableContents));
    QVERIFY(service.registerService(DesktopNotifier::serviceName));
}

void TestNotifier::cleanup()
{
    QDBusConnection::disconnectFromBus(serviceConnection);
    QDBusConnection::disconnectFromBus(notifierConnection);
    m_service.reset();
}

void TestNotifier::cleanupTestCase()
{
    m_bus.reset();
}

void TestNotifier::summaries_data()
{
    QTest::addColumn<int>("poems");
    QTest::addColumn<int>("failures");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("action");
    QTest::newRow("both") << 7 << 2 << u"7 poems arrived, 2 failed"_s << u"Show Failures"_s;
    QTest::newRow("one of each") << 1 << 1 << u"1 poem arrived, 1 failed"_s << u"Show Failures"_s;
    QTest::newRow("poems only") << 3 << 0 << u"3 poems arrived"_s << u"Show Poems"_s;
    QTest::newRow("failures only") << 0 << 2 << u"2 downloads failed"_s << u"Show Failures"_s;
}

void TestNotifier::summaries()
{
    QFETCH(int, poems);
    QFETCH(int, failures);
    QFETCH(QString, summary);
    QFETCH(QString, action);
    QCOMPARE(DesktopNotifier::summary(poems, failures), summary);
    QCOMPARE(DesktopNotifier::actionLabel(failures), action);
}

void TestNotifier::summaryInKoreanAndJapanese()
{
    QVERIFY(Translations::install(u"ko"_s));
    QCOMPARE(DesktopNotifier::summary(7, 2), u"시 7편이 도착했고 2개가 실패했습니다"_s);
    QVERIFY(Translations::install(u"ja"_s));
    QCOMPARE(DesktopNotifier::summary(7, 2), u"詩が7編届き、2件が失敗しました"_s);
    QCOMPARE(DesktopNotifier::actionLabel(2), u"失敗を表示"_s);
    QVERIFY(Translations::install(u"en"_s));
}

void TestNotifier::notifyCallsTheService()
{
    DesktopNotifier notifier{QDBusConnection(notifierConnection)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(7, 2);
    QVERIFY(delivered.wait(timeoutMs));
    QCOMPARE(delivered.first().first().value<DesktopNotifier::Channel>(),
             DesktopNotifier::Channel::Service);

    QCOMPARE(m_service->calls.size(), 1);
    const FakeNotifications::Call &call = m_service->calls.first();
    QCOMPARE(call.appName, u"Poetry Reader"_s);
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.appIcon, u"org.poetryreader.PoetryReader"_s);
    QCOMPARE(call.summary, u"7 poems arrived, 2 failed"_s);
    QCOMPARE(call.body, QString());
    QCOMPARE(call.actions, (QStringList{u"default"_s, u"Show Failures"_s}));
    QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"org.poetryreader.PoetryReader"_s);
    QCOMPARE(call.hints.value(u"category"_s).toString(), u"transfer.error"_s);
    QCOMPARE(call.expireTimeout, -1);
}

void TestNotifier::aSecondNotificationReplacesTheFirst()
{
    DesktopNotifier notifier{QDBusConnection(notifierConnection)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(1, 0);
    QVERIFY(delivered.wait(timeoutMs));
    notifier.notify(4, 0);
    QVERIFY(delivered.wait(timeoutMs));
    QCOMPARE(m_service->calls.size(), 2);
    QCOMPARE(m_service->calls.at(0).replacesId, 0u);
    QCOMPARE(m_service->calls.at(1).replacesId, 41u); // the id the service gave the first
    QCOMPARE(m_service->calls.at(1).summary, u"4 poems arrived"_s);
    QCOMPARE(m_service->calls.at(1).hints.value(u"category"_s).toString(), u"transfer.complete"_s);
}

void TestNotifier::actionInvokedForOurNotificationActivates()
{
    DesktopNotifier notifier{QDBusConnection(notifierConnection)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    notifier.notify(7, 2);
    QVERIFY(delivered.wait(timeoutMs));

    // Another program's notification, and another action of ours, first: neither counts. The
    // bus keeps the order, so once ours has arrived they have too.
    Q_EMIT m_service->ActionInvoked(7, DesktopNotifier::actionKey);
    Q_EMIT m_service->ActionInvoked(41, u"something-else"_s);
    Q_EMIT m_service->ActionInvoked(41, DesktopNotifier::actionKey);
    QVERIFY(activated.wait(timeoutMs));
    // One more round trip to the service: every signal it sent before is in by then.
    notifier.notify(1, 0);
    QVERIFY(delivered.wait(timeoutMs));
    QCOMPARE(activated.size(), 1);
}

void TestNotifier::closedNotificationNoLongerActivates()
{
    DesktopNotifier notifier{QDBusConnection(notifierConnection)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    notifier.notify(1, 1);
    QVERIFY(delivered.wait(timeoutMs));
    notifier.notify(2, 2); // the same id again: replaced
    QVERIFY(delivered.wait(timeoutMs));
    Q_EMIT m_service->NotificationClosed(41, 2);
    Q_EMIT m_service->ActionInvoked(41, DesktopNotifier::actionKey);
    // A new notification and its action after them, to know that both have arrived.
    notifier.notify(3, 3);
    QVERIFY(delivered.wait(timeoutMs));
    QCOMPARE(m_service->calls.size(), 3);
    QCOMPARE(activated.size(), 0);
}

void TestNotifier::disabledSendsNothing()
{
    DesktopNotifier notifier{QDBusConnection(notifierConnection)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QVERIFY(notifier.isEnabled());
    notifier.setEnabled(false);
    notifier.notify(1, 0);
    notifier.setEnabled(true);
    notifier.notify(3, 0);
    QVERIFY(delivered.wait(timeoutMs));
    // Calls arrive in order: had the first been sent, it would be here before the second.
    QCOMPARE(m_service->calls.size(), 1);
    QCOMPARE(m_service->calls.first().summary, u"3 poems arrived"_s);
    QCOMPARE(delivered.size(), 1);
}

void TestNotifier::noServiceAndNoTrayShowsNothing()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("a system tray is available here: the fallback would use it");
    QVERIFY(!QDBusConnection(notifierConnection)
                     .interface()
                     ->isServiceRegistered(DesktopNotifier::serviceName));
    DesktopNotifier notifier{QDBusConnection(notifierConnection)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(7, 2);
    QVERIFY(delivered.wait(timeoutMs));
    QCOMPARE(delivered.first().first().value<DesktopNotifier::Channel>(),
             DesktopNotifier::Channel::Nothing);
}

void TestNotifier::noBusShowsNothing()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("a system tray is available here: the fallback would use it");
    DesktopNotifier notifier{QDBusConnection(u"never-connected"_s)};
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(1, 0);
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().first().value<DesktopNotifier::Channel>(),
             DesktopNotifier::Channel::Nothing);
    QVERIFY(m_service->calls.isEmpty());
}

QTEST_MAIN(TestNotifier)
#include "tst_gui_notifier.moc"
