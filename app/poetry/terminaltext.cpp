#include "terminaltext.h"

using namespace Qt::StringLiterals;

namespace TerminalText {

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
            result += u"<U+"_s + QString::number(c, 16).toUpper().rightJustified(4, u'0') + u'>';
        } else {
            result += QChar(c);
        }
    }
    return result;
}

QByteArray escaped(QByteArrayView utf8)
{
    return escaped(QString::fromUtf8(utf8)).toUtf8();
}

} // namespace TerminalText
