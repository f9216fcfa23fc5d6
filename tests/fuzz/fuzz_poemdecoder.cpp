// PoemDecoder on random bytes split at points the fuzzer chooses: the text streamed so far is
// always a prefix of the final text, every decode() followed by finish() equals
// QString::fromUtf8() of all the bytes, and hasInvalidUtf8() says whether the bytes were
// valid UTF-8 (checked against an independent strict validator, and against Poem's own).

#include "fuzzsupport.h"
#include "poem.h"
#include "poemdecoder.h"

#include <cstdlib>
#include <vector>

using namespace Qt::StringLiterals;

namespace { } // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // Byte 0: how many chunk lengths follow (0-15); then the lengths (0-255, cycled through;
    // 0 feeds an empty chunk); the rest is the poem.
    const size_t lengthCount = std::min<size_t>(data[0] % 16, size - 1);
    std::vector<qsizetype> lengths(data + 1, data + 1 + lengthCount);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1 + lengthCount,
                               qsizetype(size - 1 - lengthCount));
    if (lengths.empty())
        lengths.push_back(bytes.size());

    const QString expected = QString::fromUtf8(bytes);
    PoemDecoder decoder;
    QString live;
    qsizetype offset = 0;
    int emptyRun = 0;
    for (size_t i = 0; offset < bytes.size() && emptyRun <= int(lengths.size()); ++i) {
        const qsizetype length = std::min(lengths[i % lengths.size()], bytes.size() - offset);
        emptyRun = length == 0 ? emptyRun + 1 : 0;
        live += decoder.decode(bytes.sliced(offset, length));
        offset += length;
        Fuzz::check(expected.startsWith(live), [&]() -> QString {
            return u"after %1 of %2 bytes the live text is not a prefix of the final text: "_s
                           .arg(offset)
                           .arg(bytes.size())
                    + Fuzz::show(bytes);
        });
    }
    if (offset < bytes.size()) // every length was 0
        live += decoder.decode(bytes.sliced(offset));
    live += decoder.finish();
    Fuzz::check(live == expected, [&]() -> QString {
        return u"decode()+finish() (%1 UTF-16 units) differs from fromUtf8() (%2): "_s
                       .arg(live.size())
                       .arg(expected.size())
                + Fuzz::show(bytes);
    });

    const bool invalid = !Fuzz::isValidUtf8(bytes);
    Fuzz::check(decoder.hasInvalidUtf8() == invalid, [&]() -> QString {
        return u"hasInvalidUtf8() is %1 for bytes that are %2 UTF-8: "_s.arg(
                       decoder.hasInvalidUtf8() ? u"true"_s : u"false"_s,
                       invalid ? u"invalid"_s : u"valid"_s)
                + Fuzz::show(bytes);
    });
    const Poem poem(bytes.toByteArray(), Address(u"127.0.0.1"_s, 1));
    Fuzz::check(poem.hasInvalidUtf8() == invalid, [&]() -> QString {
        return u"Poem::hasInvalidUtf8() is %1 for bytes that are %2 UTF-8: "_s.arg(
                       poem.hasInvalidUtf8() ? u"true"_s : u"false"_s,
                       invalid ? u"invalid"_s : u"valid"_s)
                + Fuzz::show(bytes);
    });
    Fuzz::check(poem.text() == expected,
                [&]() -> QString { return u"Poem::text() differs from fromUtf8()"_s; });
    return 0;
}
