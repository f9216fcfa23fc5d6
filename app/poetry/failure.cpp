#include "failure.h"

#include <cstring>

using namespace Qt::StringLiterals;

QString Failure::typeName(Kind kind)
{
    switch (kind) {
    case Kind::ConnectionRefused:
        return u"ConnectionRefusedError"_s;
    case Kind::DNSLookup:
        return u"DNSLookupError"_s;
    case Kind::Timeout:
        return u"TimeoutError"_s;
    case Kind::ConnectionLost:
        return u"ConnectionLost"_s;
    case Kind::PoemTooLarge:
        return u"PoemTooLarge"_s;
    case Kind::Cancelled:
        return u"CancelledError"_s;
    case Kind::InvalidAddress:
        return u"InvalidAddress"_s;
    case Kind::FailureGroup:
        return u"FailureGroup"_s;
    case Kind::NetworkError:
        break;
    }
    return u"NetworkError"_s;
}

void Failure::setSystemError(int code, const QString &text)
{
    m_systemErrorCode = code;
    m_systemErrorText
            = text.isEmpty() && code != 0 ? QString::fromLocal8Bit(std::strerror(code)) : text;
}

QString Failure::errorMessage() const
{
    QString line = m_message;
    if (m_systemErrorCode != 0)
        line += u": " + QString::number(m_systemErrorCode) + u": " + m_systemErrorText;
    else if (!m_systemErrorText.isEmpty())
        line += u": " + m_systemErrorText;
    // A translated message may end with the Japanese full stop: no second one.
    if (!line.endsWith(u'.') && !line.endsWith(u'。'))
        line += u'.';
    return line;
}

QString Failure::traceback(const QString &header) const
{
    QString text = (header.isEmpty() ? u"Traceback (most recent call last):"_s : header) + u'\n';
    if (m_trace.requestId() != 0) {
        if (!m_trace.action().isEmpty())
            text += u"  " + m_trace.actionLine() + u'\n';
        text += u"  " + m_trace.originLine() + u'\n';
        for (const QString &line : m_trace.stepLines())
            text += u"  " + line + u'\n';
    }
    text += typeName() + u": " + errorMessage() + u'\n';
    // A group tells each member's story after its own, as Python prints an exception group.
    for (size_t i = 0; i < m_members.size(); ++i) {
        text += u"\n"_s
                + tr("Member %1 of %2 (%3):")
                          .arg(i + 1)
                          .arg(m_members.size())
                          .arg(m_members[i].address())
                + u'\n';
        const QString member = m_members[i].traceback(header);
        for (const QStringView line : QStringView(member).split(u'\n', Qt::SkipEmptyParts))
            text += u"  " + line + u'\n';
    }
    return text;
}

void Failure::rethrow() const
{
    throw FailureException(*this);
}
