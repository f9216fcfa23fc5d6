// TerminalText::escaped(): what a terminal would act on, or draw as nothing, is shown visibly;
// everything else is kept exactly.

#include "terminaltext.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTerminalText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escaped_data();
    void escaped();
    void everyInvisibleCharacterIsShown_data();
    void everyInvisibleCharacterIsShown();
    void loneSurrogatesBecomeReplacementCharacters();
};

void TestTerminalText::escaped_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QByteArray("roses are red\n") << QByteArray("roses are red\n");
    QTest::newRow("scripts and emoji")
            << QByteArray("한국어 日本語 😀 👨\u200D👩") << QByteArray("한국어 日本語 😀 👨<U+200D>👩");
    QTest::newRow("C0 and DEL") << QByteArray("a\x1b[31m\x07\x08\x7f")
                                << QByteArray("a^[[31m^G^H^?");
    QTest::newRow("tab, newline, CRLF kept; lone CR shown")
            << QByteArray("a\tb\r\nc\rd") << QByteArray("a\tb\r\nc^Md");
    QTest::newRow("C1") << QByteArray("csi\xc2\x9b") << QByteArray("csi<U+009B>");
    QTest::newRow("invalid UTF-8") << QByteArray("bad\xff\xe2\x82")
                                   << QByteArray("bad\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    // "abc" shown in reverse order by a right-to-left override, then popped.
    QTest::newRow("RLO") << QByteArray("x\u202Ecba\u202C!") << QByteArray("x<U+202E>cba<U+202C>!");
    QTest::newRow("isolates") << QByteArray("\u2066a\u2067b\u2068c\u2069")
                              << QByteArray("<U+2066>a<U+2067>b<U+2068>c<U+2069>");
    QTest::newRow("marks") << QByteArray("\u200E\u200F\u061C")
                           << QByteArray("<U+200E><U+200F><U+061C>");
    QTest::newRow("zero width") << QByteArray("a\u200Bb\u200Cc\u2060d")
                                << QByteArray("a<U+200B>b<U+200C>c<U+2060>d");
    QTest::newRow("invisible operators") << QByteArray("\u2061\u2062\u2063\u2064")
                                         << QByteArray("<U+2061><U+2062><U+2063><U+2064>");
    QTest::newRow("line and paragraph separators")
            << QByteArray("one\u2028two\u2029three") << QByteArray("one<U+2028>two<U+2029>three");
    QTest::newRow("tags") << QByteArray("flag\U000E0001\U000E0041\U000E007F\U000E0000")
                          << QByteArray("flag<U+E0001><U+E0041><U+E007F><U+E0000>");
    QTest::newRow("leading BOM dropped") << QByteArray("\xEF\xBB\xBFpoem") << QByteArray("poem");
    QTest::newRow("BOM after a BOM shown")
            << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBFpoem") << QByteArray("<U+FEFF>poem");
    QTest::newRow("inner BOM shown") << QByteArray("po\xEF\xBB\xBF"
                                                   "em")
                                     << QByteArray("po<U+FEFF>em");
    QTest::newRow("interlinear annotation")
            << QByteArray("\uFFF9a\uFFFAb\uFFFB") << QByteArray("<U+FFF9>a<U+FFFA>b<U+FFFB>");
}

void TestTerminalText::escaped()
{
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, expected);
    QCOMPARE(TerminalText::escaped(utf8), expected);
    // The QString overload shows the same, except that text has no byte order mark to drop.
    if (!utf8.startsWith("\xEF\xBB\xBF") && !utf8.contains("\xff"))
        QCOMPARE(TerminalText::escaped(QString::fromUtf8(utf8)), QString::fromUtf8(expected));
}

void TestTerminalText::everyInvisibleCharacterIsShown_data()
{
    QTest::addColumn<uint>("first");
    QTest::addColumn<uint>("last");
    QTest::newRow("bidi embeddings and overrides") << 0x202Au << 0x202Eu;
    QTest::newRow("bidi isolates") << 0x2066u << 0x2069u;
    QTest::newRow("zero width and marks") << 0x200Bu << 0x200Fu;
    QTest::newRow("word joiner, invisible operators") << 0x2060u << 0x2064u;
    QTest::newRow("separators") << 0x2028u << 0x2029u;
    QTest::newRow("ZWNBSP") << 0xFEFFu << 0xFEFFu;
    QTest::newRow("tags") << 0xE0000u << 0xE007Fu;
}

void TestTerminalText::everyInvisibleCharacterIsShown()
{
    QFETCH(uint, first);
    QFETCH(uint, last);
    for (uint c = first; c <= last; ++c) {
        const char32_t ucs4 = char32_t(c);
        // Not QString::fromUcs4(): it would take a lone U+FEFF for a byte order mark.
        const QString character = c > 0xFFFF ? QString::fromUcs4(&ucs4, 1) : QChar(char16_t(c));
        const QString text = u"<"_s + character + u">"_s;
        const QString name = u"<U+"_s + QString::number(c, 16).toUpper() + u'>';
        QCOMPARE(TerminalText::escaped(text), u'<' + name + u'>');
        QCOMPARE(TerminalText::escaped(text.toUtf8()), (u'<' + name + u'>').toUtf8());
    }
}

void TestTerminalText::loneSurrogatesBecomeReplacementCharacters()
{
    const QChar high(char16_t(0xD83D));
    const QChar low(char16_t(0xDE00));
    QCOMPARE(TerminalText::escaped(QString(u"a"_s + high + u"b" + low)), u"a\uFFFDb\uFFFD"_s);
    QCOMPARE(TerminalText::escaped(QString(QString(high) + low)), u"😀"_s);
}

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
