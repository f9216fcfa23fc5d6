#pragma once

#include "utf8cells.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QList>
#include <QPointer>

#include <array>
#include <chrono>

class PoemJob;

// The Bytes tab: a download's bytes as they came, hex and text side by side as Wireshark's
// "Follow TCP stream" shows them, bytesPerLine a line. Where a chunk began, a mark and its
// arrival time; bytes that are not valid UTF-8 on a red ground.
//
// Paints only the lines on screen, straight from the job's bytes (no copy, no object per
// line), so that a 64 MiB poem scrolls as a 1 KiB one does (bench_bytesview); Utf8Cells tells
// each line's bytes apart from at most three bytes before it.
class BytesView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int bytesPerLine = 16;

    using ByteKind = Utf8Cells::Kind;
    struct ChunkMark
    {
        qint64 offset = 0; // of the chunk's first byte
        std::chrono::nanoseconds elapsed{0};
    };
    struct Line
    {
        int count = 0; // bytes in the line
        std::array<ByteKind, bytesPerLine> kinds{};
        std::array<char32_t, bytesPerLine> characters{}; // for Lead bytes
    };

    explicit BytesView(QWidget *parent = nullptr);

    // Shows the job's bytes and chunks (nothing with nullptr) and follows them as they grow.
    void setJob(PoemJob *job);
    // Shows fixed bytes, for other sources and benchmarks; `chunks` sorted by offset.
    void setBytes(const QByteArray &bytes, const QList<ChunkMark> &chunks = {});
    void clear();

    QByteArrayView bytes() const;
    const QList<ChunkMark> &chunkMarks() const { return m_chunks; }
    qint64 lineCount() const;
    static qint64 lineOfOffset(qint64 offset) { return offset / bytesPerLine; }
    // The line under a point of the viewport (may be past the last line).
    qint64 lineAt(int y) const;
    qint64 firstVisibleLine() const;
    int lineHeight() const; // pixels
    int visibleLineCount() const;
    void scrollToLine(qint64 line);

    // What a line shows: "00000010  e3 81 82 ...", "あ  ..", and its bytes' UTF-8 kinds.
    QString offsetTextOfLine(qint64 line) const;
    QString hexTextOfLine(qint64 line) const;
    QString textOfLine(qint64 line) const;
    Line decodeLine(qint64 line) const;
    ByteKind kindAt(qint64 offset) const;
    // The chunks that begin in the line.
    QList<ChunkMark> chunksInLine(qint64 line) const;
    // Lines drawn by the last paint: what is on screen, whatever the size.
    int lastPaintedLines() const { return m_lastPaintedLines; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onBytesArrived();
    void syncChunks();
    void updateScrollBars();
    int charWidth() const;
    qsizetype firstChunkAtOrAfter(qint64 offset) const;

    QPointer<PoemJob> m_job;
    QByteArray m_bytes; // when not following a job
    QList<ChunkMark> m_chunks;
    qsizetype m_chunksSeen = 0; // of the job's trace
    qint64 m_chunkOffset = 0;   // where the next chunk of the trace begins
    int m_lastPaintedLines = 0;
};
