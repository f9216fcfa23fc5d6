#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Decodes a poem's UTF-8 bytes as they arrive. A character split across chunks comes out whole
// once its last byte arrives, the text decoded so far is always a prefix of the final text, and
// decode() of every chunk followed by finish() equals QString::fromUtf8() of all the bytes.
//
// QStringDecoder is not used: in Qt 6.4 its stateful mode decodes invalid sequences split
// across chunks differently from the one-shot decoder, and can drop the byte after them.
// Holding back only an unfinished trailing sequence and decoding the rest in one shot keeps
// the streamed text identical to the final text.
class PoemDecoder
{
public:
    // The text completed by this chunk. Invalid bytes become U+FFFD.
    QString decode(QByteArrayView chunk);
    // The end of the stream: an unfinished trailing character becomes U+FFFD.
    QString finish();

    bool hasInvalidUtf8() const { return m_sawInvalid; }

    // Whether decoding `bytes` to `text` replaced any invalid bytes (a U+FFFD that the bytes
    // spelled out themselves is valid).
    static bool replacedInvalidBytes(QByteArrayView bytes, QStringView text);

private:
    QString decodeComplete(QByteArrayView bytes);

    QByteArray m_pending; // the start of an unfinished character, at most 3 bytes
    bool m_sawInvalid = false;
    bool m_decodedAny = false; // a byte order mark is only dropped at the very start
};
