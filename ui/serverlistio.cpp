#include "serverlistio.h"

#include "address.h"
#include "plainmessage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

QString fileFilter()
{
    return ServerListIo::tr("Text files (*.txt *.list);;All files (*)");
}

QString startFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

// One line without a tab: all addresses, or a name and then one address.
void parseWords(const QString &line, int number, ServerListIo::Parsed *parsed)
{
    static const QRegularExpression space(u"\\s+"_s);
    const QStringList words = line.split(space, Qt::SkipEmptyParts);
    QString lastError;
    const auto last = Address::parse(words.constLast(), &lastError);
    qsizetype addresses = 0;
    for (const QString &word : words)
        addresses += Address::parse(word).has_value() ? 1 : 0;
    if (addresses == words.size()) {
        for (const QString &word : words)
            parsed->entries.append({QString(), word});
    } else if (last && addresses == 1) {
        const QString name = line.left(line.lastIndexOf(words.constLast())).trimmed();
        parsed->entries.append({name, words.constLast()});
    } else {
        const QString message = last ? ServerListIo::tr("a line holds addresses, or a name and "
                                                        "then one address")
                                     : lastError;
        parsed->errors.append({number, line, message});
    }
}

} // namespace

ServerListIo::Parsed ServerListIo::parse(const QString &text)
{
    Parsed parsed;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        if (i == 0 && line.startsWith(QChar(0xfeff))) // a byte order mark
            line = line.sliced(1).trimmed();
        // A line with a tab is a server even if its name begins with '#'.
        const qsizetype tab = line.lastIndexOf(u'\t');
        if (line.isEmpty() || (line.startsWith(u'#') && tab < 0))
            continue;
        const int number = int(i + 1);
        if (tab < 0) {
            parseWords(line, number, &parsed);
            continue;
        }
        const QString address = line.sliced(tab + 1).trimmed();
        QString error;
        if (!Address::parse(address, &error))
            parsed.errors.append({number, line, error});
        else
            parsed.entries.append({line.left(tab).trimmed(), address});
    }
    return parsed;
}

QString ServerListIo::format(const ServerListModel &model)
{
    QString text = u"# Poetry Reader servers: NAME<TAB>ADDRESS, one a line\n"_s;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Server &server = model.server(row);
        if (!server.demo)
            text += server.name + u'\t' + server.address + u'\n';
    }
    return text;
}

int ServerListIo::importText(QWidget *parent, ServerListModel *model, const QString &text)
{
    const Parsed parsed = parse(text);
    const int added = model->addServers(parsed.entries);
    if (!parsed.errors.isEmpty()) {
        QStringList details;
        for (const LineError &error : parsed.errors) {
            const QString shown = error.text.size() > 80 ? error.text.left(79) + u'…' : error.text;
            details.append(tr("Line %1: “%2”: %3").arg(error.line).arg(shown, error.message));
        }
        PlainMessage::warn(
                parent, tr("Import Servers"),
                tr("%n line(s) could not be read as a server.", "", int(parsed.errors.size())),
                details.join(u'\n'));
    }
    return added;
}

std::optional<QString> ServerListIo::readFile(const QString &fileName, QString *error)
{
    QFile file(fileName);
    const QString shown = QDir::toNativeSeparators(fileName);
    if (file.size() > maxFileSize) {
        if (error)
            *error = tr("“%1” is too large to be a list of servers.").arg(shown);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("“%1” could not be read: %2").arg(shown, file.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(file.read(maxFileSize));
}

std::optional<QString> ServerListIo::chooseAndReadFile(QWidget *parent)
{
    const QString fileName = QFileDialog::getOpenFileName(parent, tr("Import Servers"),
                                                          startFolder(), fileFilter());
    if (fileName.isEmpty())
        return std::nullopt;
    QString error;
    auto text = readFile(fileName, &error);
    if (!text)
        PlainMessage::warn(parent, tr("Import Servers"), error);
    return text;
}

QString ServerListIo::chooseAndWriteFile(QWidget *parent, const ServerListModel &model)
{
    const QString fileName = QFileDialog::getSaveFileName(
            parent, tr("Export Servers"), QDir(startFolder()).filePath(u"servers.txt"_s),
            fileFilter());
    if (fileName.isEmpty())
        return {};
    // The dialog ran an event loop: the list is formatted now, as it is.
    const QByteArray bytes = format(model).toUtf8();
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        PlainMessage::warn(parent, tr("Export Servers"),
                           tr("The servers could not be saved to “%1”: %2")
                                   .arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return {};
    }
    return tr("Exported the servers to “%1”.").arg(QDir::toNativeSeparators(fileName));
}
