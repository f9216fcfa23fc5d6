#include "poemdecoder.h"

namespace {

bool isContinuation(uchar byte)
{
    return (byte & 0xC0) == 0x80;
}

// Bytes a sequence starting with `lead` should have; 0 if `lead` cannot start one.
qsizetype sequenceLength(uchar lead)
{
    if (lead >= 0xF0 && lead <= 0xF7)
        return 4;
    if (lead >= 0xE0)
        return lead <= 0xEF ? 3 : 0;
    if (lead >= 0xC0)
        return 2;
    return 0;
}

// Where the unfinished character at the end of `bytes` starts (bytes.size() if none). The
// one-shot decoder starts afresh at every byte that is not a continuation byte, so cutting
// there decodes the part before it exactly as the whole stream would.
qsizetype unfinishedTailStart(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    for (qsizetype back = 1; back <= std::min<qsizetype>(3, size); ++back) {
        const auto byte = uchar(bytes.at(size - back));
        if (isContinuation(byte))
            continue;
        return sequenceLength(byte) > back ? size - back : size;
    }
    return size;
}

} // namespace

QString PoemDecoder::decode(QByteArrayView chunk)
{
    if (chunk.isEmpty())
        return {};
    if (m_pending.isEmpty()) {
        const qsizetype cut = unfinishedTailStart(chunk);
        m_pending = chunk.sliced(cut).toByteArray();
        return decodeComplete(chunk.first(cut));
    }
    const QByteArray joined = m_pending + chunk;
    const qsizetype cut = unfinishedTailStart(joined);
    m_pending = joined.sliced(cut);
    return decodeComplete(QByteArrayView(joined).first(cut));
}

QString PoemDecoder::finish()
{
    return decodeComplete(std::exchange(m_pending, {}));
}

QString PoemDecoder::decodeComplete(QByteArrayView bytes)
{
    // QString::fromUtf8() drops a byte order mark at the start of what it is given. That is
    // right at the start of the poem only: later, U+FEFF is part of the text.
    QString text;
    if (m_decodedAny) {
        static constexpr QByteArrayView bom("\xEF\xBB\xBF");
        while (bytes.startsWith(bom)) {
            text += QChar(0xFEFF);
            bytes = bytes.sliced(bom.size());
        }
    }
    if (!bytes.isEmpty())
        m_decodedAny = true;
    text += QString::fromUtf8(bytes);
    if (!m_sawInvalid && replacedInvalidBytes(bytes, text))
        m_sawInvalid = true;
    return text;
}

bool PoemDecoder::replacedInvalidBytes(QByteArrayView bytes, QStringView text)
{
    const qsizetype replacements = text.count(QChar::ReplacementCharacter);
    if (replacements == 0)
        return false;
    // U+FFFD itself is EF BF BD: only replacements beyond those came from invalid bytes.
    return replacements > bytes.count(QByteArrayView("\xEF\xBF\xBD"));
}
