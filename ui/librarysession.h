#pragma once

#include <QObject>
#include <QString>

class DownloadModel;
class PoemLibrary;
class ServerListModel;

// The window's side of the poem library: opens it at start, records every download as it
// ends (and, at quit, the ones still in flight as Interrupted), and gives the server list its
// last results back. The core fetcher does not know any of it.
class LibrarySession : public QObject
{
    Q_OBJECT

public:
    LibrarySession(DownloadModel *downloads, ServerListModel *servers, QObject *parent = nullptr);
    ~LibrarySession() override;

    // Where the window keeps its library; tests point it at a folder of their own, as
    // QSettings::setPath() does for the settings. Empty: PoemLibrary::defaultFileName().
    static void setFileName(const QString &fileName);
    static QString fileName();

    // Opens the library file (whatever it is, a working library results) and restores the
    // server list's last results. What went wrong, for the notice bar; empty if all is well.
    QString open();
    // At quit, while the jobs still exist: records the downloads in flight as Interrupted and
    // writes everything out. What could not be kept, for a message; empty if all was kept.
    QString close();

    PoemLibrary *library() const { return m_library; }

Q_SIGNALS:
    // Something went wrong after open() (a full disk): a sentence for the notice bar.
    void problem(const QString &message);

private:
    DownloadModel *m_downloads;
    ServerListModel *m_servers;
    PoemLibrary *m_library;
};
