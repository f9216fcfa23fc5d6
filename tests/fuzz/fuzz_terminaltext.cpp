// TerminalText::escaped() on anything a server could send (UTF-8 bytes, or raw UTF-16 with lone
// surrogates for the QString overload): what it returns is valid UTF-8 with no control byte but
// tab, newline and a carriage return right before a newline; no DEL; no C1 control; and no
// character that a terminal draws as nothing or that reorders text (format characters such as
// the bidirectional controls and U+FEFF, U+2028, U+2029, tag characters).

#include "fuzzsupport.h"
#include "terminaltext.h"

#include <QList>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

void checkSafe(const QByteArray &out, QByteArrayView input, const char *overload)
{
    auto where = [&]() -> QString {
        return u"escaped(%1) of "_s.arg(QLatin1StringView(overload)) + Fuzz::show(input);
    };
    Fuzz::check(Fuzz::isValidUtf8(out), [&]() -> QString {
        return u"output is not valid UTF-8: "_s + Fuzz::show(out) + u" from " + where();
    });
    for (const char32_t c : QString::fromUtf8(out).toUcs4()) {
        const auto category = QChar::category(c);
        Fuzz::check(category != QChar::Other_Format && category != QChar::Separator_Line
                            && category != QChar::Separator_Paragraph
                            && !(c >= 0xE0000 && c <= 0xE007F),
                    [&]() -> QString {
                        return u"invisible character U+%1 in the output: "_s.arg(uint(c), 4, 16,
                                                                                 QChar(u'0'))
                                + where();
                    });
    }
    for (qsizetype i = 0; i < out.size(); ++i) {
        const auto c = uchar(out.at(i));
        const bool allowed = c == '\t' || c == '\n'
                || (c == '\r' && i + 1 < out.size() && out.at(i + 1) == '\n');
        Fuzz::check(c >= 0x20 || allowed, [&]() -> QString {
            return u"control byte 0x%1 at %2 in the output: "_s.arg(uint(c), 2, 16, QChar(u'0'))
                           .arg(i)
                    + where();
        });
        Fuzz::check(c != 0x7f,
                    [&]() -> QString { return u"DEL at %1 in the output: "_s.arg(i) + where(); });
        // C1 controls U+0080-U+009F are C2 80 - C2 9F in UTF-8.
        Fuzz::check(!(c == 0xC2 && i + 1 < out.size() && uchar(out.at(i + 1)) <= 0x9F),
                    [&]() -> QString {
                        return u"C1 control at %1 in the output: "_s.arg(i) + where();
                    });
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkSafe(TerminalText::escaped(bytes), bytes, "bytes");

    QString utf16;
    utf16.resize(bytes.size() / 2);
    std::memcpy(utf16.data(), bytes.data(), size_t(utf16.size()) * sizeof(char16_t));
    checkSafe(TerminalText::escaped(QStringView(utf16)).toUtf8(), bytes, "UTF-16 text");
    return 0;
}
