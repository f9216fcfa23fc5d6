#pragma once

#include "libraryrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

class PoemLibrary;

// The Library view's table: the poems of a PoemLibrary that match the search text, the most
// recently fetched first, by title (the first non-empty line), server, date, size, read and
// favourite marks. Filled from the library's futures, never waiting for the database on the
// GUI thread: setSearchText() and the library's changed() only start a query. At most one query
// is on its way; a newer search text, or a change, while it is out, runs when it returns, and
// the results of an older text are dropped (so a keystroke never shows a stale list).
//
// A new result is merged into the rows (removals, a reordering, inserts, changed rows) rather
// than reset, so that the selection and the current row stay on their poems.
class LibraryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        ServerColumn,
        DateColumn,
        SizeColumn,
        ReadColumn,
        FavouriteColumn,
        ColumnCount
    };
    enum Role {
        PoemIdRole = Qt::UserRole + 1, // qint64
        SortRole,                      // the column's value, for a sort proxy
    };
    // The most poems the list of every poem shows (a 10,000-poem library, with room), and the
    // most a search shows: the newest matches, which keeps a keystroke's search and its merge
    // into the rows short (bench_library: 1,000 matches of 10,000 poems in a few ms).
    static constexpr int maxRows = 50000;
    static constexpr int maxSearchRows = 1000;
    // How many rows a search for `text` shows at most.
    static int limitFor(const QString &text);

    explicit LibraryModel(PoemLibrary *library, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The read and favourite columns are check boxes: checking one marks the poem at once and
    // queues the change in the library.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Shows the poems that contain every word of `text` (empty: every poem).
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // Queries the library again (it does so by itself whenever the library has changed).
    void refresh();
    // Whether the rows are those of the current search text (no query on its way).
    bool isUpToDate() const { return !m_inFlight && !m_again; }

    const LibraryPoem &poem(int row) const { return m_poems.at(row); }
    // The row of a poem; -1 if it is not shown.
    int rowOf(qint64 poemId) const;
    void setRead(const QList<qint64> &poemIds, bool read);
    void setFavourite(const QList<qint64> &poemIds, bool favourite);
    // Removes the poems from the rows at once and from the library.
    void remove(const QList<qint64> &poemIds);

Q_SIGNALS:
    // A query's result is in the rows (the text it was for: searchText()).
    void refreshed();

private:
    void startQuery();
    void applyResult(const QString &text, const QList<LibraryPoem> &poems);
    void merge(const QList<LibraryPoem> &poems);
    void removeRowsNotIn(const QList<LibraryPoem> &poems);
    void reorderAs(const QList<LibraryPoem> &poems);
    void insertRowsFrom(const QList<LibraryPoem> &poems);
    void mark(const QList<qint64> &poemIds, int column, bool value);
    void markStale();

    QPointer<PoemLibrary> m_library;
    QList<LibraryPoem> m_poems;
    QString m_searchText;
    bool m_inFlight = false;
    bool m_again = false; // another query after the one on its way
    bool m_stale = false; // the query on its way predates a change made here: not applied
};
