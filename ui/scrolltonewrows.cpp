#include "scrolltonewrows.h"

#include <QAbstractItemView>
#include <QScrollBar>
#include <QTimer>

ScrollToNewRows::ScrollToNewRows(QAbstractItemView *view) : QObject(view), m_view(view)
{
    connect(view->model(), &QAbstractItemModel::rowsAboutToBeInserted, this,
            &ScrollToNewRows::onAboutToInsert);
    connect(view->model(), &QAbstractItemModel::rowsInserted, this, &ScrollToNewRows::onInserted);
    // At the end stays at the end while the range grows (the rows laid out later, a scroll bar
    // coming or going), as a terminal's does.
    QScrollBar *bar = view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_following = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_following)
            bar->setValue(maximum);
    });
}

void ScrollToNewRows::onAboutToInsert()
{
    // Decided once per batch, before its first row.
    if (!m_pending)
        m_atEnd = m_following;
}

void ScrollToNewRows::onInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_atEnd)
        return;
    const QAbstractItemModel *model = m_view->model();
    if (!m_pending || !m_first.isValid())
        m_first = model->index(first, 0);
    m_last = model->index(last, 0);
    if (!m_pending) {
        // After the batch (Fetch All adds many rows in one go), and after the view's own
        // layout of them.
        m_pending = true;
        QTimer::singleShot(0, this, &ScrollToNewRows::scroll);
    }
}

void ScrollToNewRows::scroll()
{
    m_pending = false;
    // scrollToBottom() lays the view out first: scrollTo() alone can find the scroll range not
    // yet grown for the new rows, and stop short of them.
    if (m_last.isValid() && m_last.row() == m_view->model()->rowCount() - 1)
        m_view->scrollToBottom();
    else if (m_last.isValid())
        m_view->scrollTo(m_last); // sorted: the new row may be anywhere
    // A batch taller than the view: its first row at the top.
    if (m_first.isValid() && m_view->visualRect(m_first).top() < 0)
        m_view->scrollTo(m_first, QAbstractItemView::PositionAtTop);
    m_first = QPersistentModelIndex();
    m_last = QPersistentModelIndex();
}
