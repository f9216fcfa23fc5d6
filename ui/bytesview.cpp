#include "bytesview.h"

#include "phasetimeline.h"
#include "poemjob.h"
#include "utf8cells.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int offsetChars = 10;                           // "00000010  "
constexpr int hexChars = BytesView::bytesPerLine * 3 + 2; // "41 42 … " with a gap after 8
constexpr int textChars = BytesView::bytesPerLine + 2;    // "AB…  "
constexpr int labelChars = 24;                            // "+1.234 s (+3)"
constexpr int margin = 4;

int hexColumn(int index)
{
    return offsetChars + index * 3 + (index >= BytesView::bytesPerLine / 2 ? 1 : 0);
}

int textColumn(int index)
{
    return offsetChars + hexChars + index;
}

} // namespace

BytesView::BytesView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setAccessibleName(tr("Raw bytes"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    updateScrollBars();
}

void BytesView::setJob(PoemJob *job)
{
    if (job && job == m_job)
        return; // shown again (its state changed): keep the reader's place
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_bytes.clear();
    m_chunks.clear();
    m_chunksSeen = 0;
    m_chunkOffset = 0;
    m_job = job;
    if (job) {
        connect(job, &PoemJob::bytesArrived, this, &BytesView::onBytesArrived);
        connect(job, &PoemJob::finished, this, &BytesView::onBytesArrived);
        connect(job, &QObject::destroyed, this, &BytesView::clear);
        syncChunks();
    }
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void BytesView::setBytes(const QByteArray &bytes, const QList<ChunkMark> &chunks)
{
    setJob(nullptr);
    m_bytes = bytes;
    m_chunks = chunks;
    updateScrollBars();
}

void BytesView::clear()
{
    setJob(nullptr);
}

QByteArrayView BytesView::bytes() const
{
    // The job's own bytes, read in place: holding a copy would make the job's next append
    // copy all of them.
    return m_job ? QByteArrayView(m_job->bytes()) : QByteArrayView(m_bytes);
}

void BytesView::onBytesArrived()
{
    const bool atEnd = verticalScrollBar()->value() == verticalScrollBar()->maximum();
    syncChunks();
    updateScrollBars();
    if (atEnd && verticalScrollBar()->value() != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    viewport()->update();
}

void BytesView::syncChunks()
{
    if (!m_job)
        return;
    const QList<RequestTrace::Chunk> &chunks = m_job->trace().chunks();
    for (; m_chunksSeen < chunks.size(); ++m_chunksSeen) {
        const RequestTrace::Chunk &chunk = chunks.at(m_chunksSeen);
        m_chunks.append({m_chunkOffset, chunk.elapsed});
        m_chunkOffset += chunk.bytes;
    }
}

qint64 BytesView::lineCount() const
{
    return (bytes().size() + bytesPerLine - 1) / bytesPerLine;
}

int BytesView::lineHeight() const
{
    return std::max(1, viewport()->fontMetrics().height());
}

int BytesView::charWidth() const
{
    return std::max(1, viewport()->fontMetrics().horizontalAdvance(u'0'));
}

qint64 BytesView::lineAt(int y) const
{
    return firstVisibleLine() + std::max(0, y) / lineHeight();
}

qint64 BytesView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

int BytesView::visibleLineCount() const
{
    return std::max(1, viewport()->height() / lineHeight());
}

void BytesView::scrollToLine(qint64 line)
{
    verticalScrollBar()->setValue(int(std::clamp<qint64>(line, 0, verticalScrollBar()->maximum())));
}

void BytesView::updateScrollBars()
{
    // A line per scroll bar step: 64 MiB is 4 Mi lines, well inside an int.
    const qint64 lines = lineCount();
    const int page = visibleLineCount();
    verticalScrollBar()->setRange(
            0, int(std::min<qint64>(INT_MAX, std::max<qint64>(0, lines - page))));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(1);
    const int width = (offsetChars + hexChars + textChars + labelChars) * charWidth() + 2 * margin;
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(charWidth());
}

BytesView::Line BytesView::decodeLine(qint64 line) const
{
    const QByteArrayView raw = bytes();
    Line result;
    const qint64 begin = line * bytesPerLine;
    if (line < 0 || begin >= raw.size())
        return result;
    result.count = int(std::min<qint64>(bytesPerLine, raw.size() - begin));
    const bool moreMayCome = m_job && !m_job->isFinished();
    Utf8Cells::classify(raw, begin, result.count, moreMayCome, result.kinds.data(),
                        result.characters.data());
    return result;
}

BytesView::ByteKind BytesView::kindAt(qint64 offset) const
{
    return decodeLine(lineOfOffset(offset)).kinds[size_t(offset % bytesPerLine)];
}

QString BytesView::offsetTextOfLine(qint64 line) const
{
    return u"%1"_s.arg(line * bytesPerLine, 8, 16, QChar(u'0'));
}

QString BytesView::hexTextOfLine(qint64 line) const
{
    const QByteArrayView raw = bytes();
    const qint64 begin = line * bytesPerLine;
    const qint64 end = std::min<qint64>(begin + bytesPerLine, raw.size());
    QString text;
    for (qint64 i = begin; i < end; ++i) {
        if (i > begin)
            text += i - begin == bytesPerLine / 2 ? u"  "_s : u" "_s;
        text += u"%1"_s.arg(uchar(raw[i]), 2, 16, QChar(u'0'));
    }
    return text;
}

QString BytesView::textOfLine(qint64 line) const
{
    const QByteArrayView raw = bytes();
    const Line cells = decodeLine(line);
    QString text;
    for (int i = 0; i < cells.count; ++i) {
        switch (cells.kinds[size_t(i)]) {
        case ByteKind::Ascii:
            text += QLatin1Char(raw[line * bytesPerLine + i]);
            break;
        case ByteKind::Control:
        case ByteKind::Incomplete:
            text += u'.';
            break;
        case ByteKind::Lead:
            text += QString::fromUcs4(&cells.characters[size_t(i)], 1);
            break;
        case ByteKind::Continuation:
            text += u' ';
            break;
        case ByteKind::Invalid:
            text += QChar(QChar::ReplacementCharacter);
            break;
        }
    }
    return text;
}

qsizetype BytesView::firstChunkAtOrAfter(qint64 offset) const
{
    const auto it
            = std::lower_bound(m_chunks.cbegin(), m_chunks.cend(), offset,
                               [](const ChunkMark &mark, qint64 at) { return mark.offset < at; });
    return it - m_chunks.cbegin();
}

QList<BytesView::ChunkMark> BytesView::chunksInLine(qint64 line) const
{
    QList<ChunkMark> marks;
    const qint64 end = (line + 1) * bytesPerLine;
    for (qsizetype i = firstChunkAtOrAfter(line * bytesPerLine);
         i < m_chunks.size() && m_chunks.at(i).offset < end; ++i)
        marks.append(m_chunks.at(i));
    return marks;
}

void BytesView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    const int height = lineHeight();
    const int width = charWidth();
    const int ascent = viewport()->fontMetrics().ascent();
    const int left = margin - horizontalScrollBar()->value();
    const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
    const QColor invalid = dark ? QColor(0x80, 0x20, 0x20) : QColor(0xff, 0xc0, 0xc0);
    const QColor markColor = PhaseTimeline::color(PhaseTimeline::Phase::Receiving, pal);
    const QColor text = pal.color(QPalette::Text);
    const QColor dim = pal.color(QPalette::PlaceholderText);
    const QByteArrayView raw = bytes();

    const qint64 first = firstVisibleLine();
    const qint64 last = std::min(lineCount(), first + visibleLineCount() + 1);
    m_lastPaintedLines = int(std::max<qint64>(0, last - first));
    for (qint64 line = first; line < last; ++line) {
        const int top = int(line - first) * height;
        const int baseline = top + ascent;
        const Line cells = decodeLine(line);
        for (int i = 0; i < cells.count; ++i) {
            const ByteKind kind = cells.kinds[size_t(i)];
            if (kind == ByteKind::Invalid) {
                painter.fillRect(left + hexColumn(i) * width, top, 2 * width, height, invalid);
                painter.fillRect(left + textColumn(i) * width, top, width, height, invalid);
            }
        }
        painter.setPen(dim);
        painter.drawText(left, baseline, offsetTextOfLine(line));
        painter.setPen(text);
        // Hex in one run, each byte at its fixed column (the gap after 8 is two spaces).
        painter.drawText(left + hexColumn(0) * width, baseline, hexTextOfLine(line));
        // Text: one run of the ASCII, then each other character in its own cell, so that a
        // wide character cannot push the others out of their columns.
        QString ascii(cells.count, u' ');
        for (int i = 0; i < cells.count; ++i) {
            if (cells.kinds[size_t(i)] == ByteKind::Ascii)
                ascii[i] = QLatin1Char(raw[line * bytesPerLine + i]);
        }
        painter.drawText(left + textColumn(0) * width, baseline, ascii);
        for (int i = 0; i < cells.count; ++i) {
            const ByteKind kind = cells.kinds[size_t(i)];
            const int x = left + textColumn(i) * width;
            if (kind == ByteKind::Lead) {
                painter.drawText(x, baseline, QString::fromUcs4(&cells.characters[size_t(i)], 1));
            } else if (kind == ByteKind::Control || kind == ByteKind::Incomplete) {
                painter.setPen(dim);
                painter.drawText(x, baseline, u"."_s);
                painter.setPen(text);
            } else if (kind == ByteKind::Invalid) {
                painter.drawText(x, baseline, QString(QChar(QChar::ReplacementCharacter)));
            }
        }
        // Chunk boundaries: a bar before the chunk's first byte, its time at the line's end.
        const QList<ChunkMark> marks = chunksInLine(line);
        if (marks.isEmpty())
            continue;
        painter.setPen(QPen(markColor, 2));
        for (const ChunkMark &mark : marks) {
            const int i = int(mark.offset % bytesPerLine);
            painter.drawLine(left + hexColumn(i) * width - 2, top, left + hexColumn(i) * width - 2,
                             top + height - 1);
            painter.drawLine(left + textColumn(i) * width, top, left + textColumn(i) * width,
                             top + height - 1);
        }
        QString label = tr("+%1", "time since the request was made")
                                .arg(PhaseTimeline::time(marks.first().elapsed));
        if (marks.size() > 1)
            label += u' ' + tr("(%n more)", nullptr, int(marks.size() - 1));
        painter.setPen(markColor);
        painter.drawText(left + (textColumn(0) + textChars) * width, baseline, label);
    }
}

void BytesView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void BytesView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateScrollBars();
}

void BytesView::keyPressEvent(QKeyEvent *event)
{
    // Arrows and pages are QAbstractScrollArea's; the ends are ours.
    if (event->key() == Qt::Key_Home) {
        verticalScrollBar()->triggerAction(QScrollBar::SliderToMinimum);
    } else if (event->key() == Qt::Key_End) {
        verticalScrollBar()->triggerAction(QScrollBar::SliderToMaximum);
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}
