#include "poem.h"

#include "poemdecoder.h"

bool Poem::hasInvalidUtf8() const
{
    // Plain ASCII is valid UTF-8: check that cheaply before decoding anything.
    const bool ascii
            = std::all_of(m_bytes.cbegin(), m_bytes.cend(), [](char c) { return uchar(c) < 0x80; });
    return !ascii && PoemDecoder::replacedInvalidBytes(m_bytes, text());
}
