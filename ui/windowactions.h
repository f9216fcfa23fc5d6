#pragma once

#include <QObject>

class DownloadsPanel;
class QAction;
class QMainWindow;
class QMenu;
class ServerPanel;

// Every command of the window as a QAction, with its text, icon, shortcut and object name (the
// name tests and the screenshot tour find it by), and the menus and toolbar that show them. The
// window connects each action to what it does; the panels put the ones whose shortcut means
// something only there (Delete, Esc, Ctrl+C) on their own views.
class WindowActions : public QObject
{
    Q_OBJECT

public:
    explicit WindowActions(QObject *parent = nullptr);

    // The menu bar and the main toolbar of `window`.
    void populate(QMainWindow *window) const;
    // The context menus of the server list and of the downloads.
    void fillServerMenu(QMenu *menu) const;
    void fillDownloadMenu(QMenu *menu) const;
    // Enables what the selected servers and downloads allow.
    void update(const ServerPanel &servers, const DownloadsPanel &downloads) const;

    QAction *const addServer;
    QAction *const editServer;
    QAction *const removeServers;
    QAction *const importFile;
    QAction *const importClipboard;
    QAction *const exportServers;
    QAction *const startDemo;

    QAction *const fetch;
    QAction *const fetchAll;
    QAction *const cancel;
    QAction *const cancelAll;
    QAction *const retry;
    QAction *const retryFailed;
    QAction *const pause;
    QAction *const resume;
    QAction *const exportReport;
    QAction *const copyPoems;
    QAction *const copyAsCommand;
    QAction *const savePoem;
    QAction *const removeDownloads;
    QAction *const clearFinished;

    QAction *const zoomIn;
    QAction *const zoomOut;
    QAction *const settings;
    QAction *const quit;
    QAction *const about;
};
