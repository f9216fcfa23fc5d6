#include "failure.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = Failure::Kind;

class TestFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typeNamesAreStable();
    void errorMessageFollowsTwisted();
    void checkReturnsTheFirstMatch();
    void trapReturnsOrRethrows();
    void tracebackReadsLikeTwisted();
    void tracebackOpensWithTheUsersAction();
    void functionNames_data();
    void functionNames();
};

void TestFailure::typeNamesAreStable()
{
    QCOMPARE(Failure::typeName(Kind::ConnectionRefused), u"ConnectionRefusedError"_s);
    QCOMPARE(Failure::typeName(Kind::DNSLookup), u"DNSLookupError"_s);
    QCOMPARE(Failure::typeName(Kind::Timeout), u"TimeoutError"_s);
    QCOMPARE(Failure::typeName(Kind::ConnectionLost), u"ConnectionLost"_s);
    QCOMPARE(Failure::typeName(Kind::PoemTooLarge), u"PoemTooLarge"_s);
    QCOMPARE(Failure::typeName(Kind::Cancelled), u"CancelledError"_s);
    QCOMPARE(Failure::typeName(Kind::InvalidAddress), u"InvalidAddress"_s);
    QCOMPARE(Failure::typeName(Kind::NetworkError), u"NetworkError"_s);
}

void TestFailure::errorMessageFollowsTwisted()
{
    Failure refused(Kind::ConnectionRefused, u"Connection was refused by other side"_s);
    refused.setSystemError(111, u"Connection refused"_s);
    QCOMPARE(refused.errorMessage(),
             u"Connection was refused by other side: 111: Connection refused."_s);
    QCOMPARE(refused.systemErrorCode(), 111);

    Failure dns(Kind::DNSLookup, u"DNS lookup failed"_s);
    dns.setSystemError(0, u"Host not found"_s);
    QCOMPARE(dns.errorMessage(), u"DNS lookup failed: Host not found."_s);

    QCOMPARE(Failure(Kind::Cancelled, u"The request was cancelled"_s).errorMessage(),
             u"The request was cancelled."_s);
}

void TestFailure::checkReturnsTheFirstMatch()
{
    const Failure timeout(Kind::Timeout, u"late"_s);
    QCOMPARE(timeout.check(Kind::ConnectionLost, Kind::Timeout), Kind::Timeout);
    QCOMPARE(timeout.check(Kind::Timeout), Kind::Timeout);
    QCOMPARE(timeout.check(Kind::ConnectionLost, Kind::Cancelled), std::nullopt);
    QCOMPARE(timeout.check(), std::nullopt);
}

void TestFailure::trapReturnsOrRethrows()
{
    const Failure lost(Kind::ConnectionLost, u"lost"_s);
    QCOMPARE(lost.trap(Kind::Timeout, Kind::ConnectionLost), Kind::ConnectionLost);
    bool thrown = false;
    try {
        lost.trap(Kind::Timeout, Kind::Cancelled);
    } catch (const FailureException &exception) {
        thrown = true;
        QCOMPARE(exception.failure().kind(), Kind::ConnectionLost);
        QCOMPARE(QByteArray(exception.what()), QByteArray("ConnectionLost: lost."));
    }
    QVERIFY(thrown);
}

void TestFailure::tracebackReadsLikeTwisted()
{
    RequestTrace trace(3, std::source_location::current());
    const int line = __LINE__ - 1;
    trace.addStep(u"queued"_s);
    trace.addStep(u"connecting to 127.0.0.1:10004"_s);
    Failure failure(Kind::ConnectionRefused, u"Connection was refused by other side"_s);
    failure.setSystemError(111, u"Connection refused"_s);
    failure.setTrace(trace);

    const QStringList lines = failure.traceback().split(u'\n');
    QCOMPARE(lines.size(), 6); // 5 lines and the final newline
    QCOMPARE(lines.at(0), u"Traceback (most recent call last):"_s);
    QCOMPARE(lines.at(1),
             u"  request #3 made at tests/core/tst_failure.cpp:%1 in "
             "TestFailure::tracebackReadsLikeTwisted"_s.arg(line));
    QVERIFY2(QRegularExpression(u"^  \\+0\\.00\\d s  queued$"_s).match(lines.at(2)).hasMatch(),
             qPrintable(lines.at(2)));
    QVERIFY(lines.at(3).endsWith(u" s  connecting to 127.0.0.1:10004"_s));
    QCOMPARE(lines.at(4),
             u"ConnectionRefusedError: Connection was refused by other side: 111: "
             "Connection refused."_s);
    QCOMPARE(lines.at(5), QString());
}

void TestFailure::tracebackOpensWithTheUsersAction()
{
    // What the user did (FetchOptions::action), before where the request was made; a header
    // of the caller's (the window's, translated) in place of the stable one.
    RequestTrace trace(4, std::source_location::current());
    trace.setAction(u"Fetch All"_s);
    trace.addStep(u"queued"_s);
    Failure failure(Kind::ConnectionRefused, u"Connection was refused by other side"_s);
    failure.setTrace(trace);
    QStringList lines = failure.traceback().split(u'\n');
    QCOMPARE(lines.at(0), u"Traceback (most recent call last):"_s);
    QCOMPARE(lines.at(1), u"  user action: Fetch All"_s);
    QVERIFY2(lines.at(2).startsWith(u"  request #4 made at "_s), qPrintable(lines.at(2)));
    lines = failure.traceback(u"Header:"_s).split(u'\n');
    QCOMPARE(lines.at(0), u"Header:"_s);
    QCOMPARE(lines.size(), 6);
}

void TestFailure::functionNames_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("name");
    QTest::newRow("member") << QByteArray("void MainWindow::fetchSelected()")
                            << u"MainWindow::fetchSelected"_s;
    QTest::newRow("free") << QByteArray("int main(int, char**)") << u"main"_s;
    QTest::newRow("template") << QByteArray("std::vector<int> f<std::map<int, int> >(int)")
                              << u"f<std::map<int, int> >"_s;
    QTest::newRow("lambda") << QByteArray("MainWindow::MainWindow(QWidget*)::<lambda()>")
                            << u"MainWindow::MainWindow"_s;
}

void TestFailure::functionNames()
{
    QFETCH(QByteArray, signature);
    QFETCH(QString, name);
    QCOMPARE(RequestTrace::functionName(signature.constData()), name);
}

QTEST_GUILESS_MAIN(TestFailure)
#include "tst_failure.moc"
