#include "storedtrace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>
#include <chrono>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr int formatVersion = 1;
// Integers travel through JSON as doubles: exact up to 2^53 (about 104 days in nanoseconds).
constexpr qint64 maxExactInteger = qint64(1) << 53;

constexpr std::array eventNames{
        std::pair{RequestTrace::Event::Note, "note"},
        std::pair{RequestTrace::Event::Queued, "queued"},
        std::pair{RequestTrace::Event::Resolving, "resolving"},
        std::pair{RequestTrace::Event::Resolved, "resolved"},
        std::pair{RequestTrace::Event::AttemptStarted, "attempt-started"},
        std::pair{RequestTrace::Event::AttemptFailed, "attempt-failed"},
        std::pair{RequestTrace::Event::Connected, "connected"},
        std::pair{RequestTrace::Event::FirstByte, "first-byte"},
        std::pair{RequestTrace::Event::Paused, "paused"},
        std::pair{RequestTrace::Event::Resumed, "resumed"},
        std::pair{RequestTrace::Event::LastByte, "last-byte"},
};

// The phases by name, in the order of RequestTrace::Phases.
constexpr std::array phaseNames{"queued",  "resolving", "connecting",
                                "waiting", "receiving", "total"};

std::array<std::optional<std::chrono::nanoseconds> *, 6> phaseFields(RequestTrace::Phases &p)
{
    return {&p.queued, &p.resolving, &p.connecting, &p.waiting, &p.receiving, &p.total};
}

qint64 clampInteger(qint64 value)
{
    return std::clamp<qint64>(value, 0, maxExactInteger);
}

QString bounded(const QString &text)
{
    return text.size() > StoredTrace::maxTextLength ? text.left(StoredTrace::maxTextLength) : text;
}

// An integer in [0, 2^53], or nothing.
std::optional<qint64> integer(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0 && number <= double(maxExactInteger)))
        return std::nullopt;
    const auto result = qint64(number);
    if (double(result) != number)
        return std::nullopt;
    return result;
}

std::optional<QString> boundedString(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (text.size() > StoredTrace::maxTextLength)
        return std::nullopt;
    // Lone surrogates (JSON's "\ud800") as encode() would write them back: one form only.
    return QString::fromUtf8(text.toUtf8());
}

QJsonValue optionalInteger(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(clampInteger(*value))) : QJsonValue();
}

// An absent or null member is nothing; anything else must be an integer.
bool readOptional(const QJsonObject &object, const QString &key, std::optional<qint64> *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        out->reset();
        return true;
    }
    *out = integer(value);
    return out->has_value();
}

} // namespace

StoredTrace StoredTrace::fromTrace(const RequestTrace &trace)
{
    StoredTrace stored;
    stored.requestId = trace.requestId();
    const std::source_location origin = trace.origin();
    stored.originFile = RequestTrace::sourceFileName(origin.file_name());
    stored.originLine = int(origin.line());
    stored.originFunction = RequestTrace::functionName(origin.function_name());
    stored.steps.reserve(std::min<qsizetype>(trace.steps().size(), maxSteps));
    for (const RequestTrace::Step &step : trace.steps()) {
        if (stored.steps.size() == maxSteps)
            break;
        stored.steps.append({step.elapsed.count(), step.event, step.text, step.peer});
    }
    stored.chunkCount = trace.chunkCount();
    stored.chunkBytes = trace.chunkBytes();
    if (const auto last = trace.lastChunkTime())
        stored.lastChunkNs = last->count();
    if (const auto end = trace.endTime())
        stored.endNs = end->count();
    stored.phases = trace.phases();
    return stored;
}

QByteArray StoredTrace::encode() const
{
    QJsonArray stepArray;
    for (qsizetype i = 0; i < std::min(steps.size(), maxSteps); ++i) {
        const Step &step = steps.at(i);
        stepArray.append(QJsonArray{double(clampInteger(step.elapsedNs)), eventName(step.event),
                                    bounded(step.text), bounded(step.peer)});
    }
    QJsonObject phaseObject;
    RequestTrace::Phases copy = phases;
    const auto fields = phaseFields(copy);
    for (size_t i = 0; i < fields.size(); ++i) {
        if (*fields[i])
            phaseObject.insert(QLatin1StringView(phaseNames[i]),
                               double(clampInteger((*fields[i])->count())));
    }
    const QJsonObject object{
            {u"format"_s, formatVersion},
            {u"request"_s,
             double(clampInteger(qint64(std::min<quint64>(requestId, maxExactInteger))))},
            {u"origin"_s,
             QJsonObject{{u"file"_s, bounded(originFile)},
                         {u"line"_s, double(clampInteger(originLine))},
                         {u"function"_s, bounded(originFunction)}}},
            {u"steps"_s, stepArray},
            {u"chunks"_s,
             QJsonObject{{u"count"_s, double(clampInteger(chunkCount))},
                         {u"bytes"_s, double(clampInteger(chunkBytes))},
                         {u"lastNs"_s, optionalInteger(lastChunkNs)}}},
            {u"endNs"_s, optionalInteger(endNs)},
            {u"phasesNs"_s, phaseObject},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<StoredTrace> StoredTrace::decode(QByteArrayView bytes, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<StoredTrace> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (bytes.size() > maxEncodedSize)
        return fail(u"larger than %1 bytes"_s.arg(maxEncodedSize));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray::fromRawData(bytes.data(), bytes.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not JSON: "_s + parseError.errorString());
    if (!document.isObject())
        return fail(u"not a JSON object"_s);
    const QJsonObject object = document.object();
    if (integer(object.value(u"format"_s)) != formatVersion)
        return fail(u"not format %1"_s.arg(formatVersion));

    StoredTrace trace;
    const auto request = integer(object.value(u"request"_s));
    if (!request)
        return fail(u"no request number"_s);
    trace.requestId = quint64(*request);

    const QJsonObject origin = object.value(u"origin"_s).toObject();
    const auto file = boundedString(origin.value(u"file"_s));
    const auto line = integer(origin.value(u"line"_s));
    const auto function = boundedString(origin.value(u"function"_s));
    if (!file || !line || *line > std::numeric_limits<int>::max() || !function)
        return fail(u"no valid origin"_s);
    trace.originFile = *file;
    trace.originLine = int(*line);
    trace.originFunction = *function;

    const QJsonValue stepsValue = object.value(u"steps"_s);
    if (!stepsValue.isArray())
        return fail(u"no steps"_s);
    const QJsonArray stepArray = stepsValue.toArray();
    if (stepArray.size() > maxSteps)
        return fail(u"more than %1 steps"_s.arg(maxSteps));
    trace.steps.reserve(stepArray.size());
    for (const QJsonValue &value : stepArray) {
        const QJsonArray fields = value.toArray();
        if (!value.isArray() || fields.size() != 4)
            return fail(u"a step is not [time, event, text, peer]"_s);
        const auto elapsed = integer(fields.at(0));
        const auto event = boundedString(fields.at(1));
        const auto text = boundedString(fields.at(2));
        const auto peer = boundedString(fields.at(3));
        if (!elapsed || !event || !text || !peer)
            return fail(u"a step is not [time, event, text, peer]"_s);
        // An event this version does not know (a newer program wrote it) is kept as a note.
        trace.steps.append({*elapsed, eventFromName(*event).value_or(RequestTrace::Event::Note),
                            *text, *peer});
    }

    const QJsonObject chunks = object.value(u"chunks"_s).toObject();
    const auto chunkCount = integer(chunks.value(u"count"_s));
    const auto chunkBytes = integer(chunks.value(u"bytes"_s));
    if (!chunkCount || !chunkBytes || !readOptional(chunks, u"lastNs"_s, &trace.lastChunkNs))
        return fail(u"no valid chunk counts"_s);
    trace.chunkCount = *chunkCount;
    trace.chunkBytes = *chunkBytes;
    if (!readOptional(object, u"endNs"_s, &trace.endNs))
        return fail(u"no valid end time"_s);

    const QJsonValue phasesValue = object.value(u"phasesNs"_s);
    if (!phasesValue.isObject())
        return fail(u"no phases"_s);
    const QJsonObject phaseObject = phasesValue.toObject();
    const auto fields = phaseFields(trace.phases);
    for (size_t i = 0; i < fields.size(); ++i) {
        std::optional<qint64> value;
        if (!readOptional(phaseObject, QLatin1StringView(phaseNames[i]), &value))
            return fail(u"phase %1 is not a time"_s.arg(QLatin1StringView(phaseNames[i])));
        if (value)
            *fields[i] = std::chrono::nanoseconds(*value);
    }
    return trace;
}

QString StoredTrace::originText() const
{
    return QCoreApplication::translate("RequestTrace", "request #%1 made at %2:%3 in %4")
            .arg(requestId)
            .arg(originFile)
            .arg(originLine)
            .arg(originFunction);
}

QStringList StoredTrace::stepLines() const
{
    QStringList lines;
    lines.reserve(steps.size());
    for (const Step &step : steps) {
        const double seconds = double(step.elapsedNs) / 1e9;
        lines.append(u"+%1 s  %2"_s.arg(seconds, 0, 'f', 3).arg(step.text));
    }
    return lines;
}

QString StoredTrace::eventName(RequestTrace::Event event)
{
    for (const auto &[value, name] : eventNames) {
        if (value == event)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<RequestTrace::Event> StoredTrace::eventFromName(QStringView name)
{
    for (const auto &[value, eventNameText] : eventNames) {
        if (name == QLatin1StringView(eventNameText))
            return value;
    }
    return std::nullopt;
}

bool StoredTrace::operator==(const StoredTrace &other) const
{
    RequestTrace::Phases a = phases;
    RequestTrace::Phases b = other.phases;
    const auto fieldsA = phaseFields(a);
    const auto fieldsB = phaseFields(b);
    for (size_t i = 0; i < fieldsA.size(); ++i) {
        if (*fieldsA[i] != *fieldsB[i])
            return false;
    }
    return requestId == other.requestId && originFile == other.originFile
            && originLine == other.originLine && originFunction == other.originFunction
            && steps == other.steps && chunkCount == other.chunkCount
            && chunkBytes == other.chunkBytes && lastChunkNs == other.lastChunkNs
            && endNs == other.endNs;
}
