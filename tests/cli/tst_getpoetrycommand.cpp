// GetPoetryCommand ("Copy as Command"): the command line it writes is read back by a real POSIX
// shell into exactly the words meant, those words are parsed by get-poetry's own option parser
// into the same address and limits, and the real get-poetry run by the shell on that line
// against real servers does what the download did.

#include "getpoetrycommand.h"
#include "getpoetryoptions.h"
#include "serverthread.h"
#include "testpoems.h"
#include "testservers.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono;

Q_DECLARE_METATYPE(FetchOptions)

namespace {

const QString getPoetryPath = QStringLiteral(GET_POETRY_PATH);

struct ShellRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// `shell -c script arguments…`, to the end (servers run on threads of their own); get-poetry is
// found on PATH, as it is once installed.
ShellRun runShell(const QString &shell, const QString &script, const QStringList &arguments = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s,
                       QFileInfo(getPoetryPath).absolutePath() + u':'
                               + environment.value(u"PATH"_s));
    environment.insert(u"HOME"_s, u"/home-that-must-not-appear"_s);
    process.setProcessEnvironment(environment);
    process.start(shell, QStringList{u"-c"_s, script, u"sh"_s} + arguments);
    process.closeWriteChannel();
    ShellRun run;
    run.finished = process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished)
        process.kill();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// The words a shell makes of `line`: it runs `set -- LINE` and prints each word with a NUL.
QStringList shellWords(const QString &shell, const QString &line, QByteArray *error)
{
    const ShellRun run = runShell(shell, uR"(eval "set -- $1" && printf '%s\0' "$@")"_s, {line});
    *error = run.err;
    if (!run.finished || run.exitCode != 0 || !run.out.endsWith('\0'))
        return {};
    QStringList words;
    for (const QByteArray &word : run.out.chopped(1).split('\0'))
        words << QString::fromUtf8(word);
    return words;
}

QStringList shells()
{
    QStringList found{u"/bin/sh"_s};
    if (const QString bash = QStandardPaths::findExecutable(u"bash"_s); !bash.isEmpty())
        found << bash;
    return found;
}

FetchOptions limits(milliseconds connect, milliseconds idle, milliseconds deadline, qint64 size)
{
    FetchOptions options;
    options.connectTimeout = connect;
    options.idleTimeout = idle;
    options.deadline = deadline;
    options.maxPoemSize = size;
    return options;
}

} // namespace

class TestGetPoetryCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellQuoted_data();
    void shellQuoted();
    void secondsText_data();
    void secondsText();
    void namesOnlyWhatDiffersFromTheDefault();
    void roundTripThroughShellAndParser_data();
    void roundTripThroughShellAndParser();
    void realGetPoetryFetchesWithTheDefaults();
    void realGetPoetryAppliesTheSizeLimit();
    void realGetPoetryAppliesAFractionalIdleTimeout();
    void realGetPoetryGetsAnOddAddressUntouched_data();
    void realGetPoetryGetsAnOddAddressUntouched();
};

void TestGetPoetryCommand::shellQuoted_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain address") << u"127.0.0.1:10001"_s << u"127.0.0.1:10001"_s;
    QTest::newRow("option") << u"--max-size"_s << u"--max-size"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("IPv6") << u"[::1]:10001"_s << u"'[::1]:10001'"_s;
    QTest::newRow("space") << u"my server"_s << u"'my server'"_s;
    QTest::newRow("single quote") << u"it's"_s << uR"('it'\''s')"_s;
    QTest::newRow("only quotes") << u"''"_s << uR"(''\'''\''')"_s;
    QTest::newRow("dollar") << u"$HOME"_s << u"'$HOME'"_s;
    QTest::newRow("non-ASCII") << u"ポエム"_s << u"'ポエム'"_s;
    QTest::newRow("tilde") << u"~user"_s << u"'~user'"_s;
    QTest::newRow("comment") << u"#x"_s << u"'#x'"_s;
}

void TestGetPoetryCommand::shellQuoted()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(GetPoetryCommand::shellQuoted(word), quoted);
}

void TestGetPoetryCommand::secondsText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0"_s;
    QTest::newRow("one ms") << qint64(1) << u"0.001"_s;
    QTest::newRow("tenths") << qint64(2500) << u"2.5"_s;
    QTest::newRow("hundredths") << qint64(1020) << u"1.02"_s;
    QTest::newRow("whole") << qint64(30000) << u"30"_s;
    QTest::newRow("a day and a ms") << qint64(86'400'001) << u"86400.001"_s;
    QTest::newRow("negative") << qint64(-5) << u"0"_s;
    QTest::newRow("above the maximum") << qint64(1e12) << u"1000000"_s;
}

void TestGetPoetryCommand::secondsText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(GetPoetryCommand::seconds(milliseconds(ms)), text);
}

void TestGetPoetryCommand::namesOnlyWhatDiffersFromTheDefault()
{
    FetchOptions options;
    options.action = u"Fetch All"_s;
    QCOMPARE(GetPoetryCommand::command(u"10001"_s, options), u"get-poetry 10001"_s);

    options.idleTimeout = milliseconds(2500);
    QCOMPARE(GetPoetryCommand::command(u"localhost:10001"_s, options),
             u"get-poetry --idle-timeout 2.5 localhost:10001"_s);

    options = limits(seconds(3), milliseconds(0), seconds(60), 1000);
    QCOMPARE(GetPoetryCommand::arguments(u"[::1]:10002"_s, options),
             (QStringList{u"--connect-timeout"_s, u"3"_s, u"--idle-timeout"_s, u"0"_s,
                          u"--deadline"_s, u"60"_s, u"--max-size"_s, u"1000"_s, u"[::1]:10002"_s}));

    // An address that looks like an option comes after "--".
    QCOMPARE(GetPoetryCommand::arguments(u"-x:1"_s, FetchOptions()),
             (QStringList{u"--"_s, u"-x:1"_s}));
}

void TestGetPoetryCommand::roundTripThroughShellAndParser_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<FetchOptions>("options");
    QTest::addColumn<FetchOptions>("parsed"); // what get-poetry reads the limits as

    const FetchOptions defaults;
    const FetchOptions custom = limits(milliseconds(1), milliseconds(2500), hours(24), 0);
    const FetchOptions noLimits = limits(milliseconds(0), milliseconds(0), milliseconds(0), 0);
    QTest::newRow("port") << u"10001"_s << defaults << defaults;
    QTest::newRow("host:port, every limit") << u"poems.example.org:10001"_s << custom << custom;
    QTest::newRow("no limits") << u"[::1]:10003"_s << noLimits << noLimits;
    QTest::newRow("spaces") << u"my poetry server:1"_s << custom << custom;
    QTest::newRow("quotes") << u"it's \"the\" 'server':1"_s << defaults << defaults;
    QTest::newRow("dollar and expansions")
            << u"$HOME ${PATH} $(id) `id` $((1+1)):1"_s << custom << custom;
    QTest::newRow("Japanese and Korean") << u"ポエム・サーバー 시 서버:10001"_s << custom << custom;
    QTest::newRow("shell syntax") << u"a;b&c|d>e<f*g?h[i]!j#k\\l~m{n,o}"_s << defaults << defaults;
    QTest::newRow("newline and tab") << u"line\nbreak\tand tab"_s << defaults << defaults;
    QTest::newRow("leading dash") << u"-rf:1"_s << custom << custom;
    QTest::newRow("looks like --help") << u"--help"_s << defaults << defaults;
    QTest::newRow("empty") << QString() << defaults << defaults;

    FetchOptions negative = limits(milliseconds(-1), milliseconds(-30), milliseconds(-1), -1);
    QTest::newRow("negative limits are none") << u"1"_s << negative << noLimits;
    FetchOptions huge = limits(hours(24 * 365), milliseconds(1), milliseconds(1), 1);
    FetchOptions hugeParsed = huge;
    hugeParsed.connectTimeout = milliseconds(qint64(GetPoetryCommand::maxSeconds) * 1000);
    QTest::newRow("longer than get-poetry takes") << u"1"_s << huge << hugeParsed;
}

void TestGetPoetryCommand::roundTripThroughShellAndParser()
{
    QFETCH(QString, address);
    QFETCH(FetchOptions, options);
    QFETCH(FetchOptions, parsed);
    options.action = u"Fetch"_s; // not part of the command
    const QString line = GetPoetryCommand::command(address, options);

    for (const QString &shell : shells()) {
        QByteArray error;
        const QStringList words = shellWords(shell, line, &error);
        QVERIFY2(!words.isEmpty(),
                 qPrintable(shell + u": " + line + u"\n"_s + QString::fromUtf8(error)));
        QCOMPARE(words.first(), u"get-poetry"_s);
        QCOMPARE(words.mid(1), GetPoetryCommand::arguments(address, options));

        QCommandLineParser parser;
        GetPoetryOptions::setUp(parser);
        QVERIFY2(parser.parse(words), qPrintable(parser.errorText()));
        QCOMPARE(parser.positionalArguments(), QStringList{address});
        QCOMPARE(GetPoetryOptions::fetchOptions(parser), parsed);
    }
}

void TestGetPoetryCommand::realGetPoetryFetchesWithTheDefaults()
{
    const QByteArray poem = TestPoems::utf8Poem(3000);
    ServerThread servers(TestServers::options(poem), 1);
    servers.start();
    const QList<Address> addresses = servers.waitForAddresses();
    QCOMPARE(addresses.size(), 1);

    const QString line = GetPoetryCommand::command(addresses.first().toString(), FetchOptions());
    const ShellRun run = runShell(u"/bin/sh"_s, line);
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, poem + '\n');
}

void TestGetPoetryCommand::realGetPoetryAppliesTheSizeLimit()
{
    ServerThread servers(TestServers::options(TestPoems::utf8Poem(3000)), 1);
    servers.start();
    const QList<Address> addresses = servers.waitForAddresses();
    QCOMPARE(addresses.size(), 1);

    FetchOptions options;
    options.maxPoemSize = 100;
    const ShellRun run = runShell(u"/bin/sh"_s,
                                  GetPoetryCommand::command(addresses.first().toString(), options));
    QVERIFY2(run.finished && run.exitCode == 1, run.err.constData());
    QVERIFY2(run.err.contains("PoemTooLarge"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestGetPoetryCommand::realGetPoetryAppliesAFractionalIdleTimeout()
{
    ServerThread servers(TestServers::options({}, PoetryServer::Fault::Stall), 1);
    servers.start();
    const QList<Address> addresses = servers.waitForAddresses();
    QCOMPARE(addresses.size(), 1);

    FetchOptions options;
    options.idleTimeout = milliseconds(300);
    const QString line = GetPoetryCommand::command(addresses.first().toString(), options);
    QVERIFY2(line.contains(u"--idle-timeout 0.3 "_s), qPrintable(line));
    const ShellRun run = runShell(u"/bin/sh"_s, line);
    QVERIFY2(run.finished && run.exitCode == 1, run.err.constData());
    QVERIFY2(run.err.contains("TimeoutError"), run.err.constData());
}

void TestGetPoetryCommand::realGetPoetryGetsAnOddAddressUntouched_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("message");
    QTest::newRow("spaces, quotes, dollar, Japanese")
            << u"it's a \"$HOME\" ポエム:1"_s
            << u"The address “it's a \"$HOME\" ポエム:1” contains a space."_s;
    QTest::newRow("dollar in a host name")
            << u"$HOME:1"_s
            << u"The host name “$HOME” contains the character “$”, which is not allowed in host "
               "names."_s;
    QTest::newRow("backquotes") << u"`true`:1"_s
                                << u"The host name “`true`” contains the character “`”"_s;
}

void TestGetPoetryCommand::realGetPoetryGetsAnOddAddressUntouched()
{
    // get-poetry echoes an address it cannot use: the shell handed it over unchanged.
    QFETCH(QString, address);
    QFETCH(QString, message);
    const ShellRun run = runShell(u"/bin/sh"_s, GetPoetryCommand::command(address, FetchOptions()));
    QVERIFY2(run.finished && run.exitCode == 2, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestGetPoetryCommand)
#include "tst_getpoetrycommand.moc"
