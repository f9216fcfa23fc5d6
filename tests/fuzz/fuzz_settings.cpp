// The settings file at start-up: the fuzzer's bytes are written as the settings file, then the
// start-up code runs on it as the window runs it: SettingsFile::check(), then FetchSettings::load()
// and ServerListModel::load() on what is left. Never a crash, and:
//  - a file check() finds nothing wrong with is left byte for byte as it was;
//  - a damaged or unreadable file is moved aside with exactly its bytes, and is gone;
//  - a file with bad values keeps its bytes in a backup and is repaired for good: checking it
//    again finds nothing, and nothing more is changed;
//  - what the loaders read afterwards is within range: timeouts and sizes >= 0, at least one
//    connection, every server address valid and in its canonical form.

#include "address.h"
#include "fetchsettings.h"
#include "fuzzsupport.h"
#include "serverlistmodel.h"
#include "settingsfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

QTemporaryDir *directory = nullptr;
quint64 counter = 0;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void removeAll(const QString &path)
{
    const QFileInfo info(path);
    const QStringList names = info.dir().entryList({info.fileName() + u"*"_s},
                                                   QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names)
        QFile::remove(info.dir().filePath(name));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication *application = new QCoreApplication(*argc, *argv);
    Q_UNUSED(application);
    QCoreApplication::setOrganizationName(u"org.poetryreader.fuzz"_s);
    QCoreApplication::setApplicationName(u"fuzz-settings"_s);
    directory = new QTemporaryDir;
    if (!directory->isValid())
        Fuzz::fail(u"no temporary folder"_s);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // A new name every time: QSettings caches parsed files by name and only notices a change of
    // size or millisecond time stamp, which two inputs written in the same millisecond may share.
    const QString path = directory->filePath(u"settings-%1.conf"_s.arg(++counter));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            Fuzz::fail(u"cannot write "_s + path);
    }

    const SettingsFile::Result result = SettingsFile::check(path);
    const auto context = [&](const char *what) -> QString {
        return u"%1 (problem %2, details: %3) for input %4"_s.arg(QString::fromUtf8(what))
                .arg(int(result.problem))
                .arg(result.details.join(u"; "_s), Fuzz::show(bytes));
    };
    switch (result.problem) {
    case SettingsFile::Problem::None: {
        // A good file stays as it was, but for a leading UTF-8 byte order mark, which the
        // check removes (QSettings would read "\xEF\xBB\xBF[fetch]" as another group).
        const QByteArray bom("\xEF\xBB\xBF");
        const QByteArray expected = bytes.startsWith(bom) ? bytes.sliced(bom.size()) : bytes;
        Fuzz::check(readAll(path) == expected, [&] { return context("a good file was changed"); });
        Fuzz::check(result.backupFileName.isEmpty(),
                    [&] { return context("a backup of a good file"); });
        break;
    }
    case SettingsFile::Problem::Unreadable:
    case SettingsFile::Problem::NotSettings:
        Fuzz::check(result.repaired, [&] { return context("not moved aside"); });
        Fuzz::check(!QFileInfo::exists(path), [&] { return context("still in place"); });
        Fuzz::check(readAll(result.backupFileName) == bytes,
                    [&] { return context("the backup is not the original"); });
        break;
    case SettingsFile::Problem::BadValues: {
        Fuzz::check(!result.details.isEmpty(), [&] { return context("no bad key named"); });
        Fuzz::check(readAll(result.backupFileName) == bytes,
                    [&] { return context("the backup is not the original"); });
        Fuzz::check(result.repaired, [&] { return context("not repaired"); });
        const QByteArray repaired = readAll(path);
        const SettingsFile::Result again = SettingsFile::check(path);
        Fuzz::check(again.problem == SettingsFile::Problem::None, [&]() -> QString {
            return context("the repaired file is still bad") + u": "_s + again.details.join(u"; ")
                    + u"\nrepaired file: "_s + Fuzz::show(repaired, 2000);
        });
        Fuzz::check(readAll(path) == repaired, [&] { return context("repaired twice"); });
        break;
    }
    }
    Fuzz::check(!result.message().isEmpty() || result.problem == SettingsFile::Problem::None,
                [&] { return context("no message"); });

    // What the window then reads.
    {
        const QSettings settings(path, QSettings::IniFormat);
        const FetchSettings fetch = FetchSettings::load(settings);
        Fuzz::check(fetch.maxConnections > 0 && fetch.options.connectTimeout.count() >= 0
                            && fetch.options.idleTimeout.count() >= 0
                            && fetch.options.deadline.count() >= 0
                            && fetch.options.maxPoemSize >= 0,
                    [&] { return context("fetch settings out of range"); });
        ServerListModel servers;
        servers.load(settings);
        for (int row = 0; row < servers.rowCount(); ++row) {
            const Server &server = servers.server(row);
            const auto address = Address::parse(server.address);
            Fuzz::check(address && address->toString() == server.address && !server.name.isEmpty(),
                        [&] { return context("a loaded server is not valid"); });
        }
    }
    removeAll(path);
    return 0;
}
