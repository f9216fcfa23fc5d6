#include "libraryrestore.h"

#include "displayformat.h"
#include "poemlibrary.h"
#include "serverlistmodel.h"

#include <QFutureWatcher>

using namespace Qt::StringLiterals;

RequestState LibraryRestore::stateOf(const LibraryFetch &fetch)
{
    switch (fetch.outcome) {
    case LibraryOutcome::Poem:
        return RequestState::Done;
    case LibraryOutcome::Failure:
        return fetch.failureType == u"CancelledError" ? RequestState::Cancelled
                                                      : RequestState::Failed;
    case LibraryOutcome::Interrupted:
        break;
    }
    return RequestState::Cancelled;
}

QString LibraryRestore::summaryOf(const LibraryFetch &fetch)
{
    switch (fetch.outcome) {
    case LibraryOutcome::Poem:
        return tr("Done · %1").arg(DisplayFormat::bytes(fetch.bytesReceived));
    case LibraryOutcome::Failure:
        if (!fetch.failureType.isEmpty())
            return fetch.failureType;
        return tr("Failed");
    case LibraryOutcome::Interrupted:
        break;
    }
    return tr("Interrupted");
}

void LibraryRestore::restoreLastResults(PoemLibrary *library, ServerListModel *servers)
{
    // The watcher goes with the server list: no result lands on a list that is gone.
    auto *watcher = new QFutureWatcher<QList<LibraryFetch>>(servers);
    QObject::connect(watcher, &QFutureWatcherBase::finished, servers, [watcher, servers] {
        watcher->deleteLater();
        if (!watcher->future().isResultReadyAt(0))
            return;
        for (const LibraryFetch &fetch : watcher->result())
            servers->setLastResult(fetch.address, stateOf(fetch), summaryOf(fetch));
    });
    watcher->setFuture(library->lastResults());
}
