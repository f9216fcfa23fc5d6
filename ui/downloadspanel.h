#pragma once

#include "download.h"
#include "downloadfiltermodel.h"

#include <QList>
#include <QSplitter>

class DownloadModel;
class FilterBar;
class FailurePane;
class PoemPane;
class QLabel;
class QStackedWidget;
class QTreeView;
class WindowActions;

// The window's centre: the downloads (sortable, several selected at once, progress drawn in
// the row) and under them the current download's details: its poem as it streams in, or why it
// failed. The details follow the current row, and the row's job as it changes or is retried.
class DownloadsPanel : public QSplitter
{
    Q_OBJECT

public:
    enum DetailsPage { PlaceholderPage, PoemPage, FailurePage };

    DownloadsPanel(DownloadModel *downloads, const WindowActions *actions,
                   QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // The downloads as the view shows them: filtered by the bar above them, sorted.
    DownloadFilterModel *proxy() const { return m_proxy; }
    FilterBar *filterBar() const { return m_filterBar; }
    // The details under the list: a placeholder, the poem pane or the failure pane.
    QStackedWidget *details() const { return m_details; }
    PoemPane *poemPane() const { return m_poemPane; }
    FailurePane *failurePane() const { return m_failurePane; }

    // Rows of the model (not of the sorted view), in ascending order.
    QList<int> selectedRows() const;
    // The model's row of the current index, or -1.
    int currentRow() const;
    // Makes a row of the model current and selected, and scrolls to it.
    void showRow(int row);

    // Puts the poems of the selected downloads on the clipboard, blank lines between them.
    void copySelectedPoems() const;
    // Puts the get-poetry command lines that repeat the selected downloads on the clipboard.
    void copySelectedAsCommands() const;
    // Asks for a file and writes the current poem's exact bytes to it; returns what to say in
    // the status bar (empty when the user cancelled or nothing could be saved).
    QString saveCurrentPoem();

Q_SIGNALS:
    // The selection, the current row or what the selected rows can do changed.
    void selectionChanged();

private:
    void showCurrent();
    void onFinished(DownloadId id);
    void onChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void sizeColumns();

    DownloadModel *m_downloads;
    QTreeView *m_view;
    DownloadFilterModel *m_proxy;
    FilterBar *m_filterBar;
    QStackedWidget *m_details;
    QLabel *m_placeholder;
    PoemPane *m_poemPane;
    FailurePane *m_failurePane;
    DownloadId m_shown = 0;
};
