#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the libFuzzer targets: a strict UTF-8 check written independently of Qt, and a
// failure that stops the fuzzer with a readable reason (libFuzzer then saves the input).
namespace Fuzz {

[[noreturn]] inline void fail(const QString &reason)
{
    std::fprintf(stderr, "FUZZ CHECK FAILED: %s\n", reason.toUtf8().constData());
    std::abort();
}

// The reason is only worked out when the check fails: `reason` is a callable returning QString.
template<typename Reason>
inline void check(bool condition, Reason &&reason)
{
    if (!condition)
        fail(reason());
}

// RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
inline bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        char32_t value = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            value = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            value = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            value = lead & 0x07;
        } else {
            return false;
        }
        if (end - p < length)
            return false;
        for (int i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            value = (value << 6) | (p[i] & 0x3F);
        }
        if ((length == 3 && value < 0x800) || (length == 4 && value < 0x10000)
            || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
            return false;
        p += length;
    }
    return true;
}

// Bytes as text for a failure message: printable ASCII as is, the rest as \xNN.
inline QString show(QByteArrayView bytes, qsizetype max = 200)
{
    QString text;
    for (qsizetype i = 0; i < std::min(bytes.size(), max); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\')
            text += QLatin1Char(char(c));
        else
            text += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > max)
        text += QStringLiteral("…");
    return text;
}

} // namespace Fuzz
