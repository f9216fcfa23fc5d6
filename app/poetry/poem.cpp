#include "poem.h"

#include "poemdecoder.h"

#include <QUtf8StringView>

bool Poem::hasInvalidUtf8() const
{
    // Plain ASCII is valid UTF-8; check it cheaply before decoding anything.
    const auto *begin = reinterpret_cast<const uchar *>(m_bytes.constData());
    const auto *end = begin + m_bytes.size();
    const auto *firstNonAscii = std::find_if(begin, end, [](uchar c) { return c >= 0x80; });
    if (firstNonAscii == end)
        return false;
    PoemDecoder decoder;
    decoder.decode(QByteArrayView(firstNonAscii, end - firstNonAscii));
    decoder.finish();
    return decoder.hasInvalidUtf8();
}
