#pragma once

#include "libraryoperation.h"
#include "librarystore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <vector>

// Every change to the library's database: one batch of LibraryOperations in one transaction,
// with the statements that each download needs prepared once. Used by LibraryStore on its
// connection (by name); synchronous, one thread.
class LibraryWriter
{
public:
    explicit LibraryWriter(const QString &connectionName);

    bool prepare();
    // All applied, or none (then the result says why). Downloads go into session `sessionId`
    // (0: none); `pruned` counts the poems that Prune operations removed.
    LibraryStore::WriteResult apply(const std::vector<LibraryOperation> &operations,
                                    qint64 sessionId, int *pruned);

private:
    bool writeRecord(const LibraryRecord &record, qint64 sessionId);
    // These give the error of the statement that failed; none (invalid) if all went well.
    QSqlError setFlag(const LibraryOperation &operation);
    QSqlError removePoems(const QList<qint64> &ids);
    QSqlError clearHistory(qint64 sessionId);
    int pruneTo(const LibraryLimits &limits);
    // The error of the record statement that failed, the statements reset for the next batch.
    QSqlError recordError();

    QString m_connectionName;
    QSqlQuery m_findPoem;
    QSqlQuery m_insertPoem;
    QSqlQuery m_updatePoem;
    QSqlQuery m_insertText;
    QSqlQuery m_insertFetch;
};
