#pragma once

#include "libraryrecord.h"

#include <QDateTime>
#include <QFile>
#include <QFuture>
#include <QString>

// Shared by the library's suites: records made by hand, and futures waited for.
namespace LibraryTest {

template<typename T>
T result(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

inline LibraryRecord record(const QByteArray &bytes,
                            const QString &address = QStringLiteral("127.0.0.1:10001"),
                            LibraryOutcome outcome = LibraryOutcome::Poem)
{
    LibraryRecord record;
    record.serverName = QStringLiteral("Server ") + address;
    record.address = address;
    record.connectedAddress = address;
    record.ended = QDateTime::currentDateTimeUtc();
    record.started = record.ended.addMSecs(-25);
    record.outcome = outcome;
    if (outcome == LibraryOutcome::Failure) {
        record.failureType = QStringLiteral("ConnectionLost");
        record.failureMessage = QStringLiteral("Connection was lost.");
        record.systemErrorCode = 104;
    }
    record.bytes = bytes;
    record.trace.requestId = 7;
    record.trace.originFile = QStringLiteral("tests/library/tst_library.cpp");
    record.trace.originLine = 42;
    record.trace.originFunction = QStringLiteral("test");
    record.trace.steps
            = {{0, RequestTrace::Event::Queued, QStringLiteral("queued"), {}},
               {1000000, RequestTrace::Event::Connected, QStringLiteral("connected"), address}};
    record.trace.endNs = 25000000;
    record.trace.phases.total = std::chrono::milliseconds(25);
    return record;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace LibraryTest
