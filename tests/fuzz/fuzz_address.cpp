// Address::parse() on anything a user could type or paste, as UTF-8 or as raw UTF-16 (lone
// surrogates included): it never crashes, every refusal says why, and every accepted address
// is valid and reads back from its own toString() as the same address.

#include "address.h"
#include "fuzzsupport.h"

#include <cstring>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the encoding of the rest: odd for UTF-16, even for UTF-8.
    const bool utf16 = data[0] & 1;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    QString text;
    if (utf16) {
        text.resize(rest.size() / 2);
        std::memcpy(text.data(), rest.data(), size_t(text.size()) * sizeof(char16_t));
    } else {
        text = QString::fromUtf8(rest);
    }

    QString error;
    const auto address = Address::parse(text, &error);
    if (!address) {
        Fuzz::check(!error.isEmpty(), [&]() -> QString {
            return u"refused without a message: "_s + Fuzz::show(rest);
        });
        return 0;
    }
    Fuzz::check(address->isValid(),
                [&]() -> QString { return u"accepted an invalid address: "_s + Fuzz::show(rest); });
    const QString formatted = address->toString();
    QString againError;
    const auto again = Address::parse(formatted, &againError);
    Fuzz::check(again.has_value(), [&]() -> QString {
        return u"toString() \"%1\" of accepted \"%2\" does not parse: %3"_s.arg(formatted, text,
                                                                                againError);
    });
    Fuzz::check(*again == *address, [&]() -> QString {
        return u"\"%1\" parsed to %2 port %3, its toString() \"%4\" to %5 port %6"_s.arg(text)
                .arg(address->host())
                .arg(address->port())
                .arg(formatted, again->host())
                .arg(again->port());
    });
    Fuzz::check(again->toString() == formatted,
                [&]() -> QString { return u"toString() is not stable: "_s + formatted; });
    return 0;
}
