#pragma once

#include <QList>
#include <QWidget>

class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;
class ServerListModel;
class WindowActions;

// The window's left side: the server list (sortable by a click on a header, in the order of
// adding until then; names edited in place) with Add, Remove and Fetch under it. While the list
// is empty it offers Add Server and Start Demo Servers instead.
class ServerPanel : public QWidget
{
    Q_OBJECT

public:
    ServerPanel(ServerListModel *servers, const WindowActions *actions, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // The servers as the view shows them (sorted).
    QSortFilterProxyModel *proxy() const { return m_proxy; }

    // Rows of the model (not of the sorted view) in ascending order; the current row when
    // nothing is selected, as the keyboard can make a row current without selecting it.
    QList<int> selectedRows() const;
    // The model's row of the current index, or -1.
    int currentRow() const;
    // Makes a row of the model current and selected, and scrolls to it.
    void setCurrentRow(int row);
    // Scrolls so that `last` is in sight and, as far as the view allows, `first` too.
    void scrollToRow(int last, int first);

Q_SIGNALS:
    // The selection or the current row changed.
    void selectionChanged();
    // A row was double-clicked or Enter pressed on it: the user wants its poem.
    void rowActivated(int row);
    // What is wrong with the address being typed in place, or empty when nothing is.
    void addressProblem(const QString &problem);

private:
    ServerListModel *m_servers;
    QTreeView *m_view;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_pages = nullptr; // the list, or what to do while it is empty
};
