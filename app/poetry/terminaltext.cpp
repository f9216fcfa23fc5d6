#include "terminaltext.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace TerminalText {

namespace {

// Characters that a terminal draws as nothing, or that reorder or hide what follows: the
// bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the marks and
// zero-width characters (U+200B-U+200F, U+2060-U+2064, U+FEFF) and every other format character
// (Unicode category Cf), the line and paragraph separators (U+2028, U+2029), and the tag
// characters (U+E0000-U+E007F, assigned or not).
bool isInvisible(char32_t c)
{
    if (c >= 0xE0000 && c <= 0xE007F)
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

void appendCodePoint(QString &result, char32_t c)
{
    result += u"<U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0') + u'>';
}

} // namespace

QString escaped(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\n' || c == u'\t') {
            result += QChar(c);
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            result += QChar(c);
        } else if (c < 0x20) {
            result += u'^';
            result += QChar(char16_t(c + 0x40));
        } else if (c == 0x7f) {
            result += u"^?"_s;
        } else if (c >= 0x80 && c <= 0x9f) {
            appendCodePoint(result, c);
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size()
                   && QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t pair = QChar::surrogateToUcs4(c, text[i + 1].unicode());
            if (isInvisible(pair)) {
                appendCodePoint(result, pair);
            } else {
                result += QChar(c);
                result += text[i + 1];
            }
            ++i;
        } else if (QChar::isSurrogate(c)) {
            result += QChar(QChar::ReplacementCharacter); // a lone half of a pair
        } else if (isInvisible(c)) {
            appendCodePoint(result, c);
        } else {
            result += QChar(c);
        }
    }
    return result;
}

QByteArray escaped(QByteArrayView utf8)
{
    // A byte order mark at the very start is the encoding's signature, not part of the text:
    // it is dropped. Any other U+FEFF is shown, so the decoder must not skip it.
    if (utf8.startsWith("\xEF\xBB\xBF"))
        utf8 = utf8.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                                   | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(utf8);
    return escaped(text).toUtf8();
}

} // namespace TerminalText
