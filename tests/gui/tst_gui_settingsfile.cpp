// The settings file on disk: damaged, unreadable or holding values of the wrong type or out of
// range at start-up, the real window starts anyway, says so in its notice bar, keeps the file as
// it was next to it and uses the defaults; a file that only begins with a byte order mark is
// read as it is; writes are atomic, a write that fails is reported, and a lock file that can
// never be taken does not hang the window.

#include "downloadmodel.h"
#include "fetchsettings.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "serverlistmodel.h"
#include "settingsfile.h"
#include "settingslock.h"
#include "testservers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLockFile>
#include <QTest>
#include <QToolButton>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(bytes) == bytes.size();
}

QStringList backupsOf(const QString &path)
{
    const QFileInfo info(path);
    return info.dir().entryList({info.fileName() + u".corrupt-*"_s},
                                QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System,
                                QDir::Name);
}

// A test that hangs is a test that never reports: after `limit`, this runs `rescue` on its own
// thread (which must unblock the test's thread) and remembers that it had to.
class Watchdog
{
public:
    Watchdog(std::chrono::milliseconds limit, std::function<void()> rescue)
        : m_thread([this, limit, rescue] {
              std::unique_lock lock(m_mutex);
              if (!m_done.wait_for(lock, limit, [this] { return m_stopped; })) {
                  m_fired = true;
                  rescue();
              }
          })
    { }
    ~Watchdog() { stop(); }
    // Whether it had to step in.
    bool stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_done.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        return m_fired;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_stopped = false;
    std::atomic<bool> m_fired = false;
    std::thread m_thread;
};

} // namespace

Q_DECLARE_METATYPE(SettingsFile::Problem)

class TestSettingsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void damagedFileAtStart_data();
    void damagedFileAtStart();
    void badValuesAreResetAndTheRestKept();
    void outOfRangeNumbersAreRepaired_data();
    void outOfRangeNumbersAreRepaired();
    void numbersAtTheLimitsAreKept();
    void loaderRejectsOutOfRangeNumbers();
    void byteOrderMarkIsRead();
    void overlongServerNameIsCut();
    void byteOrderMarkWithBadValues();
    void lockThatCannotBeTakenDoesNotHang_data();
    void lockThatCannotBeTakenDoesNotHang();
    void unreadableFileAtStart_data();
    void unreadableFileAtStart();
    void goodFileIsLeftAlone();
    void oldBackupsArePruned();
    void qsettingsWritesAtomically();
    void failedWriteIsReported();

private:
    std::unique_ptr<MainWindow> showWindow();
    void removeBackups();

    std::unique_ptr<QTemporaryDir> m_settingsDir;
    QString m_file;
};

void TestSettingsFile::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
    m_file = SettingsFile::defaultFileName();
    QVERIFY2(m_file.startsWith(m_settingsDir->path()), qPrintable(m_file));
}

void TestSettingsFile::init()
{
    // Nothing of the previous test: no file, no backups.
    QFileInfo info(m_file);
    if (info.isDir())
        QDir(m_file).removeRecursively();
    QFile::remove(m_file);
    removeBackups();
}

void TestSettingsFile::removeBackups()
{
    const QDir directory = QFileInfo(m_file).dir();
    for (const QString &name : backupsOf(m_file)) {
        const QString path = directory.filePath(name);
        if (QFileInfo(path).isDir()) {
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QDir(path).removeRecursively();
        } else {
            QFile::remove(path);
        }
    }
}

std::unique_ptr<MainWindow> TestSettingsFile::showWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestSettingsFile::damagedFileAtStart_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QByteArray binary;
    for (int i = 0; i < 512; ++i)
        binary.append(char((i * 167 + 13) % 256));
    QTest::newRow("binary") << binary;
    QTest::newRow("NUL bytes") << QByteArray("[servers]\nsize=1\n1\\address=127.0.0.1:7\0\0\n", 42);
    QTest::newRow("not UTF-8") << QByteArray("[servers]\nsize=1\n1\\name=\xff\xfe\xc3\x28\n"
                                             "1\\address=127.0.0.1:7\n");
    QTest::newRow("unclosed section") << QByteArray("[servers\nsize=1\n1\\address=127.0.0.1:7\n");
    QTest::newRow("line without =") << QByteArray("[fetch]\nmaxConnections 5\n");
    // QSettings would have Qt 6.4 reserve 2^32 list elements while parsing this.
    QTest::newRow("@Variant") << QByteArray("[servers]\nsize=0\n[General]\n"
                                            "x=@Variant(\\0\\0\\0\\xb\\xff\\xff\\xff\\xf0)\n");
    QTest::newRow("HTML") << QByteArray("<html><body><b>not settings</b></body></html>\n");
    QTest::newRow("truncated at a section") << QByteArray("[servers]\nsize=1\n1\\address=127.0.0.1:"
                                                          "7\n[fet");
}

void TestSettingsFile::damagedFileAtStart()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(writeFile(m_file, bytes));
    // The program has run before: a damaged file does not bring the demo back.
    QVERIFY(MainWindow::hasSavedSettings());

    auto window = showWindow();
    QVERIFY(window);
    QCOMPARE(window->settingsCheck().problem, SettingsFile::Problem::NotSettings);
    // The notice: visible, plain text, naming the file and where the damaged one went.
    NoticeBar *notice = window->noticeBar();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->label()->textFormat(), Qt::PlainText);
    const QString backup = window->settingsCheck().backupFileName;
    QVERIFY(!backup.isEmpty());
    QVERIFY2(notice->text().contains(QDir::toNativeSeparators(backup)), qPrintable(notice->text()));
    QVERIFY(notice->text().contains(QDir::toNativeSeparators(m_file)));
    // The backup holds the original bytes, next to the file.
    QCOMPARE(QFileInfo(backup).path(), QFileInfo(m_file).path());
    QCOMPARE(readAll(backup), bytes);
    QCOMPARE(backupsOf(m_file).size(), 1);
    // The defaults are in use.
    QCOMPARE(window->serverModel()->rowCount(), 0);
    QCOMPARE(window->fetchSettings(), FetchSettings());
    // The window works and saves a good file in place of the damaged one.
    QVERIFY(window->serverModel()->addServer(u"After"_s, u"127.0.0.1:9"_s) >= 0);
    QSettings settings;
    QCOMPARE(settings.status(), QSettings::NoError);
    QCOMPARE(settings.value(u"servers/1/address"_s).toString(), u"127.0.0.1:9"_s);
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
    // The notice goes when closed.
    QTest::mouseClick(notice->closeButton(), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
}

void TestSettingsFile::badValuesAreResetAndTheRestKept()
{
    const QByteArray bytes = "[fetch]\n"
                             "maxConnections=lots\n"
                             "connectTimeoutMs=-5\n"
                             "idleTimeoutMs=1234\n"
                             "deadlineMs=1, 2\n"
                             "[servers]\n"
                             "size=4\n"
                             "1\\name=Good one\n"
                             "1\\address=127.0.0.1:7\n"
                             "2\\name=Bad one\n"
                             "2\\address=not an address\n"
                             "3\\name=No address at all\n"
                             "4\\name=Good two\n"
                             "4\\address=localhost:8\n"
                             "[window]\n"
                             "geometry=hello\n";
    QVERIFY(writeFile(m_file, bytes));
    auto window = showWindow();
    QVERIFY(window);
    const SettingsFile::Result &check = window->settingsCheck();
    QCOMPARE(check.problem, SettingsFile::Problem::BadValues);
    QVERIFY(check.repaired);
    for (const QString &key :
         {u"fetch/maxConnections"_s, u"fetch/connectTimeoutMs"_s, u"fetch/deadlineMs"_s,
          u"servers/2/address"_s, u"servers/3/address"_s, u"window/geometry"_s})
        QVERIFY2(check.details.contains(key), qPrintable(key + u": "_s + check.details.join(u' ')));
    QVERIFY(!check.details.contains(u"fetch/idleTimeoutMs"_s));
    QVERIFY(window->noticeBar()->isVisible());
    QVERIFY2(window->noticeBar()->text().contains(u"fetch/maxConnections"_s),
             qPrintable(window->noticeBar()->text()));
    QCOMPARE(readAll(check.backupFileName), bytes);

    // The bad values are back to their defaults, the good ones stay, the valid servers too.
    const FetchSettings defaults;
    QCOMPARE(window->fetchSettings().maxConnections, defaults.maxConnections);
    QCOMPARE(window->fetchSettings().options.connectTimeout, defaults.options.connectTimeout);
    QCOMPARE(window->fetchSettings().options.deadline, defaults.options.deadline);
    QCOMPARE(window->fetchSettings().options.idleTimeout, std::chrono::milliseconds(1234));
    QCOMPARE(window->serverModel()->rowCount(), 2);
    QCOMPARE(window->serverModel()->server(0).name, u"Good one"_s);
    QCOMPARE(window->serverModel()->server(1).name, u"Good two"_s);
    // And the file is clean now.
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
}

void TestSettingsFile::outOfRangeNumbersAreRepaired_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    // The issue's case: accepted as clean, then every fetch failed at once ("not complete by the
    // deadline of 9223372036854776.0 s").
    QTest::newRow("deadline INT64_MAX") << u"deadlineMs"_s << QByteArray("9223372036854775807");
    QTest::newRow("deadline a day and 1 ms") << u"deadlineMs"_s << QByteArray("86400001");
    QTest::newRow("connect 1e13") << u"connectTimeoutMs"_s << QByteArray("10000000000000");
    QTest::newRow("connect beyond INT64")
            << u"connectTimeoutMs"_s << QByteArray("9223372036854775808");
    QTest::newRow("idle -1") << u"idleTimeoutMs"_s << QByteArray("-1");
    QTest::newRow("poem 64 GiB + 1") << u"maxPoemSize"_s << QByteArray("68719476737");
    QTest::newRow("connections 100001") << u"maxConnections"_s << QByteArray("100001");
    QTest::newRow("connections 2^31") << u"maxConnections"_s << QByteArray("2147483648");
    QTest::newRow("connections 0") << u"maxConnections"_s << QByteArray("0");
}

void TestSettingsFile::outOfRangeNumbersAreRepaired()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    const QByteArray bytes = "[fetch]\n" + key.toUtf8() + "=" + value
            + "\n[servers]\nsize=1\n1\\name=Kept\n1\\address=127.0.0.1:7\n";
    QVERIFY(writeFile(m_file, bytes));
    auto window = showWindow();
    QVERIFY(window);
    const SettingsFile::Result &check = window->settingsCheck();
    QCOMPARE(check.problem, SettingsFile::Problem::BadValues);
    QCOMPARE(check.details, QStringList{u"fetch/"_s + key});
    QVERIFY(window->noticeBar()->isVisible());
    QVERIFY2(window->noticeBar()->text().contains(u"fetch/"_s + key),
             qPrintable(window->noticeBar()->text()));
    QCOMPARE(readAll(check.backupFileName), bytes);
    QCOMPARE(window->fetchSettings(), FetchSettings());
    QCOMPARE(window->serverModel()->rowCount(), 1);
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);

    // And fetching works: a real server, a real poem.
    auto server = TestServers::start("A poem within limits.\n");
    window->addAndFetch({server->address().toString()});
    DownloadModel *downloads = window->downloadModel();
    QCOMPARE(downloads->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(downloads->download(0).state(), RequestState::Done, 20'000);
}

void TestSettingsFile::numbersAtTheLimitsAreKept()
{
    const QByteArray bytes = "[fetch]\nconnectTimeoutMs=86400000\nidleTimeoutMs=0\n"
                             "deadlineMs=86400000\nmaxPoemSize=68719476736\n"
                             "maxConnections=100000\n";
    QVERIFY(writeFile(m_file, bytes));
    auto window = showWindow();
    QVERIFY(window);
    QCOMPARE(window->settingsCheck().problem, SettingsFile::Problem::None);
    QVERIFY(!window->noticeBar()->isVisible());
    const FetchSettings loaded = window->fetchSettings();
    QCOMPARE(loaded.options.connectTimeout, std::chrono::hours(24));
    QCOMPARE(loaded.options.idleTimeout, std::chrono::milliseconds(0));
    QCOMPARE(loaded.options.deadline, std::chrono::hours(24));
    QCOMPARE(loaded.options.maxPoemSize, FetchSettings::maxPoemSizeLimit);
    QCOMPARE(loaded.maxConnections, FetchSettings::maxConnectionsLimit);
    QCOMPARE(readAll(m_file), bytes);
}

void TestSettingsFile::loaderRejectsOutOfRangeNumbers()
{
    // FetchSettings::load() alone, on a file the start-up check has not seen: the same ranges.
    QTemporaryDir directory;
    const QString path = directory.filePath(u"unchecked.conf"_s);
    QVERIFY(writeFile(path,
                      "[fetch]\nconnectTimeoutMs=9223372036854775807\nidleTimeoutMs=86400001\n"
                      "deadlineMs=-3\nmaxPoemSize=68719476737\nmaxConnections=100001\n"));
    QCOMPARE(FetchSettings::load(QSettings(path, QSettings::IniFormat)), FetchSettings());
    QVERIFY(writeFile(path, "[fetch]\ndeadlineMs=86400000\nmaxConnections=100000\n"));
    const FetchSettings atLimits = FetchSettings::load(QSettings(path, QSettings::IniFormat));
    QCOMPARE(atLimits.options.deadline, std::chrono::hours(24));
    QCOMPARE(atLimits.maxConnections, 100'000);
}

void TestSettingsFile::byteOrderMarkIsRead()
{
    const QByteArray ini = "[fetch]\nmaxConnections=7\n"
                           "[servers]\nsize=2\n1\\name=Almanac\n1\\address=127.0.0.1:7\n"
                           "2\\name=Harbour\n2\\address=localhost:8\n";
    QVERIFY(writeFile(m_file, "\xEF\xBB\xBF" + ini));
    auto window = showWindow();
    QVERIFY(window);
    // Nothing was wrong: no problem, no notice, no backup, and the user's servers are there.
    QCOMPARE(window->settingsCheck().problem, SettingsFile::Problem::None);
    QVERIFY(!window->noticeBar()->isVisible());
    QVERIFY(backupsOf(m_file).isEmpty());
    QCOMPARE(window->serverModel()->rowCount(), 2);
    QCOMPARE(window->serverModel()->server(0).name, u"Almanac"_s);
    QCOMPARE(window->serverModel()->server(1).address, u"localhost:8"_s);
    QCOMPARE(window->fetchSettings().maxConnections, 7);
    // The same settings, now without the mark QSettings cannot read.
    QCOMPARE(readAll(m_file), ini);
}

void TestSettingsFile::overlongServerNameIsCut()
{
    // A 15 MB name kept the window busy 11 s: cut to the limit at start-up, the rest kept.
    const QByteArray name(2 * 1024 * 1024, 'n');
    const QByteArray bytes = "[servers]\nsize=2\n1\\name=" + name
            + "\n1\\address=127.0.0.1:7\n2\\name=Short\n2\\address=127.0.0.1:8\n";
    QVERIFY(writeFile(m_file, bytes));
    auto window = showWindow();
    QVERIFY(window);
    const SettingsFile::Result &check = window->settingsCheck();
    QCOMPARE(check.problem, SettingsFile::Problem::BadValues);
    QCOMPARE(check.details, QStringList{u"servers/1/name"_s});
    QCOMPARE(readAll(check.backupFileName), bytes);
    QCOMPARE(window->serverModel()->rowCount(), 2);
    QCOMPARE(window->serverModel()->server(0).name, QString(ServerListModel::maxNameLength, u'n'));
    QCOMPARE(window->serverModel()->server(1).name, u"Short"_s);
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
}

void TestSettingsFile::byteOrderMarkWithBadValues()
{
    // Something really wrong besides the mark: the backup keeps the bytes as they were.
    const QByteArray bytes = "\xEF\xBB\xBF[fetch]\nmaxConnections=lots\n"
                             "[servers]\nsize=1\n1\\name=Almanac\n1\\address=127.0.0.1:7\n";
    QVERIFY(writeFile(m_file, bytes));
    auto window = showWindow();
    QVERIFY(window);
    const SettingsFile::Result &check = window->settingsCheck();
    QCOMPARE(check.problem, SettingsFile::Problem::BadValues);
    QCOMPARE(check.details, QStringList{u"fetch/maxConnections"_s});
    QCOMPARE(readAll(check.backupFileName), bytes);
    QCOMPARE(window->serverModel()->rowCount(), 1);
    QCOMPARE(window->serverModel()->server(0).name, u"Almanac"_s);
    QVERIFY(!readAll(m_file).startsWith("\xEF\xBB\xBF"));
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
}

void TestSettingsFile::lockThatCannotBeTakenDoesNotHang_data()
{
    QTest::addColumn<bool>("folder");
    QTest::newRow("a folder at the lock's path") << true;
    QTest::newRow("a lock never released") << false;
}

void TestSettingsFile::lockThatCannotBeTakenDoesNotHang()
{
    QFETCH(bool, folder);
    QVERIFY(writeFile(m_file, "[servers]\nsize=1\n1\\name=Kept\n1\\address=127.0.0.1:7\n"));
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(!window->noticeBar()->isVisible());
    const QString lockName = SettingsLock::lockFileName(m_file);
    // The other program: a lock of this process, which QLockFile never takes for stale.
    auto held = std::make_unique<QLockFile>(lockName);
    if (folder)
        QVERIFY(QDir().mkpath(lockName + u"/inside"_s));
    else
        QVERIFY(held->tryLock(0));

    // A save (adding a server saves the list at once): without the fix, QSettings::sync()
    // waited for the lock forever. The watchdog takes the obstacle away after 20 s, so that a
    // hang fails this test instead of stopping the suite.
    {
        Watchdog watchdog(std::chrono::seconds(20), [&] {
            if (folder)
                QDir(lockName).removeRecursively();
            else
                held->unlock();
        });
        QVERIFY(window->serverModel()->addServer(u"New"_s, u"127.0.0.1:9"_s) >= 0);
        QVERIFY2(!watchdog.stop(), "the save waited for the lock until the watchdog removed it");
    }
    // The notice says why, and the window goes on.
    NoticeBar *notice = window->noticeBar();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->type(), NoticeBar::Type::Error);
    QVERIFY2(notice->text().contains(QDir::toNativeSeparators(lockName)),
             qPrintable(notice->text()));
    if (folder)
        QVERIFY2(notice->text().contains(u"folder"_s), qPrintable(notice->text()));
    QCOMPARE(window->serverModel()->rowCount(), 2);
    QVERIFY(window->isVisible());
    QTest::qWait(50); // the event loop runs

    // Once the lock can be had again, saving works again.
    if (folder)
        QVERIFY(QDir(lockName).removeRecursively());
    else
        held->unlock();
    QVERIFY(window->serverModel()->addServer(u"Later"_s, u"127.0.0.1:10"_s) >= 0);
    QCOMPARE(QSettings().value(u"servers/size"_s).toInt(), 3);
    window.reset(); // closing saves too
    QVERIFY(!QFileInfo::exists(lockName));
}

void TestSettingsFile::unreadableFileAtStart_data()
{
    QTest::addColumn<bool>("directory");
    QTest::newRow("no permission") << false;
    QTest::newRow("a folder in its place") << true;
}

void TestSettingsFile::unreadableFileAtStart()
{
    QFETCH(bool, directory);
    const QByteArray bytes = "[servers]\nsize=1\n1\\address=127.0.0.1:7\n";
    if (directory) {
        QVERIFY(QDir().mkpath(m_file));
        QVERIFY(writeFile(m_file + u"/inside"_s, bytes));
    } else {
        if (geteuid() == 0)
            QSKIP("running as root: chmod 000 does not stop root from reading the file (the "
                  "folder row covers an unreadable file)");
        QVERIFY(writeFile(m_file, bytes));
        QVERIFY(::chmod(QFile::encodeName(m_file).constData(), 0) == 0);
    }
    auto window = showWindow();
    QVERIFY(window);
    const SettingsFile::Result &check = window->settingsCheck();
    QCOMPARE(check.problem, SettingsFile::Problem::Unreadable);
    QVERIFY(check.repaired);
    QVERIFY(window->noticeBar()->isVisible());
    QVERIFY2(window->noticeBar()->text().contains(QDir::toNativeSeparators(check.backupFileName)),
             qPrintable(window->noticeBar()->text()));
    // Moved aside as it was, folder or file, permissions and all.
    if (directory) {
        QVERIFY(QFileInfo(check.backupFileName).isDir());
        QCOMPARE(readAll(check.backupFileName + u"/inside"_s), bytes);
    } else {
        QCOMPARE(QFileInfo(check.backupFileName).permissions() & 0x7777, QFile::Permissions());
        QVERIFY(::chmod(QFile::encodeName(check.backupFileName).constData(), 0600) == 0);
        QCOMPARE(readAll(check.backupFileName), bytes);
    }
    QCOMPARE(window->serverModel()->rowCount(), 0);
    QCOMPARE(window->fetchSettings(), FetchSettings());
    // Settings are saved again.
    QVERIFY(window->serverModel()->addServer({}, u"127.0.0.1:9"_s) >= 0);
    QCOMPARE(QSettings().value(u"servers/size"_s).toInt(), 1);
    QVERIFY(QFileInfo(m_file).isFile());
}

void TestSettingsFile::goodFileIsLeftAlone()
{
    {
        QSettings settings;
        FetchSettings fetch;
        fetch.maxConnections = 7;
        fetch.save(settings);
        ServerListModel servers;
        servers.addServer(u"<b>kept</b>"_s, u"127.0.0.1:7"_s);
        servers.save(settings);
    }
    const QByteArray before = readAll(m_file);
    QVERIFY(!before.isEmpty());
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
    QCOMPARE(readAll(m_file), before);
    auto window = showWindow();
    QVERIFY(window);
    QCOMPARE(window->settingsCheck().problem, SettingsFile::Problem::None);
    QVERIFY(!window->noticeBar()->isVisible());
    QCOMPARE(window->fetchSettings().maxConnections, 7);
    QCOMPARE(window->serverModel()->server(0).name, u"<b>kept</b>"_s);
    QVERIFY(backupsOf(m_file).isEmpty());

    // No file at all (a first start) and an empty one are not problems either.
    window.reset();
    QVERIFY(MainWindow::hasSavedSettings());
    QFile::remove(m_file);
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
    QVERIFY(!MainWindow::hasSavedSettings()); // a first start: the demo
    QVERIFY(writeFile(m_file, {}));
    QCOMPARE(SettingsFile::check(m_file).problem, SettingsFile::Problem::None);
    QVERIFY(!MainWindow::hasSavedSettings());
    QVERIFY(backupsOf(m_file).isEmpty());
}

void TestSettingsFile::oldBackupsArePruned()
{
    for (int i = 0; i < SettingsFile::maxBackups + 3; ++i) {
        QVERIFY(writeFile(m_file, "not settings " + QByteArray::number(i) + "\n"));
        const SettingsFile::Result result = SettingsFile::check(m_file);
        QCOMPARE(result.problem, SettingsFile::Problem::NotSettings);
        QVERIFY(!result.backupFileName.isEmpty());
    }
    const QStringList backups = backupsOf(m_file);
    QCOMPARE(backups.size(), SettingsFile::maxBackups);
    // The newest are kept.
    const QDir directory = QFileInfo(m_file).dir();
    QStringList contents;
    for (const QString &name : backups)
        contents.append(QString::fromUtf8(readAll(directory.filePath(name))).trimmed());
    QVERIFY2(contents.contains(u"not settings %1"_s.arg(SettingsFile::maxBackups + 2)),
             qPrintable(contents.join(u", ")));
    QVERIFY2(!contents.contains(u"not settings 0"_s), qPrintable(contents.join(u", ")));
}

void TestSettingsFile::qsettingsWritesAtomically()
{
    // What SettingsFile's comment says of Qt: each write is a new file renamed over the old one
    // (QSaveFile), never the old file rewritten in place, and nothing is left behind.
    struct stat first
    {
    };
    struct stat second
    {
    };
    {
        QSettings settings;
        settings.setValue(u"fetch/maxConnections"_s, 5);
    }
    QCOMPARE(::stat(QFile::encodeName(m_file).constData(), &first), 0);
    {
        QSettings settings;
        settings.setValue(u"fetch/maxConnections"_s, 6);
    }
    QCOMPARE(::stat(QFile::encodeName(m_file).constData(), &second), 0);
    QVERIFY(first.st_ino != second.st_ino);
    const QStringList left = QFileInfo(m_file).dir().entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, QStringList{QFileInfo(m_file).fileName()});
}

void TestSettingsFile::failedWriteIsReported()
{
    auto window = showWindow();
    QVERIFY(window);
    QVERIFY(!window->noticeBar()->isVisible());
    // A file where the settings folder should be: no write can succeed, not even as root.
    const QString folder = QFileInfo(m_file).path();
    QVERIFY(QDir(folder).removeRecursively());
    QVERIFY(writeFile(m_settingsDir->filePath(u"blocker"_s), "x"));
    QVERIFY(QFile::rename(m_settingsDir->filePath(u"blocker"_s), folder));

    QVERIFY(window->serverModel()->addServer({}, u"127.0.0.1:9"_s) >= 0);
    QVERIFY(window->noticeBar()->isVisible());
    QCOMPARE(window->noticeBar()->type(), NoticeBar::Type::Error);
    QVERIFY2(window->noticeBar()->text().contains(QDir::toNativeSeparators(m_file)),
             qPrintable(window->noticeBar()->text()));
    window.reset();
    QVERIFY(QFile::remove(folder));
    QVERIFY(QDir().mkpath(folder));
}

QTEST_MAIN(TestSettingsFile)
#include "tst_gui_settingsfile.moc"
