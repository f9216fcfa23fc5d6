#pragma once

#include "libraryrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

// Every read of the library's database: the poems (listed, searched, one by one) and the
// downloads (the history, the last results, the last session). On one QtSql connection, by its
// name; synchronous, one thread. Cheap to make: LibraryStore makes one per read.
class LibraryReader
{
public:
    LibraryReader(const QString &connectionName, bool trigram);

    // Poems whose text contains every word of `text` (none: every poem), the most recently
    // fetched first.
    QList<LibraryPoem> search(const QString &text, int limit) const;
    std::optional<LibraryPoem> poemInfo(qint64 poemId) const;
    QByteArray poemBytes(qint64 poemId) const;
    qint64 poemCount() const;
    // The most recent downloads first.
    QList<LibraryFetch> history(int limit) const;
    // The latest download of each address.
    QList<LibraryFetch> lastResults() const;
    // The downloads of the session before `currentSession`, in the order they were recorded.
    QList<LibraryFetch> lastSession(qint64 currentSession) const;

private:
    // The downloads that `rest` ("WHERE … ORDER BY …") selects, with its values bound.
    QList<LibraryFetch> fetches(const QString &rest, const QVariantList &values) const;

    QString m_connectionName;
    bool m_trigram = false;
};
