#include "poem.h"
#include "poemdecoder.h"
#include "testpoems.h"

#include <QRandomGenerator>
#include <QTest>

class TestPoemDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void koreanOneByteAtATime();
    void splitsAnywhereGiveTheOneShotText_data();
    void splitsAnywhereGiveTheOneShotText();
    void invalidBytesBecomeReplacementCharacters();
    void truncatedLastCharacter();
    void poemReportsInvalidUtf8();
};

void TestPoemDecoder::koreanOneByteAtATime()
{
    const QByteArray bytes = QStringLiteral("강물은 말이 없고\n").toUtf8();
    PoemDecoder decoder;
    QString live;
    for (char byte : bytes) {
        live += decoder.decode(QByteArrayView(&byte, 1));
        // The live text never shows half a character.
        QVERIFY(!live.contains(QChar::ReplacementCharacter));
        QVERIFY(QStringLiteral("강물은 말이 없고\n").startsWith(live));
    }
    live += decoder.finish();
    QCOMPARE(live, QStringLiteral("강물은 말이 없고\n"));
    QVERIFY(!decoder.hasInvalidUtf8());
}

void TestPoemDecoder::splitsAnywhereGiveTheOneShotText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("mixed scripts") << TestPoems::utf8Poem(3000);
    QTest::newRow("cut mid-character") << TestPoems::mixedScriptText(2999);
    QByteArray garbage(4096, Qt::Uninitialized);
    QRandomGenerator generator(12345);
    generator.generate(garbage.begin(), garbage.end());
    QTest::newRow("random bytes") << garbage;
    QTest::newRow("byte order marks") << QByteArray("\xEF\xBB\xBF"
                                                    "a\xEF\xBB\xBF\xEF\xBB\xBF"
                                                    "b");
    QTest::newRow("overlong and surrogates") << QByteArray("a\xC0\xAF"
                                                           "b\xED\xA0\x80"
                                                           "c\xF4\x90\x80\x80"
                                                           "d\xF0\x9F\x8C");
}

void TestPoemDecoder::splitsAnywhereGiveTheOneShotText()
{
    QFETCH(QByteArray, bytes);
    const QString expected = QString::fromUtf8(bytes);
    QRandomGenerator generator(42);
    for (int round = 0; round < 200; ++round) {
        PoemDecoder decoder;
        QString live;
        qsizetype offset = 0;
        while (offset < bytes.size()) {
            const qsizetype size
                    = std::min<qsizetype>(bytes.size() - offset, generator.bounded(1, 9));
            live += decoder.decode(QByteArrayView(bytes).sliced(offset, size));
            QVERIFY2(expected.startsWith(live), "the live text must be a prefix of the final text");
            offset += size;
        }
        live += decoder.finish();
        QCOMPARE(live, expected);
        QCOMPARE(decoder.hasInvalidUtf8(), expected.contains(QChar::ReplacementCharacter));
    }
}

void TestPoemDecoder::invalidBytesBecomeReplacementCharacters()
{
    PoemDecoder decoder;
    const QString text = decoder.decode("ok\xFF\xFEok") + decoder.finish();
    QCOMPARE(text, QStringLiteral("ok\uFFFD\uFFFDok"));
    QVERIFY(decoder.hasInvalidUtf8());
}

void TestPoemDecoder::truncatedLastCharacter()
{
    PoemDecoder decoder;
    QString text = decoder.decode("end \xEA\xB0");
    QCOMPARE(text, QStringLiteral("end "));
    QVERIFY(!decoder.hasInvalidUtf8());
    text += decoder.finish();
    QCOMPARE(text, QString::fromUtf8("end \xEA\xB0"));
    QVERIFY(text.endsWith(QChar::ReplacementCharacter));
    QVERIFY(decoder.hasInvalidUtf8());
}

void TestPoemDecoder::poemReportsInvalidUtf8()
{
    QVERIFY(!Poem(TestPoems::utf8Poem(500), {}).hasInvalidUtf8());
    QVERIFY(!Poem(QByteArray("plain ascii"), {}).hasInvalidUtf8());
    QVERIFY(Poem(QByteArray("bad \x80 byte"), {}).hasInvalidUtf8());
    QVERIFY(Poem(QByteArray("cut \xE3\x81"), {}).hasInvalidUtf8());
    const Poem withNul(QByteArray("a\0b", 3), {});
    QCOMPARE(withNul.text().size(), 3); // a NUL never truncates the poem
}

QTEST_GUILESS_MAIN(TestPoemDecoder)
#include "tst_poemdecoder.moc"
