#include "librarysql.h"

#include "librarystore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace LibrarySql {

int code(const QSqlError &error)
{
    bool ok = false;
    const int value = error.nativeErrorCode().toInt(&ok);
    return ok ? (value & 0xff) : 0;
}

QString words(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

QSqlDatabase database(const QString &connectionName)
{
    return QSqlDatabase::database(connectionName, false);
}

bool exec(const QString &connectionName, const QString &statement, QString *error, int *code)
{
    QSqlQuery query(database(connectionName));
    if (query.exec(statement))
        return true;
    if (error)
        *error = words(query.lastError());
    if (code)
        *code = LibrarySql::code(query.lastError());
    return false;
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

qint64 toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString outcomeName(LibraryOutcome outcome)
{
    switch (outcome) {
    case LibraryOutcome::Poem:
        return u"poem"_s;
    case LibraryOutcome::Failure:
        return u"failure"_s;
    case LibraryOutcome::Interrupted:
        return u"interrupted"_s;
    }
    return u"failure"_s;
}

LibraryOutcome outcomeFromName(const QString &name)
{
    if (name == u"poem")
        return LibraryOutcome::Poem;
    if (name == u"interrupted")
        return LibraryOutcome::Interrupted;
    return LibraryOutcome::Failure;
}

QString indexedText(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes.left(LibraryStore::maxIndexedBytes));
}

} // namespace LibrarySql
