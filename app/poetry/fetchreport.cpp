#include "fetchreport.h"

#include "poemjob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Milliseconds, to the microsecond; null for a phase that did not happen.
QJsonValue milliseconds(std::optional<std::chrono::nanoseconds> span)
{
    if (!span)
        return QJsonValue::Null;
    return std::round(double(span->count()) / 1000.0) / 1000.0;
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QString FetchReport::formatName()
{
    return u"poetry-reader-fetch-report"_s;
}

QString FetchReport::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Poem:
        return u"poem"_s;
    case Outcome::Failure:
        return u"failure"_s;
    case Outcome::Pending:
        break;
    }
    return u"pending"_s;
}

FetchReport::Record FetchReport::record(const PoemJob &job)
{
    const RequestTrace &trace = job.trace();
    Record record;
    record.request = job.id();
    record.address = job.addressText();
    record.attempts = trace.attemptedAddresses();
    record.connected = trace.connectedAddress();
    if (const auto &failure = job.failure()) {
        record.outcome = Outcome::Failure;
        record.failureType = failure->typeName();
        record.failureMessage = failure->errorMessage();
        record.systemErrorCode = failure->systemErrorCode();
    } else {
        record.outcome = job.isFinished() ? Outcome::Poem : Outcome::Pending;
    }
    record.bytes = job.bytesReceived();
    record.chunks = trace.chunkCount();
    record.phases = trace.phases();
    return record;
}

QJsonObject FetchReport::toJson(const Record &record)
{
    QJsonValue failure = QJsonValue::Null;
    if (record.outcome == Outcome::Failure) {
        failure = QJsonObject{
                {u"type"_s, record.failureType},
                {u"message"_s, record.failureMessage},
                {u"systemError"_s,
                 record.systemErrorCode != 0 ? QJsonValue(record.systemErrorCode)
                                             : QJsonValue(QJsonValue::Null)},
        };
    }
    const RequestTrace::Phases &phases = record.phases;
    return QJsonObject{
            {u"request"_s, qint64(record.request)},
            {u"address"_s, record.address},
            {u"attempts"_s, QJsonArray::fromStringList(record.attempts)},
            {u"connected"_s, textOrNull(record.connected)},
            {u"outcome"_s, outcomeName(record.outcome)},
            {u"failure"_s, failure},
            {u"bytes"_s, record.bytes},
            {u"chunks"_s, record.chunks},
            {u"phasesMs"_s,
             QJsonObject{
                     {u"queued"_s, milliseconds(phases.queued)},
                     {u"resolve"_s, milliseconds(phases.resolving)},
                     {u"connect"_s, milliseconds(phases.connecting)},
                     {u"wait"_s, milliseconds(phases.waiting)},
                     {u"receive"_s, milliseconds(phases.receiving)},
                     {u"total"_s, milliseconds(phases.total)},
             }},
    };
}

QJsonObject FetchReport::toJson() const
{
    QString generator = m_generator;
    if (generator.isEmpty()) {
        generator = QCoreApplication::applicationName();
        if (!QCoreApplication::applicationVersion().isEmpty())
            generator += u' ' + QCoreApplication::applicationVersion();
    }
    QJsonArray requests;
    for (const Record &record : m_records)
        requests.append(toJson(record));
    return QJsonObject{
            {u"format"_s, formatName()},
            {u"version"_s, formatVersion},
            {u"generator"_s, generator},
            {u"created"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {u"requests"_s, requests},
    };
}

QByteArray FetchReport::toBytes() const
{
    // Indented output ends with a newline already.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

bool FetchReport::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QByteArray bytes = toBytes();
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}
