#pragma once

#include "address.h"
#include "requesttrace.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

// A poem as received: the raw bytes exactly as the server sent them, the server, and the
// request's timeline. The text is decoded on demand (it may be as large as the bytes twice over).
class Poem
{
public:
    Poem() = default;
    Poem(const QByteArray &bytes, const Address &source, const RequestTrace &trace = {})
        : m_bytes(bytes), m_source(source), m_trace(trace)
    { }

    const QByteArray &bytes() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }

    // UTF-8 decoded; invalid or truncated sequences become U+FFFD.
    QString text() const { return QString::fromUtf8(m_bytes); }
    // Whether any bytes were not valid UTF-8 (shown as U+FFFD in text()).
    bool hasInvalidUtf8() const;

    Address source() const { return m_source; }
    const RequestTrace &trace() const { return m_trace; }

private:
    QByteArray m_bytes;
    Address m_source;
    RequestTrace m_trace;
};

Q_DECLARE_METATYPE(Poem)
