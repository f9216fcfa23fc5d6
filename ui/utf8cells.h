#pragma once

#include <QByteArrayView>

// What each byte of a stretch of bytes is in UTF-8, as the Bytes tab shows it, found without
// reading from the start: a byte that is not a continuation byte always begins a sequence, and
// no sequence is longer than four bytes, so three bytes before the stretch are enough.
// Invalid bytes are found as a decoder replaces them (maximal subparts, as QString does).
namespace Utf8Cells {

enum class Kind {
    Ascii,        // printable ASCII
    Control,      // ASCII control characters, shown as '.'
    Lead,         // the first byte of a valid multi-byte sequence: shows the character
    Continuation, // the other bytes of that sequence
    Invalid,      // not valid UTF-8
    Incomplete,   // a sequence the bytes so far end inside (the next chunk may finish it)
};

// Classifies data[begin, begin + count): kinds[i] for each byte, characters[i] the code point
// of each Lead. `moreMayCome`: a sequence cut by the end of data is Incomplete, not Invalid.
void classify(QByteArrayView data, qint64 begin, int count, bool moreMayCome, Kind *kinds,
              char32_t *characters);

} // namespace Utf8Cells
