#include "librarysession.h"

#include "downloadmodel.h"
#include "libraryrecord.h"
#include "libraryrestore.h"
#include "poemlibrary.h"

namespace {

QString &fileNameOverride()
{
    static QString fileName;
    return fileName;
}

} // namespace

LibrarySession::LibrarySession(DownloadModel *downloads, ServerListModel *servers, QObject *parent)
    : QObject(parent), m_downloads(downloads), m_servers(servers), m_library(new PoemLibrary(this))
{
    connect(m_library, &PoemLibrary::problemOccurred, this, &LibrarySession::problem);
    // Queued on the library's own thread: the window never waits for the disk.
    connect(m_downloads, &DownloadModel::downloadFinished, this, [this](DownloadId id) {
        const int row = m_downloads->rowOf(id);
        if (row < 0)
            return;
        const Download &download = m_downloads->download(row);
        m_library->record(*download.job, download.serverName);
    });
}

LibrarySession::~LibrarySession() = default;

void LibrarySession::setFileName(const QString &fileName)
{
    fileNameOverride() = fileName;
}

QString LibrarySession::fileName()
{
    return fileNameOverride().isEmpty() ? PoemLibrary::defaultFileName() : fileNameOverride();
}

QString LibrarySession::open()
{
    const PoemLibrary::OpenResult opened = m_library->open(fileName());
    LibraryRestore::restoreLastResults(m_library, m_servers);
    return opened.message();
}

QString LibrarySession::close()
{
    for (int row = 0; row < m_downloads->rowCount(); ++row) {
        const Download &download = m_downloads->download(row);
        if (download.job->isFinished())
            continue;
        // Without the bytes so far: quitting must not wait for hundreds of megabytes of
        // half-received poems to reach the disk (200 in flight from endless servers took
        // 2.3 s). What is kept is enough to show the row as Interrupted and retry it.
        LibraryRecord record = LibraryRecord::fromJob(*download.job, download.serverName);
        record.bytes.clear();
        m_library->record(std::move(record));
    }
    const qsizetype lost = m_library->close();
    if (lost == 0)
        return {};
    return tr("%n change(s) to the poem library could not be written.", "", int(lost));
}
