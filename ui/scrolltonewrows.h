#pragma once

#include <QObject>
#include <QPersistentModelIndex>

class QAbstractItemView;

// Keeps the rows a view's model adds in sight, as a log or a terminal does: when rows are
// inserted while the view is scrolled to its end (or has nothing to scroll), the view scrolls
// to them once the batch is in: the last new row at the bottom, or the first at the top when
// the batch does not fit. A reader who has scrolled away from the end stays where they are: the
// rows they are reading do not move away under them. A view at its end stays there when its
// range grows. The downloads list uses it, so that a Fetch shows its new rows.
class ScrollToNewRows : public QObject
{
    Q_OBJECT

public:
    // Follows the view's model (set it first); a child of the view.
    explicit ScrollToNewRows(QAbstractItemView *view);

private:
    void onAboutToInsert();
    void onInserted(const QModelIndex &parent, int first, int last);
    void scroll();

    QAbstractItemView *m_view;
    bool m_following = true; // the view is at the end of its scroll range
    bool m_atEnd = false;    // it was when the pending batch began
    bool m_pending = false;
    QPersistentModelIndex m_first;
    QPersistentModelIndex m_last;
};
