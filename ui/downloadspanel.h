#pragma once

#include "download.h"
#include "downloadfiltermodel.h"

#include <QList>
#include <QSplitter>

class DownloadModel;
class FilterBar;
class FailurePane;
class BytesView;
class PoemPane;
class QTabWidget;
class TimingView;
class QLabel;
class QSettings;
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

    const DownloadModel &model() const { return *m_downloads; }
    QTreeView *view() const { return m_view; }
    // The downloads as the view shows them: filtered by the bar above them, sorted.
    DownloadFilterModel *proxy() const { return m_proxy; }
    FilterBar *filterBar() const { return m_filterBar; }
    // "2 queued · 1 active · 0 done · 0 failed", led by "12 of 250 shown" while filtering: for
    // the window's status bar.
    QString countsText() const;

    // The splitter, the columns and the filter, under "window/" and "downloads/".
    void saveLayout(QSettings &settings) const;
    void restoreLayout(const QSettings &settings);
    // The details under the list: a placeholder, the poem pane or the failure pane.
    QStackedWidget *details() const { return m_details; }
    // The details' tabs: the poem or failure (details()), Timing and Bytes.
    QTabWidget *detailTabs() const { return m_detailTabs; }
    TimingView *timingView() const { return m_timingView; }
    BytesView *bytesView() const { return m_bytesView; }
    PoemPane *poemPane() const { return m_poemPane; }
    FailurePane *failurePane() const { return m_failurePane; }

    // Rows of the model (not of the sorted view), in ascending order.
    QList<int> selectedRows() const;
    // The model's row of the current index, or -1.
    int currentRow() const;
    // Makes a row of the model current and selected, and scrolls to it.
    void showRow(int row);
    // Filters the list to the failed downloads, or clears the filter when none failed.
    void showFailures();

    // Puts the poems of the selected downloads on the clipboard, blank lines between them.
    void copySelectedPoems() const;
    // Puts the get-poetry command lines that repeat the selected downloads on the clipboard.
    void copySelectedAsCommands() const;
    // Asks for a file and writes the current poem's exact bytes to it; returns what to say in
    // the status bar (empty when the user cancelled or nothing could be saved).
    QString saveCurrentPoem();
    // Stops reading the selected downloads (real TCP backpressure: the server's writes block),
    // and reads them again.
    void pauseSelected();
    void resumeSelected();
    // Asks for a file and writes the downloads shown (after the filter, in the order shown) as
    // a JSON report in get-poetry --report's format (FetchReport, docs/report-format.md);
    // returns what to say in the status bar.
    QString exportShown();

Q_SIGNALS:
    // countsText() changed.
    void countsChanged(const QString &text);
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
    QTabWidget *m_detailTabs;
    TimingView *m_timingView;
    BytesView *m_bytesView;
    QLabel *m_placeholder;
    PoemPane *m_poemPane;
    FailurePane *m_failurePane;
    DownloadId m_shown = 0;
};
