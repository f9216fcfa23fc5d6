// The Bytes tab: lines, hex and text of known bytes, UTF-8 kinds across line boundaries, chunk
// marks where the chunks began (fixed, and live from a real slow server), only the visible
// lines painted whatever the size, and the keyboard.

#include "bytesview.h"
#include "poemjob.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "testpoems.h"
#include "testservers.h"
#include "utf8cells.h"

#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Kind = BytesView::ByteKind;

class TestBytesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesHexAndText();
    void utf8Kinds();
    void chunkMarksInTheirLines();
    void followsLiveJob();
    void paintsOnlyVisibleLines();
    void keyboardScrolls();
};

namespace {

// 15 ASCII bytes, then "あ" (e3 81 82) across the first line boundary, then faults.
QByteArray sample()
{
    QByteArray bytes("Hello, world!\n\t");
    bytes += "\xe3\x81\x82";     // 15-17: a valid 3-byte character over two lines
    bytes += "\xff";             // 18: never valid
    bytes += "\xc0\xaf";         // 19-20: an overlong '/'
    bytes += "\x80";             // 21: a continuation byte alone
    bytes += "ok";               // 22-23
    bytes += "\xed\xa0\x80";     // 24-26: a surrogate
    bytes += "\xf0\x9f\x98\x80"; // 27-30: an emoji
    bytes += "\xe3\x81";         // 31-32: cut short by the end
    return bytes;
}

} // namespace

void TestBytesView::linesHexAndText()
{
    BytesView view;
    view.setBytes(sample());
    QCOMPARE(view.lineCount(), 3);
    QCOMPARE(BytesView::lineOfOffset(15), 0);
    QCOMPARE(BytesView::lineOfOffset(16), 1);
    QCOMPARE(view.offsetTextOfLine(2), u"00000020"_s);
    QCOMPARE(view.hexTextOfLine(0), u"48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 09 e3"_s);
    QCOMPARE(view.hexTextOfLine(2), u"81"_s);
    QCOMPARE(view.textOfLine(0), u"Hello, world!..あ"_s);
    // The character's other bytes show as blanks on the next line; faults as U+FFFD.
    QCOMPARE(view.textOfLine(1), u"  \uFFFD\uFFFD\uFFFD\uFFFDok\uFFFD\uFFFD\uFFFD😀   \uFFFD"_s);
    QCOMPARE(view.textOfLine(2), u"\uFFFD"_s);
}

void TestBytesView::utf8Kinds()
{
    BytesView view;
    view.setBytes(sample());
    const QList<Kind> expected = {
            Kind::Ascii,        Kind::Ascii,        Kind::Ascii,        Kind::Ascii,
            Kind::Ascii,        Kind::Ascii,        Kind::Ascii,        Kind::Ascii,
            Kind::Ascii,        Kind::Ascii,        Kind::Ascii,        Kind::Ascii,
            Kind::Ascii,        Kind::Control,      Kind::Control,      Kind::Lead,
            Kind::Continuation, Kind::Continuation, Kind::Invalid,      Kind::Invalid,
            Kind::Invalid,      Kind::Invalid,      Kind::Ascii,        Kind::Ascii,
            Kind::Invalid,      Kind::Invalid,      Kind::Invalid,      Kind::Lead,
            Kind::Continuation, Kind::Continuation, Kind::Continuation, Kind::Invalid,
            Kind::Invalid,
    };
    QCOMPARE(expected.size(), sample().size());
    for (qsizetype offset = 0; offset < expected.size(); ++offset)
        QVERIFY2(view.kindAt(offset) == expected.at(offset), qPrintable(QString::number(offset)));

    // A line that begins three continuation bytes into a character finds its start.
    QByteArray shifted(13, 'a');
    shifted += "\xf0\x9f\x98\x80"; // 13-16: the line boundary falls after its third byte
    view.setBytes(shifted);
    QCOMPARE(view.kindAt(16), Kind::Continuation);
    QCOMPARE(view.decodeLine(1).kinds[0], Kind::Continuation);

    // While a job runs, a character cut by the end of the bytes so far is not (yet) invalid.
    const QByteArray cut("a\xe3\x81");
    std::array<Kind, 3> kinds{};
    std::array<char32_t, 3> characters{};
    Utf8Cells::classify(cut, 0, 3, true, kinds.data(), characters.data());
    QCOMPARE(kinds, (std::array{Kind::Ascii, Kind::Incomplete, Kind::Incomplete}));
    Utf8Cells::classify(cut, 0, 3, false, kinds.data(), characters.data());
    QCOMPARE(kinds, (std::array{Kind::Ascii, Kind::Invalid, Kind::Invalid}));
}

void TestBytesView::chunkMarksInTheirLines()
{
    BytesView view;
    view.setBytes(sample(), {{0, 1ms}, {5, 2ms}, {20, 3ms}});
    const auto offsets = [&](qint64 line) {
        QList<qint64> result;
        for (const BytesView::ChunkMark &mark : view.chunksInLine(line))
            result.append(mark.offset);
        return result;
    };
    QCOMPARE(offsets(0), QList<qint64>({0, 5}));
    QCOMPARE(offsets(1), QList<qint64>({20}));
    QCOMPARE(offsets(2), QList<qint64>());
    QCOMPARE(view.chunksInLine(1).first().elapsed, 3ms);
}

void TestBytesView::followsLiveJob()
{
    const auto server
            = TestServers::start(TestServers::slowOptions(TestPoems::utf8Poem(400), 25, 30ms));
    PoetryFetcher fetcher;
    PoemJob *job = fetcher.fetch(server->address(), TestServers::quickOptions());
    job->setAutoDelete(false);
    const auto drop = qScopeGuard([&job] { delete job; });
    BytesView view;
    view.resize(700, 200);
    view.show();
    view.setJob(job);
    QTRY_VERIFY_WITH_TIMEOUT(view.lineCount() > 1, 10000);
    QVERIFY2(!job->isFinished(), "the view did not grow while the job ran");
    QSignalSpy finished(job, &PoemJob::finished);
    QVERIFY(job->isFinished() || finished.wait(15000));
    QTRY_COMPARE(view.bytes().size(), server->servedBytes().size());
    QCOMPARE(view.bytes(), QByteArrayView(server->servedBytes()));
    // Read in place: the view holds no copy of the job's bytes.
    QCOMPARE(view.bytes().constData(), job->bytes().constData());
    QCOMPARE(view.lineCount(), (server->servedBytes().size() + 15) / 16);
    // Shown again (the window does when the state changes): the reader keeps their place.
    view.scrollToLine(3);
    view.setJob(job);
    QCOMPARE(view.firstVisibleLine(), 3);
    // A mark where each chunk of the trace began, at its time.
    const QList<RequestTrace::Chunk> &chunks = job->trace().chunks();
    QVERIFY(chunks.size() > 1);
    QCOMPARE(view.chunkMarks().size(), chunks.size());
    qint64 offset = 0;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        QCOMPARE(view.chunkMarks().at(i).offset, offset);
        QCOMPARE(view.chunkMarks().at(i).elapsed, chunks.at(i).elapsed);
        QVERIFY(view.chunksInLine(BytesView::lineOfOffset(offset)).size() >= 1);
        offset += chunks.at(i).bytes;
    }
    // The valid poem shows no invalid byte.
    for (qint64 at = 0; at < view.bytes().size(); ++at)
        QVERIFY(view.kindAt(at) != Kind::Invalid);

    delete job;
    job = nullptr;
    QCOMPARE(view.lineCount(), 0);
}

void TestBytesView::paintsOnlyVisibleLines()
{
    BytesView view;
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QByteArray big = TestPoems::mixedScriptText(64 * 1024 * 1024);
    view.setBytes(big);
    QCOMPARE(view.lineCount(), 4 * 1024 * 1024);
    for (const qint64 line : {qint64(0), qint64(2'000'000), view.lineCount() - 1}) {
        view.scrollToLine(line);
        view.viewport()->repaint();
        QVERIFY(view.lastPaintedLines() > 0);
        QVERIFY2(view.lastPaintedLines() <= view.visibleLineCount() + 1,
                 qPrintable(QString::number(view.lastPaintedLines())));
    }
    view.scrollToLine(2'000'000);
    QCOMPARE(view.firstVisibleLine(), 2'000'000);
    QCOMPARE(view.lineAt(0), 2'000'000);
    QCOMPARE(view.lineAt(view.lineHeight() * 2 + 1), 2'000'002);
    QCOMPARE(view.offsetTextOfLine(2'000'000), u"01e84800"_s);
    const QByteArray bytes = big.mid(2'000'000 * 16, 16);
    QCOMPARE(view.hexTextOfLine(2'000'000).remove(u' '), QString::fromLatin1(bytes.toHex()));
}

void TestBytesView::keyboardScrolls()
{
    BytesView view;
    view.resize(700, 300);
    view.setBytes(QByteArray(100'000, 'x'));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.verticalScrollBar();
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(bar->value(), bar->maximum());
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(bar->value(), bar->pageStep());
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(bar->value(), bar->pageStep() + 1);
}

QTEST_MAIN(TestBytesView)
#include "tst_gui_bytesview.moc"
