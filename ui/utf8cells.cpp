#include "utf8cells.h"

#include <algorithm>

namespace Utf8Cells {

namespace {

bool isContinuation(uchar byte)
{
    return (byte & 0xC0) == 0x80;
}

} // namespace

void classify(QByteArrayView data, qint64 begin, int count, bool moreMayCome, Kind *kinds,
              char32_t *characters)
{
    const qint64 end = std::min<qint64>(begin + count, data.size());
    if (begin < 0 || begin >= end)
        return;
    const auto byte = [&](qint64 at) {
        return uchar(data[at]);
    };
    // Back to the start of the sequence the first byte may belong to.
    qint64 at = begin;
    while (at > begin - 3 && at > 0 && isContinuation(byte(at)))
        --at;
    if (isContinuation(byte(at)))
        at = begin;
    const auto mark = [&](qint64 from, qint64 to, Kind kind) {
        for (qint64 i = std::max(from, begin); i < std::min(to, end); ++i)
            kinds[i - begin] = kind;
    };
    while (at < end) {
        const uchar lead = byte(at);
        if (lead < 0x80) {
            mark(at, at + 1, lead < 0x20 || lead == 0x7F ? Kind::Control : Kind::Ascii);
            ++at;
            continue;
        }
        const int length = lead >= 0xC2 && lead <= 0xDF ? 2
                : lead >= 0xE0 && lead <= 0xEF          ? 3
                : lead >= 0xF0 && lead <= 0xF4          ? 4
                                                        : 0;
        if (length == 0) {
            mark(at, at + 1, Kind::Invalid);
            ++at;
            continue;
        }
        // The second byte's range excludes overlongs, surrogates and code points past U+10FFFF.
        const uchar low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        const uchar high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        char32_t codePoint = lead & (0x7F >> length);
        int valid = 1;
        while (valid < length && at + valid < data.size()) {
            const uchar next = byte(at + valid);
            const bool ok = valid == 1 ? next >= low && next <= high : isContinuation(next);
            if (!ok)
                break;
            codePoint = (codePoint << 6) | (next & 0x3F);
            ++valid;
        }
        if (valid == length) {
            mark(at, at + length, Kind::Continuation);
            if (at >= begin)
                characters[at - begin] = codePoint;
            mark(at, at + 1, Kind::Lead);
        } else {
            const bool cutByEnd = at + valid == data.size() && moreMayCome;
            mark(at, at + valid, cutByEnd ? Kind::Incomplete : Kind::Invalid);
        }
        at += valid;
    }
}

} // namespace Utf8Cells
