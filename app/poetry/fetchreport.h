#pragma once

#include "requeststate.h"
#include "requesttrace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class PoemJob;

// The report of a batch of requests as one JSON document, one record per request: what
// `get-poetry --report FILE` writes, and the window's export. The schema, with an example, is
// in docs/report-format.md; formatVersion changes whenever a field changes meaning or goes.
//
//     FetchReport report;
//     for (const PoemJob *job : jobs)
//         report.add(*job);
//     QString error;
//     if (!report.save(u"report.json"_s, &error))
//         qWarning() << error;
//
// A record is a value taken from a job when it is added: the job may go afterwards.
class FetchReport
{
public:
    static constexpr int formatVersion = 1;
    // The value of the document's "format" field.
    static QString formatName();

    enum class Outcome { Poem, Failure, Pending };

    struct Record
    {
        RequestId request = 0;
        QString address;      // as it was given to fetch()
        QStringList attempts; // each address a connection was attempted to, in order
        QString connected;    // the one that connected; empty if none did
        Outcome outcome = Outcome::Pending;
        QString failureType; // Failure::typeName(); empty unless outcome is Failure
        QString failureMessage;
        int systemErrorCode = 0;
        qint64 bytes = 0;
        qint64 chunks = 0;
        RequestTrace::Phases phases;
    };

    // What `job` is now: Pending if it has not finished.
    static Record record(const PoemJob &job);

    void add(const PoemJob &job) { m_records.append(record(job)); }
    void add(const Record &record) { m_records.append(record); }
    const QList<Record> &records() const { return m_records; }

    // "generator" in the document: the program that wrote it ("get-poetry 0.1.0"). By default
    // the application's name and version.
    void setGenerator(const QString &generator) { m_generator = generator; }

    static QJsonObject toJson(const Record &record);
    QJsonObject toJson() const;
    // The document, indented, ending with a newline.
    QByteArray toBytes() const;
    // Writes the document to `path` whole or not at all (QSaveFile). On failure, false and
    // `error` says why.
    bool save(const QString &path, QString *error = nullptr) const;

    static QString outcomeName(Outcome outcome);

private:
    QList<Record> m_records;
    QString m_generator;
};
