#include "requesttrace.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

RequestTrace::RequestTrace(quint64 requestId, std::source_location origin)
    : m_requestId(requestId), m_origin(origin)
{ }

void RequestTrace::addStep(const QString &text)
{
    m_steps.append({Clock::now() - m_start, text});
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
        lines.append(u"+%1 s  %2"_s.arg(seconds, 0, 'f', 3).arg(step.text));
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
