#include "settingsfile.h"

#include "address.h"
#include "fetchsettings.h"
#include "serverlistmodel.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QStringDecoder>
#include <QTemporaryFile>

#include <algorithm>
#include <climits>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// MainWindow::restoreSettings(): QByteArray values from saveState()/saveGeometry().
constexpr const char16_t *byteArrayKeys[] = {
        u"window/geometry",       u"window/state",           u"window/mainSplitter",
        u"window/centreSplitter", u"window/downloadColumns", u"window/serverColumns",
};

// servers/size: a whole number, not negative.
bool isCount(const QVariant &value)
{
    static constexpr FetchSettings::NumberKey count{u"servers/size", 0, INT_MAX};
    return FetchSettings::validNumber(value, count).has_value();
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes); // decodes only when converted to a QString
    Q_UNUSED(text);
    return !decoder.hasError();
}

QString backupNameFor(const QString &fileName)
{
    // "<file>.corrupt-<date>-<time>", then "-2", "-3"… within the same second: always after
    // every backup of that second, even when older ones were pruned, so that names sort by age.
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QString base = u"%1.corrupt-%2"_s.arg(fileName, stamp);
    const QFileInfo info(base);
    int last = 0;
    const QStringList taken = info.dir().entryList({info.fileName() + u"*"_s},
                                                   QDir::AllEntries | QDir::System | QDir::Hidden
                                                           | QDir::NoDotAndDotDot);
    for (const QString &name : taken) {
        const QStringView suffix = QStringView(name).sliced(info.fileName().size());
        bool ok = suffix.isEmpty();
        const int n = ok ? 1 : (suffix.startsWith(u'-') ? suffix.sliced(1).toInt(&ok) : 0);
        if (ok)
            last = std::max(last, n);
    }
    return last == 0 ? base : u"%1-%2"_s.arg(base).arg(last + 1);
}

void pruneBackups(const QString &fileName)
{
    const QFileInfo info(fileName);
    QDir directory = info.dir();
    // The names sort by time: "<file>.corrupt-yyyyMMdd-HHmmss[-n]".
    QStringList backups = directory.entryList({info.fileName() + u".corrupt-*"_s},
                                              QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot
                                                      | QDir::Hidden | QDir::System,
                                              QDir::Name);
    std::sort(backups.begin(), backups.end(), [](const QString &a, const QString &b) {
        // "-20240101-120000-10" after "-20240101-120000-9": compare by length first within a
        // second, then by name.
        const QString stampA = a.section(u".corrupt-"_s, -1);
        const QString stampB = b.section(u".corrupt-"_s, -1);
        if (stampA.left(15) != stampB.left(15))
            return stampA < stampB;
        return stampA.size() != stampB.size() ? stampA.size() < stampB.size() : stampA < stampB;
    });
    while (backups.size() > SettingsFile::maxBackups) {
        const QString oldest = directory.filePath(backups.takeFirst());
        if (QFileInfo(oldest).isDir() && !QFileInfo(oldest).isSymLink())
            QDir(oldest).removeRecursively();
        else
            QFile::remove(oldest);
    }
}

// Moves the file aside; the backup name, or empty (and *error) if it could not be moved.
QString moveAside(const QString &fileName, QString *error)
{
    const QString backup = backupNameFor(fileName);
    // rename(2) for files and folders alike: the bytes stay exactly as they were, even those
    // of a file this process cannot read.
    if (!QDir().rename(fileName, backup)) {
        QFile file(fileName);
        *error = file.exists() ? SettingsFile::tr("it cannot be moved") : QString();
        return {};
    }
    pruneBackups(fileName);
    return backup;
}

struct ServerEntry
{
    QString name;
    QString address;
};

struct ValueCheck
{
    QStringList badKeys;
    bool serversDamaged = false; // the list must be written again, with goodServers only
    QList<ServerEntry> goodServers;
};

// The values as the loaders read them (FetchSettings::load(), ServerListModel::load(),
// MainWindow::restoreSettings()): the keys whose values they would drop or misread.
ValueCheck checkValues(const QSettings &settings)
{
    ValueCheck check;
    // The numbers, each within its range (FetchSettings::numberKeys()).
    for (const FetchSettings::NumberKey &number : FetchSettings::numberKeys()) {
        const QString key = QString::fromUtf16(number.key);
        if (settings.contains(key) && !FetchSettings::validNumber(settings.value(key), number))
            check.badKeys.append(key);
    }
    for (const char16_t *keyName : byteArrayKeys) {
        const QString key = QString::fromUtf16(keyName);
        if (settings.contains(key) && settings.value(key).typeId() != QMetaType::QByteArray)
            check.badKeys.append(key);
    }

    // The server list: servers/size, then servers/N/name and servers/N/address.
    static const QRegularExpression entryKey(u"^servers/(\\d{1,9})/(name|address)$"_s);
    bool sizeOk = true;
    int size = 0;
    if (settings.contains(u"servers/size"_s)) {
        const QVariant value = settings.value(u"servers/size"_s);
        sizeOk = isCount(value);
        size = sizeOk ? value.toInt() : 0;
        if (!sizeOk)
            check.badKeys.append(u"servers/size"_s);
    }
    std::map<int, ServerEntry> entries; // by index, as the loader reads them
    QStringList badServerKeys;
    for (const QString &key : settings.allKeys()) {
        const auto match = entryKey.match(key);
        if (!match.hasMatch())
            continue;
        const int index = match.captured(1).toInt();
        // The loader reads 1 to size; leftovers beyond are ignored there, and so here, unless
        // the size itself is damaged: then every entry there is counts.
        if (index < 1 || (sizeOk && index > size))
            continue;
        const QVariant value = settings.value(key);
        if (value.typeId() != QMetaType::QString) {
            badServerKeys.append(key);
            continue;
        }
        ServerEntry &entry = entries[index];
        (match.captured(2) == u"name"_s ? entry.name : entry.address) = value.toString();
    }
    const QSet<QString> badTypes(badServerKeys.cbegin(), badServerKeys.cend());
    for (auto &[index, entry] : entries) {
        const QString prefix = u"servers/%1/"_s.arg(index);
        if (badTypes.contains(prefix + u"address"_s))
            continue;
        if (!Address::parse(entry.address)) {
            badServerKeys.append(prefix + u"address"_s);
            continue;
        }
        if (entry.name.size() > ServerListModel::maxNameLength) { // kept, cut to the limit
            badServerKeys.append(prefix + u"name"_s);
            entry.name = ServerListModel::cleanName(entry.name);
        }
        check.goodServers.append(entry);
    }
    check.badKeys += badServerKeys;
    check.serversDamaged = !badServerKeys.isEmpty() || !sizeOk;
    return check;
}

// Whether these bytes, as a settings file, parse and hold no bad value (checked through a file
// of a fresh name, for the reason check() gives).
// What makes bytes not a settings file of ours before QSettings is even asked: QSettings
// writes UTF-8 text with every control character escaped, and never an "@Variant(…)" for this
// program's values. QSettings decodes "@Variant(…)" with QDataStream while it parses, and Qt 6.4
// reserves as many list elements as the bytes claim: 20 bytes make it allocate 15 GB (found by
// the fuzzer). Empty when none.
QString rawProblem(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return u"NUL bytes"_s;
    if (!isValidUtf8(bytes))
        return u"not UTF-8"_s;
    if (bytes.contains("@Variant("))
        return u"@Variant value"_s;
    return {};
}

// Whether a repaired file checks clean. QSettings rewrites a whole file its own way, and may
// write what the check refuses (a value it parsed as a variant comes back as "@Variant(…)":
// found by the fuzzer), so the raw bytes are looked at first, as check() does.
bool isClean(const QByteArray &bytes)
{
    if (!rawProblem(bytes).isEmpty())
        return false;
    QTemporaryFile file(QDir::temp().filePath(u"poetry-reader-settings-XXXXXX"_s));
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush())
        return false;
    file.close();
    const QSettings settings(file.fileName(), QSettings::IniFormat);
    settings.allKeys();
    return settings.status() == QSettings::NoError && checkValues(settings).badKeys.isEmpty();
}

} // namespace

QString SettingsFile::defaultFileName()
{
    return QSettings().fileName();
}

SettingsFile::Result SettingsFile::check(const QString &fileName)
{
    Result result;
    result.fileName = fileName;
    // Beyond repair: the file is renamed aside, its bytes kept as the backup.
    const auto setAside = [&] {
        QString moveError;
        result.backupFileName = moveAside(fileName, &moveError);
        result.repaired = !result.backupFileName.isEmpty();
        if (!moveError.isEmpty())
            result.details.append(moveError);
    };
    const QFileInfo info(fileName);
    if (!info.exists())
        return result; // a first start (or a dangling link, which QSettings also reads as empty)

    // Unreadable: a folder in its place, no permission, an I/O error.
    QFile file(fileName);
    QString readError;
    if (info.isDir())
        readError = tr("it is a folder, not a file");
    else if (!info.isFile()) // a pipe would block the start, a device never end
        readError = tr("it cannot be read");
    else if (!file.open(QIODevice::ReadOnly))
        readError = file.errorString();
    QByteArray bytes;
    if (readError.isEmpty()) {
        if (file.size() > maxSize) {
            result.problem = Problem::NotSettings;
            result.details.append(u"larger than %1 bytes"_s.arg(maxSize));
        } else {
            // readAll(), not read(maxSize + 1): that allocates (and clears) 16 MiB for any file.
            bytes = file.readAll();
            if (file.error() != QFileDevice::NoError)
                readError = file.errorString();
            else if (bytes.size() > maxSize) // grew since size() was asked
                result.problem = Problem::NotSettings;
        }
    }
    file.close();
    // A byte order mark, as some editors write at the start of UTF-8 text: QSettings reads it as
    // part of the first line and so the whole file as damaged, but nothing is wrong with it. It
    // is checked without the mark, and the file is written again without it (below).
    const bool byteOrderMark = bytes.startsWith("\xEF\xBB\xBF");
    if (byteOrderMark)
        bytes.remove(0, 3);
    if (!readError.isEmpty()) {
        result.problem = Problem::Unreadable;
        result.details.append(readError);
        setAside();
        return result;
    }

    // Not a settings file: QSettings writes UTF-8 text with every control character escaped,
    // and a file it cannot parse is not ours either.
    if (result.problem == Problem::None) {
        if (const QString problem = rawProblem(bytes); !problem.isEmpty()) {
            result.details.append(problem);
            result.problem = Problem::NotSettings;
        }
    }
    // QSettings is asked about a private copy of the bytes just read, not about the file: it
    // caches what it parsed by file name, trusting a file whose size and time stamp (to the
    // millisecond) have not changed, and it reports a parse error only to the QSettings that
    // parsed. A fresh name gets a fresh parse of exactly these bytes.
    QTemporaryFile copy(fileName + u".check-XXXXXX"_s);
    if (result.problem == Problem::None && !copy.open()) {
        copy.setFileTemplate(QDir::temp().filePath(u"poetry-reader-settings-XXXXXX"_s));
        if (!copy.open())
            readError = copy.errorString();
    }
    std::optional<QSettings> settings;
    if (result.problem == Problem::None && readError.isEmpty()) {
        if (copy.write(bytes) != bytes.size() || !copy.flush())
            readError = copy.errorString();
        copy.close();
    }
    if (result.problem == Problem::None && !readError.isEmpty()) {
        // No room for a copy: nothing can be checked, and nothing is touched.
        result.details.append(readError);
        return result;
    }
    if (result.problem == Problem::None) {
        settings.emplace(copy.fileName(), QSettings::IniFormat);
        settings->allKeys(); // QSettings parses sections lazily: all of them, for status()
        if (settings->status() == QSettings::FormatError) {
            result.problem = Problem::NotSettings;
            result.details.append(u"not an INI file"_s);
        } else if (settings->status() != QSettings::NoError) {
            result.details.append(u"the copy cannot be read"_s);
            return result;
        }
    }
    if (result.problem != Problem::None) {
        settings.reset();
        setAside();
        return result;
    }

    // INI, UTF-8: now the values, as the loaders will read them.
    const ValueCheck values = checkValues(*settings);
    if (values.badKeys.isEmpty()) {
        if (byteOrderMark) {
            // Nothing really wrong: no backup, no notice; the same settings, which QSettings
            // can read. If the file cannot be written, QSettings reads it as empty: say so.
            QSaveFile out(fileName);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()
                || !out.commit()) {
                result.problem = Problem::Unreadable;
                result.repaired = false;
                result.details.append(out.errorString());
            }
        }
        return result;
    }

    // Some values are bad: keep the file as it was, then remove them, so that those settings
    // are back to their defaults and the rest (the valid servers above all) stays.
    result.problem = Problem::BadValues;
    result.details = values.badKeys;
    const QString backup = backupNameFor(fileName);
    if (QFile::copy(fileName, backup)) {
        result.backupFileName = backup;
        pruneBackups(fileName);
    }
    for (const QString &key : values.badKeys) {
        if (!key.startsWith(u"servers/"_s))
            settings->remove(key);
    }
    if (values.serversDamaged) {
        settings->remove(u"servers"_s);
        settings->beginWriteArray(u"servers"_s, int(values.goodServers.size()));
        for (qsizetype i = 0; i < values.goodServers.size(); ++i) {
            settings->setArrayIndex(int(i));
            settings->setValue(u"name"_s, values.goodServers.at(i).name);
            settings->setValue(u"address"_s, values.goodServers.at(i).address);
        }
        settings->endArray();
    }
    settings->sync();
    const bool written = settings->status() == QSettings::NoError;
    settings.reset();
    QFile copyFile(copy.fileName());
    const QByteArray repaired
            = written && copyFile.open(QIODevice::ReadOnly) ? copyFile.readAll() : QByteArray();
    // QSettings rewrites the whole file in its own way, and does not always read back what it
    // wrote (a key ending in "/" is written as "key\=value", which it then cannot parse: found
    // by the fuzzer). The repair counts only if the result checks clean; otherwise the file is
    // beyond repair and the program starts with the defaults, as for a damaged file.
    if (written && isClean(repaired)) {
        QSaveFile out(fileName); // a new file renamed over the old one, as QSettings writes
        result.repaired = out.open(QIODevice::WriteOnly) && out.write(repaired) == repaired.size()
                && out.commit();
        return result;
    }
    result.problem = Problem::NotSettings;
    if (result.backupFileName.isEmpty()) {
        setAside();
    } else {
        result.repaired = QFile::remove(fileName);
    }
    return result;
}

QString SettingsFile::Result::message() const
{
    const QString file = QDir::toNativeSeparators(fileName);
    const QString backup = QDir::toNativeSeparators(backupFileName);
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Unreadable:
        if (!repaired)
            break;
        return tr("The settings file “%1” could not be read (%2). The program started with the "
                  "default settings; the file was moved to “%3”.")
                .arg(file, details.value(0), backup);
    case Problem::NotSettings:
        if (!repaired)
            break;
        return tr("The settings file “%1” was damaged. The program started with the default "
                  "settings; the damaged file was kept as “%2”.")
                .arg(file, backup);
    case Problem::BadValues: {
        QStringList shown = details.mid(0, 5);
        if (details.size() > shown.size())
            shown.append(u"…"_s);
        const QString keys = shown.join(u", "_s);
        if (backupFileName.isEmpty())
            return tr("Some settings in “%1” were not valid and are back to their defaults: %2.")
                    .arg(file, keys);
        return tr("Some settings in “%1” were not valid and are back to their defaults: %2. The "
                  "file as it was is kept as “%3”.")
                .arg(file, keys, backup);
    }
    }
    return tr("The settings file “%1” could not be read or repaired (%2). The program uses the "
              "default settings and may not be able to save changes.")
            .arg(file, details.join(u"; "_s));
}
