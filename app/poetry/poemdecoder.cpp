#include "poemdecoder.h"

#include <QStringDecoder>

namespace {

// QStringDecoder keeps the bytes of an unfinished character in its state but has no way to
// flush them; the count is all we need to replay them through the one-shot decoder.
class StreamDecoder : public QStringDecoder
{
public:
    StreamDecoder() : QStringDecoder(QStringDecoder::Utf8) { }
    qsizetype pendingBytes() const { return state.remainingChars; }
};

StreamDecoder &streamDecoder(const std::unique_ptr<QStringDecoder> &decoder)
{
    return static_cast<StreamDecoder &>(*decoder);
}

} // namespace

PoemDecoder::PoemDecoder() : m_decoder(std::make_unique<StreamDecoder>()) { }
PoemDecoder::~PoemDecoder() = default;
PoemDecoder::PoemDecoder(PoemDecoder &&) noexcept = default;
PoemDecoder &PoemDecoder::operator=(PoemDecoder &&) noexcept = default;

QString PoemDecoder::decode(QByteArrayView chunk)
{
    if (chunk.isEmpty())
        return {};
    // Remember the last (up to 4) bytes of the stream.
    const qsizetype keep = std::min<qsizetype>(chunk.size(), sizeof m_tail);
    const qsizetype shift = std::min<qsizetype>(m_tailSize, qsizetype(sizeof m_tail) - keep);
    std::memmove(m_tail, m_tail + m_tailSize - shift, size_t(shift));
    std::memcpy(m_tail + shift, chunk.data() + chunk.size() - keep, size_t(keep));
    m_tailSize = shift + keep;
    return m_decoder->decode(chunk);
}

QString PoemDecoder::finish()
{
    const qsizetype pending = std::min(streamDecoder(m_decoder).pendingBytes(), m_tailSize);
    if (pending == 0)
        return {};
    m_sawInvalid = true;
    const QString rest = QString::fromUtf8(m_tail + m_tailSize - pending, pending);
    m_decoder = std::make_unique<StreamDecoder>();
    m_tailSize = 0;
    return rest;
}

bool PoemDecoder::hasInvalidUtf8() const
{
    return m_sawInvalid || m_decoder->hasError();
}
