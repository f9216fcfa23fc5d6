#pragma once

#include "download.h"
#include "fetchsettings.h"
#include "settingsfile.h"

#include <QMainWindow>

class DemoServers;
class DownloadModel;
class FailurePane;
class NoticeBar;
class PoemPane;
class PoetryFetcher;
class QLabel;
class QSettings;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTreeView;
class ServerListModel;

// The window: servers on the left, the downloads in the middle, and below them the selected
// download's poem as it streams in, or the details of its failure.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Whether the program has run before (the first start shows the demo).
    static bool hasSavedSettings();

    // Starts the built-in demo servers, lists them and fetches each once.
    void startDemo();
    // Adds the servers (as the command line gives them) and fetches each.
    void addAndFetch(const QStringList &addresses);
    // Adds every server in a text (see ServerListIo) and reports the result.
    void importText(const QString &text);

    // Makes a row of the downloads model (not of the sorted view) the current one.
    void showDownloadRow(int row);

    ServerListModel *serverModel() const { return m_servers; }
    DownloadModel *downloadModel() const { return m_downloads; }
    QSortFilterProxyModel *downloadProxy() const { return m_downloadProxy; }
    QTreeView *serverView() const { return m_serverView; }
    QTreeView *downloadView() const { return m_downloadView; }
    PoemPane *poemPane() const { return m_poemPane; }
    FailurePane *failurePane() const { return m_failurePane; }
    QStackedWidget *detailsStack() const { return m_details; }
    FetchSettings fetchSettings() const { return m_fetchSettings; }
    // The message bar across the top (a damaged settings file, settings that cannot be saved).
    NoticeBar *noticeBar() const { return m_notice; }
    // What the start-up check found in the settings file.
    const SettingsFile::Result &settingsCheck() const { return m_settingsCheck; }

public Q_SLOTS:
    void fetchSelected();
    void fetchAll();
    void cancelSelected();
    void cancelAll();
    void retrySelected();
    void addServer();
    void editServer();
    void removeServers();
    void importFile();
    void importClipboard();
    // Writes the list to a file that Import reads back (see ServerListIo).
    void exportServers();
    void copyPoems();
    void savePoem();
    void removeDownloads();
    void clearFinished();
    void editSettings();
    void about();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createServerPanel();
    void restoreSettings();
    void saveServers() const;
    void saveWindowState() const;
    // Writes the settings out now and says so in the notice bar if that failed.
    void commitSettings(QSettings &settings) const;
    // Whether the settings can be written now without waiting forever for QSettings' lock file
    // (see SettingsLock); says why not in the notice bar. Asked before a QSettings is changed:
    // one with changes writes them when it is destroyed, and waits for the lock then.
    bool canWriteSettings() const;
    // `action` names what the user did, for the tracebacks (FetchOptions::action).
    void fetchServerRows(const QList<int> &rows, const QString &action);
    FetchOptions optionsFor(const QString &action) const;
    QList<int> selectedServerRows() const;
    // Rows of the downloads model, in the order shown.
    QList<int> selectedDownloadRows() const;
    int currentDownloadRow() const;
    void showCurrentDownload();
    void onDownloadFinished(DownloadId id);
    void onDownloadsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void retryDownload(DownloadId id);
    void updateActions();
    void updateStatusCounts();
    void showDownloadContextMenu(const QPoint &position);
    void showServerContextMenu(const QPoint &position);

    PoetryFetcher *m_fetcher;
    ServerListModel *m_servers;
    DownloadModel *m_downloads;
    QSortFilterProxyModel *m_downloadProxy;
    DemoServers *m_demo;
    FetchSettings m_fetchSettings;
    SettingsFile::Result m_settingsCheck;

    QTreeView *m_serverView = nullptr;
    QSortFilterProxyModel *m_serverProxy = nullptr; // m_servers as m_serverView shows them
    QTreeView *m_downloadView = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QStackedWidget *m_details = nullptr;
    QLabel *m_placeholder = nullptr;
    PoemPane *m_poemPane = nullptr;
    FailurePane *m_failurePane = nullptr;
    QLabel *m_counts = nullptr;
    NoticeBar *m_notice = nullptr;
    DownloadId m_shown = 0;

    QAction *m_addServerAction = nullptr;
    QAction *m_editServerAction = nullptr;
    QAction *m_removeServerAction = nullptr;
    QAction *m_importFileAction = nullptr;
    QAction *m_importClipboardAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_fetchAction = nullptr;
    QAction *m_fetchAllAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_cancelAllAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_removeDownloadsAction = nullptr;
    QAction *m_clearFinishedAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
