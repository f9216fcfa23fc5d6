#pragma once

#include "download.h"
#include "fetchsettings.h"
#include "settingsfile.h"

#include <QMainWindow>

class AutoRetry;
class DemoServers;
class DesktopNotifier;
class DownloadBatch;
class DownloadModel;
class DownloadsPanel;
class LibrarySession;
class LibraryView;
class NoticeBar;
class PoetryFetcher;
class QLabel;
class QSettings;
class QSplitter;
class QTabWidget;
class ServerListModel;
class ServerPanel;
class SettingsWriter;
class WindowActions;

// The window: servers on the left (ServerPanel), the downloads in the middle and below them the
// selected download's poem as it streams in, or the details of its failure (DownloadsPanel);
// every command is one of WindowActions. The window owns the fetcher and the models, keeps the
// settings, and does what the actions ask.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Whether the program has run before (the first start shows the demo).
    static bool hasSavedSettings();

    // What the program does once the window is shown: the demo on the first start when no
    // servers are asked for, or when `demo` is asked; then adds and fetches `addresses`.
    void startUp(bool firstStart, bool demo, const QStringList &addresses);
    // Starts the built-in demo servers, lists them (in sight) and fetches each once.
    void startDemo();
    // Adds the servers (as the command line gives them) and fetches each.
    void addAndFetch(const QStringList &addresses);

    // The parts of the window.
    WindowActions *actions() const { return m_actions; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    DownloadsPanel *downloadsPanel() const { return m_downloadsPanel; }
    // Every poem kept, beside the downloads; and the library behind it.
    LibraryView *libraryView() const { return m_libraryView; }
    LibrarySession *librarySession() const { return m_librarySession; }
    // The Downloads and Library tabs.
    QTabWidget *tabs() const { return m_tabs; }
    // The message bar across the top (a damaged settings file, settings that cannot be saved).
    NoticeBar *noticeBar() const { return m_notice; }

    ServerListModel *serverModel() const { return m_servers; }
    DownloadModel *downloadModel() const { return m_downloads; }
    // The downloads started since the window was last idle (the title's "3 of 10").
    DownloadBatch *batch() const { return m_batch; }
    // Tells the desktop when a batch ends while the window is in the background.
    DesktopNotifier *notifier() const { return m_notifier; }
    AutoRetry *autoRetry() const { return m_autoRetry; }
    FetchSettings fetchSettings() const { return m_fetchSettings; }
    // What the start-up check found in the settings file.
    const SettingsFile::Result &settingsCheck() const { return m_settingsCheck; }

public Q_SLOTS:
    void fetchSelected();
    void fetchAll();
    void cancelSelected();
    void retrySelected();
    // Fetches every failed download again, each in its own row.
    void retryFailed();
    void savePoem();
    void removeDownloads();
    void editSettings();
    void about();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions();
    void restoreSettings();
    // Gives the fetch settings to the parts that use them.
    void applyFetchSettings();
    void saveServers() const;
    void saveWindowState() const;
    // `action` names what the user did, for the tracebacks (FetchOptions::action).
    void fetchServerRows(const QList<int> &rows, const QString &action);
    FetchOptions optionsFor(const QString &action) const;
    void retryDownload(DownloadId id);
    void updateActions();
    void updateTitle();

    PoetryFetcher *m_fetcher;
    ServerListModel *m_servers;
    DownloadModel *m_downloads;
    DownloadBatch *m_batch;
    DesktopNotifier *m_notifier;
    AutoRetry *m_autoRetry;
    LibrarySession *m_librarySession;
    DemoServers *m_demo;
    WindowActions *m_actions;
    FetchSettings m_fetchSettings;
    SettingsFile::Result m_settingsCheck;

    ServerPanel *m_serverPanel = nullptr;
    DownloadsPanel *m_downloadsPanel = nullptr;
    LibraryView *m_libraryView = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    NoticeBar *m_notice = nullptr;
    SettingsWriter *m_settingsWriter = nullptr;
};
