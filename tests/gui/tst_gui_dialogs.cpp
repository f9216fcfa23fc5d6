// The dialogs, typed into as a user would: the add-server dialog checks the address as it is
// typed; the settings dialog round-trips its values.

#include "aboutdialog.h"
#include "addserverdialog.h"
#include "fetchsettings.h"
#include "guitestsupport.h"
#include "settingsdialog.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono;

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aboutIsReadableAtAGlance();
    void initTestCase();
    void addDialogChecksAsTheUserTypes_data();
    void addDialogChecksAsTheUserTypes();
    void addDialogReturnDoesNotAcceptBadAddress();
    void addDialogAcceptsGoodAddress();
    void settingsDialogRoundTrips();
    void fetchSettingsPersist();

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestDialogs::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
}

void TestDialogs::addDialogChecksAsTheUserTypes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("port") << u"10001"_s << true << u"127.0.0.1:10001"_s;
    QTest::newRow("host:port") << u"localhost:10002"_s << true << u"localhost:10002"_s;
    QTest::newRow("ipv6") << u"[::1]:10003"_s << true << u"[::1]:10003"_s;
    QTest::newRow("not a number") << u"localhost:abc"_s << false << u"“abc” is not a number"_s;
    QTest::newRow("no port") << u"localhost"_s << false << u"has no port"_s;
    QTest::newRow("port too big") << u"70000"_s << false << u"between 1 and 65535"_s;
    QTest::newRow("unclosed bracket") << u"[::1:10001"_s << false << u"closing “]”"_s;
}

void TestDialogs::addDialogChecksAsTheUserTypes()
{
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QString, messagePart);

    AddServerDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.okButton()->isEnabled());          // nothing typed yet
    QVERIFY(!dialog.messageLabel()->text().isEmpty()); // but a hint

    dialog.addressEdit()->setFocus();
    QTest::keyClicks(dialog.addressEdit(), typed);
    QCOMPARE(dialog.addressEdit()->text(), typed);
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QCOMPARE(dialog.isAddressValid(), valid);
    QVERIFY2(dialog.messageLabel()->text().contains(messagePart),
             qPrintable(dialog.messageLabel()->text()));
    QCOMPARE(dialog.messageLabel()->textFormat(), Qt::PlainText);
}

void TestDialogs::addDialogReturnDoesNotAcceptBadAddress()
{
    AddServerDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.addressEdit()->setFocus();
    QTest::keyClicks(dialog.addressEdit(), u"local host:1"_s);
    QTest::keyClick(dialog.addressEdit(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.messageLabel()->text().contains(u"space"_s),
             qPrintable(dialog.messageLabel()->text()));

    // Mending the address as the user would: the message changes and OK comes on.
    dialog.addressEdit()->selectAll();
    QTest::keyClicks(dialog.addressEdit(), u"localhost:1"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.messageLabel()->text().contains(u"space"_s));
}

void TestDialogs::addDialogAcceptsGoodAddress()
{
    AddServerDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.addressEdit()->setFocus();
    QTest::keyClicks(dialog.addressEdit(), u"[::1]:10003"_s);
    auto *nameEdit = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    QVERIFY(nameEdit);
    nameEdit->setFocus();
    QTest::keyClicks(nameEdit, u"Loopback six"_s);
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.address(), Address(u"::1"_s, 10003));
    QCOMPARE(dialog.name(), u"Loopback six"_s);
}

void TestDialogs::settingsDialogRoundTrips()
{
    FetchSettings settings;
    settings.options.connectTimeout = 2500ms;
    settings.options.idleTimeout = 0ms;
    settings.options.deadline = 60s;
    settings.options.maxPoemSize = 3 * 1024 * 1024;
    settings.maxConnections = 7;

    SettingsDialog dialog;
    dialog.setSettings(settings);
    QCOMPARE(dialog.settings(), settings);

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *connections = dialog.findChild<QSpinBox *>(u"maxConnections"_s);
    QVERIFY(connections);
    connections->setFocus();
    connections->selectAll();
    QTest::keyClicks(connections, u"12"_s);
    QCOMPARE(dialog.settings().maxConnections, 12);
    auto *idle = dialog.findChild<QDoubleSpinBox *>(u"idleTimeout"_s);
    QVERIFY(idle);
    QCOMPARE(idle->text(), u"No limit"_s);
}

void TestDialogs::fetchSettingsPersist()
{
    QSettings().clear();
    QCOMPARE(FetchSettings::load(QSettings()), FetchSettings());
    FetchSettings settings;
    settings.options.connectTimeout = 1234ms;
    settings.options.deadline = 9s;
    settings.options.maxPoemSize = 0;
    settings.maxConnections = 3;
    {
        QSettings store;
        settings.save(store);
    }
    QCOMPARE(FetchSettings::load(QSettings()), settings);
}

void TestDialogs::aboutIsReadableAtAGlance()
{
    // Issue 12, item 16: the About box was a narrow, heavily wrapped text.
    QApplication::setApplicationVersion(u"9.8.7"_s);
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = dialog.findChild<QLabel *>(u"aboutName"_s);
    QVERIFY(name);
    QCOMPARE(name->text(), u"Poetry Reader 9.8.7"_s);
    auto *qt = dialog.findChild<QLabel *>(u"aboutQtVersion"_s);
    QVERIFY(qt);
    QVERIFY2(qt->text().contains(QString::fromLatin1(qVersion())), qPrintable(qt->text()));
    // Every paragraph in at most three lines: wide, not a column of wrapped words.
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().isEmpty())
            continue;
        const int lines = label->height() / label->fontMetrics().lineSpacing();
        QVERIFY2(lines <= 3, qPrintable(u"%1 lines: %2"_s.arg(lines).arg(label->text())));
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    QVERIFY(dialog.width() >= dialog.fontMetrics().averageCharWidth() * 56);
}

QTEST_MAIN(TestDialogs)
#include "tst_gui_dialogs.moc"
