#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

class QStringDecoder;

// Decodes a poem's UTF-8 bytes as they arrive. A character split across chunks comes out whole
// once its last byte arrives, so the text decoded so far is always a prefix of the final text,
// and decode() of every chunk followed by finish() equals QString::fromUtf8() of all bytes.
class PoemDecoder
{
public:
    PoemDecoder();
    ~PoemDecoder();
    PoemDecoder(PoemDecoder &&) noexcept;
    PoemDecoder &operator=(PoemDecoder &&) noexcept;

    // The text completed by this chunk. Invalid bytes become U+FFFD.
    QString decode(QByteArrayView chunk);
    // The end of the stream: an incomplete trailing character becomes U+FFFD.
    QString finish();

    bool hasInvalidUtf8() const;

private:
    std::unique_ptr<QStringDecoder> m_decoder;
    // The stream's last bytes, enough to replay an incomplete trailing character at finish().
    char m_tail[4] = {};
    qsizetype m_tailSize = 0;
    bool m_sawInvalid = false;
};
