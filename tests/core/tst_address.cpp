#include "address.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void roundTrips_data();
    void roundTrips();
};

void TestAddress::accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("port only") << u"10001"_s << u"127.0.0.1"_s << 10001;
    QTest::newRow("port 1") << u"1"_s << u"127.0.0.1"_s << 1;
    QTest::newRow("port 65535") << u"65535"_s << u"127.0.0.1"_s << 65535;
    QTest::newRow("leading zeros") << u"0010001"_s << u"127.0.0.1"_s << 10001;
    QTest::newRow("host:port") << u"example.org:10002"_s << u"example.org"_s << 10002;
    QTest::newRow("localhost") << u"localhost:10002"_s << u"localhost"_s << 10002;
    QTest::newRow("ipv4") << u"192.0.2.7:10003"_s << u"192.0.2.7"_s << 10003;
    QTest::newRow("ipv6 loopback") << u"[::1]:10003"_s << u"::1"_s << 10003;
    QTest::newRow("ipv6 full") << u"[2001:db8::17]:7"_s << u"2001:db8::17"_s << 7;
    QTest::newRow("surrounding spaces") << u"  localhost:10004\n"_s << u"localhost"_s << 10004;
    QTest::newRow("underscore host") << u"my_host:9"_s << u"my_host"_s << 9;
}

void TestAddress::accepts()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString error;
    const auto address = Address::parse(text, &error);
    QVERIFY2(address, qPrintable(error));
    QCOMPARE(address->host(), host);
    QCOMPARE(address->port(), port);
    QVERIFY(address->isValid());
    QVERIFY(error.isEmpty());
}

void TestAddress::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << u""_s << u"empty"_s;
    QTest::newRow("blank") << u"   "_s << u"empty"_s;
    QTest::newRow("port 0") << u"0"_s << u"between 1 and 65535"_s;
    QTest::newRow("port too big") << u"65536"_s << u"between 1 and 65535"_s;
    QTest::newRow("huge port") << u"99999999999999999999999"_s << u"between 1 and 65535"_s;
    QTest::newRow("host port 0") << u"localhost:0"_s << u"between 1 and 65535"_s;
    QTest::newRow("missing port") << u"localhost"_s << u"has no port"_s;
    QTest::newRow("empty port") << u"localhost:"_s << u"port is missing"_s;
    QTest::newRow("non-numeric port") << u"localhost:abc"_s << u"“abc” is not a number"_s;
    QTest::newRow("negative port") << u"localhost:-5"_s << u"not a number"_s;
    QTest::newRow("port with suffix") << u"10001x"_s << u"not a number"_s;
    QTest::newRow("missing host") << u":10001"_s << u"host name is missing"_s;
    QTest::newRow("inner space") << u"local host:10001"_s << u"space"_s;
    QTest::newRow("stray character") << u"local$host:10001"_s << u"“$”"_s;
    QTest::newRow("double colon") << u"::1:10001"_s << u"brackets"_s;
    QTest::newRow("unclosed bracket") << u"[::1:10001"_s << u"closing “]”"_s;
    QTest::newRow("bracket no port") << u"[::1]"_s << u"has no port"_s;
    QTest::newRow("bracket junk") << u"[::1]x10001"_s << u"Unexpected “x10001”"_s;
    QTest::newRow("bracket not ipv6") << u"[hello]:10001"_s << u"not a valid IPv6"_s;
    QTest::newRow("bracket ipv4") << u"[127.0.0.1]:10001"_s << u"not a valid IPv6"_s;
    QTest::newRow("empty label") << u"a..b:10001"_s << u"empty label"_s;
    QTest::newRow("escape sequence") << u"\x1b[31mred:1"_s << u"not allowed"_s;
}

void TestAddress::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    QString error;
    const auto address = Address::parse(text, &error);
    QVERIFY2(!address, qPrintable(address ? address->toString() : QString()));
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    // Parsing without asking for the message must not crash either.
    QVERIFY(!Address::parse(text));
}

void TestAddress::roundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("port") << u"10001"_s << u"127.0.0.1:10001"_s;
    QTest::newRow("name") << u"localhost:2"_s << u"localhost:2"_s;
    QTest::newRow("ipv6") << u"[::1]:3"_s << u"[::1]:3"_s;
}

void TestAddress::roundTrips()
{
    QFETCH(QString, text);
    QFETCH(QString, formatted);
    const auto address = Address::parse(text);
    QVERIFY(address);
    QCOMPARE(address->toString(), formatted);
    QCOMPARE(Address::parse(address->toString()), address);
}

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
