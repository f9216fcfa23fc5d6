#include "librarywriter.h"

#include "librarysql.h"

#include <QDateTime>
#include <QSqlError>

using namespace Qt::StringLiterals;
using LibrarySql::text;

LibraryWriter::LibraryWriter(const QString &connectionName)
    : m_connectionName(connectionName),
      m_findPoem(LibrarySql::database(connectionName)),
      m_insertPoem(LibrarySql::database(connectionName)),
      m_updatePoem(LibrarySql::database(connectionName)),
      m_insertText(LibrarySql::database(connectionName)),
      m_insertFetch(LibrarySql::database(connectionName))
{ }

bool LibraryWriter::prepare()
{
    return m_findPoem.prepare(u"SELECT id, kept, last_fetched, last_server, last_address "
                              "FROM poems WHERE sha256 = ?"_s)
            && m_insertPoem.prepare(u"INSERT INTO poems(sha256, bytes, size, title) "
                                    "VALUES (?, ?, ?, ?)"_s)
            && m_updatePoem.prepare(
                    u"UPDATE poems SET kept = 1, fetch_count = fetch_count + 1, "
                    "first_fetched = min(coalesce(first_fetched, ?), ?), last_fetched = ?, "
                    "last_server = ?, last_address = ? WHERE id = ?"_s)
            && m_insertText.prepare(u"INSERT INTO poem_text(rowid, text) VALUES (?, ?)"_s)
            && m_insertFetch.prepare(
                    u"INSERT INTO fetches(session_id, poem_id, request_id, server_name, address, "
                    "connected, started, ended, outcome, failure_type, failure_message, "
                    "system_error, bytes_received, trace) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
}

bool LibraryWriter::writeRecord(const LibraryRecord &record, qint64 sessionId)
{
    QVariant poemId; // NULL: no bytes
    const bool whole = record.outcome == LibraryOutcome::Poem;
    if (whole || !record.bytes.isEmpty()) {
        const QByteArray hash = LibraryStore::contentHash(record.bytes);
        m_findPoem.addBindValue(hash);
        if (!m_findPoem.exec())
            return false;
        bool kept = false;
        qint64 lastFetched = 0;
        QString lastServer;
        QString lastAddress;
        if (m_findPoem.next()) {
            poemId = m_findPoem.value(0);
            kept = m_findPoem.value(1).toBool();
            lastFetched = m_findPoem.value(2).toLongLong();
            lastServer = m_findPoem.value(3).toString();
            lastAddress = m_findPoem.value(4).toString();
        }
        m_findPoem.finish();
        if (poemId.isNull()) {
            m_insertPoem.addBindValue(hash);
            // Never NULL: an empty poem is an empty BLOB.
            m_insertPoem.addBindValue(record.bytes.isNull() ? QByteArray("") : record.bytes);
            m_insertPoem.addBindValue(qint64(record.bytes.size()));
            m_insertPoem.addBindValue(text(LibraryPoem::titleOf(record.bytes)));
            if (!m_insertPoem.exec())
                return false;
            poemId = m_insertPoem.lastInsertId();
        }
        if (whole) {
            const qint64 ended = LibrarySql::toMs(record.ended);
            // The newest download names the server; one recorded late does not.
            const bool newest = !kept || ended >= lastFetched;
            m_updatePoem.addBindValue(ended);
            m_updatePoem.addBindValue(ended);
            m_updatePoem.addBindValue(newest ? ended : lastFetched);
            m_updatePoem.addBindValue(text(newest ? record.serverName : lastServer));
            m_updatePoem.addBindValue(text(newest ? record.address : lastAddress));
            m_updatePoem.addBindValue(poemId);
            if (!m_updatePoem.exec())
                return false;
            if (!kept) {
                m_insertText.addBindValue(poemId);
                m_insertText.addBindValue(LibrarySql::indexedText(record.bytes));
                if (!m_insertText.exec())
                    return false;
            }
        }
    }
    QSqlQuery &insert = m_insertFetch;
    insert.addBindValue(sessionId == 0 ? QVariant() : QVariant(sessionId));
    insert.addBindValue(poemId);
    insert.addBindValue(qint64(record.trace.requestId));
    insert.addBindValue(text(record.serverName));
    insert.addBindValue(text(record.address));
    insert.addBindValue(text(record.connectedAddress));
    insert.addBindValue(LibrarySql::toMs(record.started));
    insert.addBindValue(LibrarySql::toMs(record.ended));
    insert.addBindValue(LibrarySql::outcomeName(record.outcome));
    insert.addBindValue(text(record.failureType));
    insert.addBindValue(text(record.failureMessage));
    insert.addBindValue(record.systemErrorCode);
    insert.addBindValue(qint64(record.bytes.size()));
    insert.addBindValue(QString::fromUtf8(record.trace.encode()));
    return insert.exec();
}

QSqlError LibraryWriter::recordError()
{
    QSqlError error;
    for (QSqlQuery *query :
         {&m_findPoem, &m_insertPoem, &m_updatePoem, &m_insertText, &m_insertFetch}) {
        if (!error.isValid() && query->lastError().isValid())
            error = query->lastError();
        query->finish();
    }
    prepare();
    return error;
}

QSqlError LibraryWriter::setFlag(const LibraryOperation &operation)
{
    QSqlQuery query(LibrarySql::database(m_connectionName));
    if (!query.prepare(operation.kind == LibraryOperation::Kind::SetRead
                               ? u"UPDATE poems SET read = ? WHERE id = ?"_s
                               : u"UPDATE poems SET favourite = ? WHERE id = ?"_s))
        return query.lastError();
    for (const qint64 id : operation.poemIds) {
        query.addBindValue(operation.flag ? 1 : 0);
        query.addBindValue(id);
        if (!query.exec())
            return query.lastError();
    }
    return {};
}

QSqlError LibraryWriter::removePoems(const QList<qint64> &ids)
{
    const QSqlDatabase db = LibrarySql::database(m_connectionName);
    QSqlQuery text(db);
    QSqlQuery poem(db);
    if (!text.prepare(u"DELETE FROM poem_text WHERE rowid = ?"_s))
        return text.lastError();
    if (!poem.prepare(u"DELETE FROM poems WHERE id = ?"_s))
        return poem.lastError();
    for (const qint64 id : ids) {
        text.addBindValue(id);
        if (!text.exec())
            return text.lastError();
        poem.addBindValue(id);
        if (!poem.exec())
            return poem.lastError();
    }
    return {};
}

QSqlError LibraryWriter::clearHistory(qint64 sessionId)
{
    QSqlQuery query(LibrarySql::database(m_connectionName));
    if (!query.exec(u"DELETE FROM fetches"_s) || !query.exec(u"DELETE FROM poems WHERE kept = 0"_s)
        || !query.prepare(u"DELETE FROM sessions WHERE id <> ?"_s))
        return query.lastError();
    query.addBindValue(sessionId);
    return query.exec() ? QSqlError() : query.lastError();
}

int LibraryWriter::pruneTo(const LibraryLimits &limits)
{
    QList<qint64> doomed;
    QSqlQuery query(LibrarySql::database(m_connectionName));
    query.setForwardOnly(true);
    if (limits.maxAge.count() > 0) {
        const qint64 cutoff = QDateTime::currentMSecsSinceEpoch()
                - std::chrono::duration_cast<std::chrono::milliseconds>(limits.maxAge).count();
        query.prepare(u"SELECT id FROM poems WHERE kept = 1 AND favourite = 0 "
                      "AND last_fetched < ?"_s);
        query.addBindValue(cutoff);
        if (query.exec()) {
            while (query.next())
                doomed.append(query.value(0).toLongLong());
        }
        query.prepare(u"DELETE FROM fetches WHERE ended < ?"_s);
        query.addBindValue(cutoff);
        query.exec();
    }
    if (limits.maxBytes > 0) {
        qint64 total = 0;
        if (query.exec(u"SELECT coalesce(sum(size), 0) FROM poems WHERE kept = 1"_s)
            && query.next())
            total = query.value(0).toLongLong();
        if (query.exec(u"SELECT id, size FROM poems WHERE kept = 1 AND favourite = 0 "
                       "ORDER BY last_fetched, id"_s)) {
            while (total > limits.maxBytes && query.next()) {
                const qint64 id = query.value(0).toLongLong();
                if (!doomed.contains(id))
                    doomed.append(id);
                total -= query.value(1).toLongLong();
            }
        }
    }
    query.finish();
    removePoems(doomed);
    // Partial poems that no download refers to any more.
    query.exec(u"DELETE FROM poems WHERE kept = 0 AND id NOT IN "
               "(SELECT poem_id FROM fetches WHERE poem_id IS NOT NULL)"_s);
    return int(doomed.size());
}

LibraryStore::WriteResult LibraryWriter::apply(const std::vector<LibraryOperation> &operations,
                                               qint64 sessionId, int *pruned)
{
    LibraryStore::WriteResult result;
    QSqlQuery query(LibrarySql::database(m_connectionName));
    const auto failWith = [&](const QSqlError &error) {
        result.ok = false;
        result.code = LibrarySql::code(error);
        result.detail = LibrarySql::words(error);
        LibrarySql::exec(m_connectionName, u"ROLLBACK"_s);
        return result;
    };
    if (!query.exec(u"BEGIN IMMEDIATE"_s))
        return failWith(query.lastError());
    int prunedCount = 0;
    for (const LibraryOperation &operation : operations) {
        QSqlError error;
        switch (operation.kind) {
        case LibraryOperation::Kind::Record:
            if (!writeRecord(operation.record, sessionId))
                error = recordError();
            break;
        case LibraryOperation::Kind::SetRead:
        case LibraryOperation::Kind::SetFavourite:
            error = setFlag(operation);
            break;
        case LibraryOperation::Kind::Remove:
            error = removePoems(operation.poemIds);
            break;
        case LibraryOperation::Kind::ClearHistory:
            error = clearHistory(sessionId);
            break;
        case LibraryOperation::Kind::Prune:
            prunedCount += pruneTo(operation.limits);
            break;
        }
        if (error.isValid())
            return failWith(error);
    }
    if (!query.exec(u"COMMIT"_s))
        return failWith(query.lastError());
    if (pruned)
        *pruned = prunedCount;
    return result;
}
