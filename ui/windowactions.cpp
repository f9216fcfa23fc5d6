#include "windowactions.h"

#include "downloadmodel.h"
#include "downloadspanel.h"
#include "serverpanel.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {

QAction *makeAction(QObject *parent, const QIcon &icon, const QString &text, const QString &name)
{
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(name);
    return action;
}

} // namespace

WindowActions::WindowActions(QObject *parent)
    : QObject(parent),
      addServer(makeAction(this, QIcon::fromTheme(u"list-add"_s), tr("&Add Server…"),
                           u"addServerAction"_s)),
      editServer(makeAction(this, QIcon::fromTheme(u"document-edit"_s), tr("&Edit Server…"),
                            u"editServerAction"_s)),
      removeServers(makeAction(this, QIcon::fromTheme(u"list-remove"_s), tr("&Remove Server"),
                               u"removeServerAction"_s)),
      importFile(makeAction(this, QIcon::fromTheme(u"document-open"_s), tr("&Import Servers…"),
                            u"importFileAction"_s)),
      importClipboard(makeAction(this, QIcon::fromTheme(u"edit-paste"_s),
                                 tr("Import Servers from &Clipboard"), u"importClipboardAction"_s)),
      exportServers(makeAction(this, QIcon::fromTheme(u"document-save-as"_s),
                               tr("E&xport Servers…"), u"exportServersAction"_s)),
      startDemo(makeAction(this, QIcon::fromTheme(u"media-playback-start"_s),
                           tr("Start &Demo Servers"), u"demoAction"_s)),
      fetch(makeAction(this, QIcon::fromTheme(u"go-down"_s), tr("&Fetch"), u"fetchAction"_s)),
      fetchAll(makeAction(this, QIcon::fromTheme(u"emblem-downloads"_s), tr("Fetch &All"),
                          u"fetchAllAction"_s)),
      cancel(makeAction(this, QIcon::fromTheme(u"process-stop"_s), tr("&Cancel"),
                        u"cancelAction"_s)),
      cancelAll(makeAction(this, QIcon::fromTheme(u"process-stop"_s), tr("Cancel A&ll"),
                           u"cancelAllAction"_s)),
      retry(makeAction(this, QIcon::fromTheme(u"view-refresh"_s), tr("&Retry"), u"retryAction"_s)),
      retryFailed(makeAction(this, QIcon::fromTheme(u"view-refresh"_s), tr("Retry All F&ailed"),
                             u"retryFailedAction"_s)),
      pause(makeAction(this, QIcon::fromTheme(u"media-playback-pause"_s), tr("&Pause"),
                       u"pauseAction"_s)),
      resume(makeAction(this, QIcon::fromTheme(u"media-playback-start"_s), tr("Resu&me"),
                        u"resumeAction"_s)),
      exportReport(makeAction(this, QIcon::fromTheme(u"document-save-as"_s), tr("E&xport Report…"),
                              u"exportReportAction"_s)),
      copyPoems(makeAction(this, QIcon::fromTheme(u"edit-copy"_s), tr("&Copy Poem"),
                           u"copyAction"_s)),
      copyAsCommand(makeAction(this, QIcon::fromTheme(u"edit-copy"_s), tr("Copy as Co&mmand"),
                               u"copyAsCommandAction"_s)),
      savePoem(makeAction(this, QIcon::fromTheme(u"document-save-as"_s), tr("&Save Poem…"),
                          u"saveAction"_s)),
      removeDownloads(makeAction(this, QIcon::fromTheme(u"edit-delete"_s), tr("Re&move"),
                                 u"removeDownloadsAction"_s)),
      clearFinished(makeAction(this, QIcon::fromTheme(u"edit-clear-all"_s), tr("Clear &Finished"),
                               u"clearFinishedAction"_s)),
      zoomIn(makeAction(this, QIcon::fromTheme(u"zoom-in"_s), tr("Zoom &In"), u"zoomInAction"_s)),
      zoomOut(makeAction(this, QIcon::fromTheme(u"zoom-out"_s), tr("Zoom &Out"),
                         u"zoomOutAction"_s)),
      settings(makeAction(this, QIcon::fromTheme(u"preferences-system"_s), tr("&Settings…"),
                          u"settingsAction"_s)),
      quit(makeAction(this, QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), u"quitAction"_s)),
      about(makeAction(this, QIcon::fromTheme(u"help-about"_s), tr("&About Poetry Reader"),
                       u"aboutAction"_s))
{
    addServer->setShortcut(QKeySequence::New);
    addServer->setToolTip(tr("Add a poetry server to the list"));
    removeServers->setShortcut(QKeySequence::Delete);
    removeServers->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    importFile->setShortcut(QKeySequence::Open);
    importClipboard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));

    fetch->setShortcuts(
            {QKeySequence(QKeySequence::Refresh), QKeySequence(Qt::CTRL | Qt::Key_Return)});
    fetch->setToolTip(tr("Fetch a poem from each selected server"));
    fetchAll->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F5),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)});
    fetchAll->setToolTip(tr("Fetch a poem from every server in the list"));
    cancel->setShortcut(QKeySequence::Cancel);
    cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    cancel->setToolTip(tr("Cancel the selected downloads"));
    cancelAll->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Escape));
    retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    retry->setToolTip(tr("Fetch the selected downloads again"));
    retryFailed->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    retryFailed->setToolTip(tr("Fetch every failed download again"));
    pause->setToolTip(tr("Stop reading the selected downloads; the server waits"));
    resume->setToolTip(tr("Read the paused downloads again"));
    exportReport->setToolTip(
            tr("Write the downloads shown as a JSON report, as get-poetry --report does"));
    copyPoems->setShortcut(QKeySequence::Copy);
    // Only in the downloads table: in a text view, Copy copies the selected text.
    copyPoems->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copyAsCommand->setToolTip(tr("Copy the get-poetry command line that repeats the download"));
    savePoem->setShortcut(QKeySequence::Save);
    removeDownloads->setShortcut(QKeySequence::Delete);
    removeDownloads->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    clearFinished->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    clearFinished->setToolTip(tr("Remove the downloads that have ended"));

    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (preferences.isEmpty())
        preferences.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setShortcuts(preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
}

void WindowActions::populate(QMainWindow *window) const
{
    QMenuBar *menuBar = window->menuBar();
    QMenu *serverMenu = menuBar->addMenu(tr("&Servers"));
    serverMenu->addActions({addServer, editServer, removeServers});
    serverMenu->addSeparator();
    serverMenu->addActions({importFile, importClipboard, exportServers});
    serverMenu->addSeparator();
    serverMenu->addAction(startDemo);
    serverMenu->addSeparator();
    serverMenu->addAction(quit);

    QMenu *downloadMenu = menuBar->addMenu(tr("&Downloads"));
    downloadMenu->addActions({fetch, fetchAll});
    downloadMenu->addSeparator();
    downloadMenu->addActions({cancel, cancelAll, retry, retryFailed, pause, resume});
    downloadMenu->addSeparator();
    downloadMenu->addActions({copyPoems, copyAsCommand, savePoem});
    downloadMenu->addSeparator();
    downloadMenu->addActions({removeDownloads, clearFinished});
    downloadMenu->addSeparator();
    downloadMenu->addAction(exportReport);

    QMenu *viewMenu = menuBar->addMenu(tr("&View"));
    viewMenu->addActions({zoomIn, zoomOut});

    QMenu *settingsMenu = menuBar->addMenu(tr("S&ettings"));
    settingsMenu->addAction(settings);

    QMenu *helpMenu = menuBar->addMenu(tr("&Help"));
    helpMenu->addAction(about);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolBar = window->addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(addServer);
    toolBar->addSeparator();
    toolBar->addActions({fetch, fetchAll});
    toolBar->addSeparator();
    toolBar->addActions({cancel, retry, clearFinished});
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(settings);
}

void WindowActions::fillServerMenu(QMenu *menu) const
{
    menu->addAction(fetch);
    menu->addSeparator();
    menu->addActions({addServer, editServer, removeServers});
}

void WindowActions::fillDownloadMenu(QMenu *menu) const
{
    menu->addActions({cancel, retry, retryFailed, pause, resume});
    menu->addSeparator();
    menu->addActions({copyPoems, copyAsCommand, savePoem});
    menu->addSeparator();
    menu->addActions({removeDownloads, clearFinished});
}

void WindowActions::update(const ServerPanel &servers, const DownloadsPanel &panel) const
{
    const DownloadModel &downloads = panel.model();
    const bool hasServers = servers.proxy()->rowCount() > 0;
    const bool serverSelected = !servers.selectedRows().isEmpty();
    fetch->setEnabled(serverSelected);
    fetchAll->setEnabled(hasServers);
    removeServers->setEnabled(serverSelected);
    editServer->setEnabled(servers.currentRow() >= 0);

    bool anyRunning = false;
    bool anyEnded = false;
    bool anyBytes = false;
    bool anyConnected = false;
    bool anyPaused = false;
    for (int row : panel.selectedRows()) {
        const Download &download = downloads.download(row);
        anyRunning = anyRunning || !isFinal(download.state());
        anyEnded = anyEnded || isFinal(download.state());
        anyBytes = anyBytes || !download.bytes().isEmpty();
        anyPaused = anyPaused || download.job->isSuspended();
        anyConnected = anyConnected
                || (download.state() == RequestState::Receiving && !download.job->isSuspended());
    }
    cancel->setEnabled(anyRunning);
    pause->setEnabled(anyConnected);
    resume->setEnabled(anyPaused);
    exportReport->setEnabled(panel.proxy()->rowCount() > 0);
    retry->setEnabled(anyEnded);
    retryFailed->setEnabled(downloads.failedCount() > 0);
    copyPoems->setEnabled(anyBytes);
    copyAsCommand->setEnabled(anyRunning || anyEnded);
    const int current = panel.currentRow();
    savePoem->setEnabled(current >= 0 && !downloads.download(current).bytes().isEmpty());
    removeDownloads->setEnabled(anyRunning || anyEnded);
    cancelAll->setEnabled(downloads.activeCount() > 0);
    clearFinished->setEnabled(downloads.rowCount() > downloads.activeCount());
}
