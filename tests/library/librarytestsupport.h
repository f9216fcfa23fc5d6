#pragma once

#include "libraryrecord.h"

#include <QDateTime>
#include <QFile>
#include <QFuture>
#include <QString>
#include <QStringList>

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

// For the benchmarks: deterministic poems of a few hundred bytes, every one different.
inline QByteArray benchPoem(int index)
{
    static const QStringList words
            = {QStringLiteral("눈"),      QStringLiteral("첫눈이"), QStringLiteral("바람"),
               QStringLiteral("하늘"),    QStringLiteral("東京駅"), QStringLiteral("雪国"),
               QStringLiteral("静かに"),  QStringLiteral("汽車"),   QStringLiteral("the rain"),
               QStringLiteral("morning"), QStringLiteral("river"),  QStringLiteral("silence"),
               QStringLiteral("밤"),      QStringLiteral("駅"),     QStringLiteral("light"),
               QStringLiteral("stone")};
    quint32 seed = quint32(index) * 2654435761u + 12345u;
    QString text = QStringLiteral("Poem %1\n").arg(index);
    for (int line = 0; line < 8; ++line) {
        for (int word = 0; word < 6; ++word) {
            seed = seed * 1103515245u + 12345u;
            text += words[int((seed >> 16) % quint32(words.size()))] + u' ';
        }
        text += u'\n';
    }
    return text.toUtf8();
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
