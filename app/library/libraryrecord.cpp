#include "libraryrecord.h"

#include "poemjob.h"

#include <QStringView>

using namespace Qt::StringLiterals;

LibraryRecord LibraryRecord::fromJob(const PoemJob &job, const QString &serverName)
{
    LibraryRecord record;
    record.address = job.addressText();
    record.serverName = serverName.isEmpty() ? job.addressText() : serverName;
    const RequestTrace &trace = job.trace();
    record.connectedAddress = trace.connectedAddress();
    // The timeline is monotonic; the wall clock is read once, now, and the times placed on it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto sinceStart = std::chrono::duration_cast<std::chrono::milliseconds>(trace.elapsed());
    record.started = now.addMSecs(-sinceStart.count());
    const auto end = trace.endTime();
    record.ended = end ? record.started.addMSecs(
                           std::chrono::duration_cast<std::chrono::milliseconds>(*end).count())
                       : now;
    if (!job.isFinished()) {
        record.outcome = LibraryOutcome::Interrupted;
    } else if (const auto &failure = job.failure()) {
        record.outcome = LibraryOutcome::Failure;
        record.failureType = failure->typeName();
        record.failureMessage = failure->errorMessage();
        record.systemErrorCode = failure->systemErrorCode();
    }
    record.bytes = job.bytes();
    record.trace = StoredTrace::fromTrace(trace);
    return record;
}

QString LibraryPoem::titleOf(const QByteArray &bytes)
{
    // The first lines are enough: a title is never longer than titleLength characters.
    const QString text = QString::fromUtf8(bytes.left(64 * 1024));
    for (QStringView line : QStringView(text).tokenize(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.size() <= titleLength)
            return line.toString();
        qsizetype cut = titleLength;
        if (line.at(cut - 1).isHighSurrogate())
            --cut;
        return line.first(cut).toString() + u"…"_s;
    }
    return {};
}
