#include "requesttrace.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

RequestTrace::RequestTrace(quint64 requestId, std::source_location origin)
    : m_requestId(requestId), m_origin(origin)
{ }

void RequestTrace::addStep(Event event, const QString &text, const QString &peer)
{
    m_steps.append({Clock::now() - m_start, event, text, peer});
}

void RequestTrace::addChunk(qint64 bytes)
{
    m_lastChunk = Clock::now() - m_start;
    ++m_chunkCount;
    m_chunkBytes += bytes;
    if (m_chunks.size() < maxChunksKept)
        m_chunks.append({m_lastChunk, bytes});
}

std::optional<std::chrono::nanoseconds> RequestTrace::lastChunkTime() const
{
    if (m_chunkCount == 0)
        return std::nullopt;
    return m_lastChunk;
}

void RequestTrace::markEnded()
{
    m_end = Clock::now() - m_start;
}

std::optional<std::chrono::nanoseconds> RequestTrace::endTime() const
{
    if (m_end.count() < 0)
        return std::nullopt;
    return m_end;
}

std::optional<std::chrono::nanoseconds> RequestTrace::firstTime(Event event) const
{
    for (const Step &step : m_steps) {
        if (step.event == event)
            return step.elapsed;
    }
    return std::nullopt;
}

std::optional<std::chrono::nanoseconds> RequestTrace::lastTime(Event event) const
{
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it) {
        if (it->event == event)
            return it->elapsed;
    }
    return std::nullopt;
}

RequestTrace::Phases RequestTrace::phases() const
{
    using std::chrono::nanoseconds;
    const auto span = [](std::optional<nanoseconds> from,
                         std::optional<nanoseconds> to) -> std::optional<nanoseconds> {
        if (!from || !to || *to < *from)
            return std::nullopt;
        return *to - *from;
    };
    const auto resolving = firstTime(Event::Resolving);
    const auto attempt = firstTime(Event::AttemptStarted);
    const auto connected = firstTime(Event::Connected);
    const auto firstByte = firstTime(Event::FirstByte);
    const auto ended = endTime();
    const std::optional<nanoseconds> made = nanoseconds(0);

    Phases phases;
    // Queued until the request first did something on the network (a requeue after running
    // out of descriptors counts as connecting: the request had left the queue).
    const auto started = resolving ? resolving : attempt;
    phases.queued = started ? started : ended;
    // A phase that the end cut short (a failed lookup, a refused or timed-out connection, a
    // server that never sent a byte) lasts until the end.
    const auto resolved = firstTime(Event::Resolved);
    phases.resolving = span(resolving, resolved ? resolved : ended);
    phases.connecting = span(attempt, connected ? connected : ended);
    phases.waiting = span(connected, firstByte ? firstByte : ended);
    phases.receiving = span(firstByte, ended ? ended : lastChunkTime());
    phases.total = span(made, ended);
    return phases;
}

QStringList RequestTrace::attemptedAddresses() const
{
    QStringList addresses;
    for (const Step &step : m_steps) {
        if (step.event == Event::AttemptStarted)
            addresses.append(step.peer);
    }
    return addresses;
}

QString RequestTrace::connectedAddress() const
{
    for (const Step &step : m_steps) {
        if (step.event == Event::Connected)
            return step.peer;
    }
    return {};
}

QString RequestTrace::actionLine() const
{
    if (m_action.isEmpty())
        return {};
    return QCoreApplication::translate("RequestTrace", "user action: %1").arg(m_action);
}

QString RequestTrace::originLine() const
{
    return QCoreApplication::translate("RequestTrace", "request #%1 made at %2:%3 in %4")
            .arg(m_requestId)
            .arg(sourceFileName(m_origin.file_name()))
            .arg(m_origin.line())
            .arg(functionName(m_origin.function_name()));
}

QStringList RequestTrace::stepLines() const
{
    QStringList lines;
    lines.reserve(m_steps.size());
    for (const Step &step : m_steps) {
        const double seconds = std::chrono::duration<double>(step.elapsed).count();
        lines.append(QCoreApplication::translate("RequestTrace", "+%1 s  %2",
                                                 "seconds since the request, then the step")
                             .arg(seconds, 0, 'f', 3)
                             .arg(step.text));
    }
    return lines;
}

QString RequestTrace::sourceFileName(const char *path)
{
    QString file = QString::fromUtf8(path);
#ifdef POETRY_SOURCE_DIR
    // The build passes the source root so that traces name files as the project does.
    const QString root = QStringLiteral(POETRY_SOURCE_DIR);
    if (file.startsWith(root))
        file.remove(0, root.size());
#endif
    // A compiler cache (ccache's base_dir) or a build that passes relative paths makes them
    // relative to the build folder ("../ui/x.cpp"): the project's name of the file is the rest.
    while (file.startsWith(QLatin1String("../")))
        file.remove(0, 3);
    return file;
}

QString RequestTrace::functionName(const char *signature)
{
    QString name = QString::fromUtf8(signature);
    // Drop the parameter list, then the return type (the last space outside template brackets).
    int depth = 0;
    qsizetype paren = -1;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u'<')
            ++depth;
        else if (c == u'>')
            --depth;
        else if (c == u'(' && depth == 0) {
            paren = i;
            break;
        }
    }
    if (paren > 0)
        name.truncate(paren);
    depth = 0;
    for (qsizetype i = name.size() - 1; i >= 0; --i) {
        const QChar c = name.at(i);
        if (c == u'>')
            ++depth;
        else if (c == u'<')
            --depth;
        else if (c == u' ' && depth == 0)
            return name.mid(i + 1);
    }
    return name;
}
