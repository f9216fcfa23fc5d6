#include "libraryreader.h"

#include "librarysql.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString fetchColumns = u"id, poem_id, session_id, server_name, address, connected, started, "
                             "ended, outcome, failure_type, failure_message, system_error, "
                             "bytes_received, trace"_s;
const QString poemColumns = u"id, title, size, last_server, last_address, first_fetched, "
                            "last_fetched, fetch_count, read, favourite"_s;

LibraryPoem poemFrom(const QSqlQuery &query)
{
    LibraryPoem poem;
    poem.id = query.value(0).toLongLong();
    poem.title = query.value(1).toString();
    poem.size = query.value(2).toLongLong();
    poem.serverName = query.value(3).toString();
    poem.address = query.value(4).toString();
    poem.firstFetched = LibrarySql::fromMs(query.value(5));
    poem.lastFetched = LibrarySql::fromMs(query.value(6));
    poem.fetchCount = query.value(7).toInt();
    poem.read = query.value(8).toBool();
    poem.favourite = query.value(9).toBool();
    return poem;
}

LibraryFetch fetchFrom(const QSqlQuery &query)
{
    LibraryFetch fetch;
    fetch.id = query.value(0).toLongLong();
    fetch.poemId = query.value(1).toLongLong();
    fetch.sessionId = query.value(2).toLongLong();
    fetch.serverName = query.value(3).toString();
    fetch.address = query.value(4).toString();
    fetch.connectedAddress = query.value(5).toString();
    fetch.started = LibrarySql::fromMs(query.value(6));
    fetch.ended = LibrarySql::fromMs(query.value(7));
    fetch.outcome = LibrarySql::outcomeFromName(query.value(8).toString());
    fetch.failureType = query.value(9).toString();
    fetch.failureMessage = query.value(10).toString();
    fetch.systemErrorCode = query.value(11).toInt();
    fetch.bytesReceived = query.value(12).toLongLong();
    fetch.trace = StoredTrace::decode(query.value(13).toString().toUtf8(), &fetch.traceError);
    return fetch;
}

} // namespace

LibraryReader::LibraryReader(const QString &connectionName, bool trigram)
    : m_connectionName(connectionName), m_trigram(trigram)
{ }

QList<LibraryPoem> LibraryReader::search(const QString &text, int limit) const
{
    QList<LibraryPoem> poems;
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.setForwardOnly(true);
    const QStringList words
            = text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts).mid(0, 16);
    QStringList matchTerms;
    QStringList likeTerms;
    for (const QString &word : words) {
        // The trigram index finds words of three characters or more; shorter ones are looked
        // for in the text itself.
        if (m_trigram && word.toUcs4().size() >= 3)
            matchTerms.append(u'"' + QString(word).replace(u'"', u"\"\""_s) + u'"');
        else
            likeTerms.append(word);
    }
    QString sql = u"SELECT "_s + poemColumns + u" FROM poems p"_s;
    if (!likeTerms.isEmpty())
        sql += u" JOIN poem_text t ON t.rowid = p.id"_s;
    sql += u" WHERE p.kept = 1"_s;
    if (!matchTerms.isEmpty())
        sql += u" AND p.id IN (SELECT rowid FROM poem_text WHERE poem_text MATCH ?)"_s;
    for (qsizetype i = 0; i < likeTerms.size(); ++i)
        sql += u" AND t.text LIKE ? ESCAPE '\\'"_s;
    sql += u" ORDER BY p.last_fetched DESC, p.id DESC LIMIT ?"_s;
    if (!query.prepare(sql))
        return poems;
    if (!matchTerms.isEmpty())
        query.addBindValue(matchTerms.join(u' '));
    for (QString term : std::as_const(likeTerms)) {
        term.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        query.addBindValue(QString(u'%' + term + u'%'));
    }
    query.addBindValue(limit);
    if (!query.exec())
        return poems;
    while (query.next())
        poems.append(poemFrom(query));
    return poems;
}

std::optional<LibraryPoem> LibraryReader::poemInfo(qint64 poemId) const
{
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.prepare(u"SELECT "_s + poemColumns + u" FROM poems WHERE id = ?"_s);
    query.addBindValue(poemId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return poemFrom(query);
}

QByteArray LibraryReader::poemBytes(qint64 poemId) const
{
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.prepare(u"SELECT bytes FROM poems WHERE id = ?"_s);
    query.addBindValue(poemId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toByteArray();
}

qint64 LibraryReader::poemCount() const
{
    QSqlQuery query(LibrarySql::database(m_connectionName));
    if (!query.exec(u"SELECT count(*) FROM poems WHERE kept = 1"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QList<LibraryFetch> LibraryReader::fetches(const QString &rest, const QVariantList &values) const
{
    QList<LibraryFetch> list;
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT "_s + fetchColumns + u" FROM fetches "_s + rest))
        return list;
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return list;
    while (query.next())
        list.append(fetchFrom(query));
    return list;
}

QList<LibraryFetch> LibraryReader::history(int limit) const
{
    return fetches(u"ORDER BY id DESC LIMIT ?"_s, {limit});
}

QList<LibraryFetch> LibraryReader::lastResults() const
{
    return fetches(u"WHERE id IN (SELECT max(id) FROM fetches GROUP BY address) ORDER BY id"_s, {});
}

QList<LibraryFetch> LibraryReader::lastSession(qint64 currentSession) const
{
    return fetches(u"WHERE session_id = (SELECT max(id) FROM sessions WHERE id < ?) ORDER BY id"_s,
                   {currentSession});
}
