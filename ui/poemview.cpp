#include "poemview.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextCursor>

namespace {

// What QTextCursor::insertText() turns into a new block.
bool isBlockSeparator(QChar c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator;
}

// Where to end a block that would grow beyond PoemView::maxBlockLength: a position in
// `tail + rest` (the last block's text and the text still to insert) at or after tail.size(),
// and after 0, so that no text already in the document moves. At a line-break opportunity in
// the last breakLookBack characters before the limit if there is one, else at a grapheme
// boundary, else anywhere that does not split a surrogate pair.
qsizetype softBreakPosition(QStringView tail, QStringView rest)
{
    const qsizetype size = tail.size() + rest.size();
    const qsizetype earliest = std::max<qsizetype>(tail.size(), 1);
    const qsizetype limit = std::max<qsizetype>(PoemView::maxBlockLength, earliest);
    const qsizetype low = std::max(earliest, limit - PoemView::breakLookBack);
    // A little context either side, for the rules that look at neighbours.
    const qsizetype from = std::max<qsizetype>(0, low - 8);
    const qsizetype to = std::min(size, limit + 8);
    QString window;
    window.reserve(to - from);
    if (from < tail.size())
        window += tail.sliced(from, std::min(to, tail.size()) - from);
    if (to > tail.size()) {
        const qsizetype restFrom = std::max<qsizetype>(0, from - tail.size());
        window += rest.sliced(restFrom, to - tail.size() - restFrom);
    }
    for (const auto type : {QTextBoundaryFinder::Line, QTextBoundaryFinder::Grapheme}) {
        QTextBoundaryFinder finder(type, window);
        for (qsizetype position = limit; position >= low; --position) {
            if (position <= from || position >= to)
                continue; // the edges of the window are boundaries only of the window
            finder.setPosition(position - from);
            if (finder.isAtBoundary())
                return position;
        }
    }
    qsizetype position = std::min(limit, size - 1);
    const auto at = [&](qsizetype i) {
        return i < tail.size() ? tail[i] : rest[i - tail.size()];
    };
    if (position > 0 && at(position).isLowSurrogate() && at(position - 1).isHighSurrogate())
        position = position - 1 >= earliest ? position - 1 : position + 1;
    return position;
}

} // namespace

PoemView::PoemView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    // Read-only, but the keyboard moves a caret and selects: Ctrl+Home/End, Shift+arrows.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::StrongFocus);
    // Room for the focus frame around the text (see event()).
    setViewportMargins(1, 1, 1, 1);
}

void PoemView::appendText(QStringView text, bool mayFollow)
{
    if (text.isEmpty())
        return;
    QScrollBar *bar = verticalScrollBar();
    const int position = bar->value();
    // An empty view is not being read yet: the first text is shown from its start, or a poem
    // that arrives in one piece would open at its end.
    const bool follow = mayFollow && !document()->isEmpty() && position >= bar->maximum();

    // A cursor of our own at the end: the reader's caret and selection stay where they are.
    // One edit block: the layout hears of the change once, and lays out only what it shows.
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    while (!text.isEmpty()) {
        qsizetype lineEnd = 0;
        while (lineEnd < text.size() && !isBlockSeparator(text[lineEnd]))
            ++lineEnd;
        QStringView rest = text.first(lineEnd);
        while (m_lastBlock.size() + rest.size() > maxBlockLength) {
            const qsizetype take = softBreakPosition(m_lastBlock, rest) - m_lastBlock.size();
            cursor.insertText(rest.first(take).toString());
            cursor.insertBlock();
            cursor.block().setUserState(SoftBreakState);
            rest = rest.sliced(take);
            m_lastBlock.clear();
        }
        cursor.insertText(rest.toString());
        m_lastBlock += rest;
        if (lineEnd == text.size())
            break;
        // The line break itself, as insertText() reads it ("\r\n" is one).
        qsizetype separatorEnd = lineEnd + 1;
        if (text[lineEnd] == u'\r' && separatorEnd < text.size() && text[separatorEnd] == u'\n')
            ++separatorEnd;
        cursor.insertText(text.sliced(lineEnd, separatorEnd - lineEnd).toString());
        m_lastBlock.clear();
        text = text.sliced(separatorEnd);
    }
    cursor.endEditBlock();

    bar->setValue(follow ? bar->maximum() : position);
}

void PoemView::clearText()
{
    clear();
    m_lastBlock.clear();
    verticalScrollBar()->setValue(0);
}

bool PoemView::isSoftBreak(const QTextBlock &block)
{
    return block.userState() == SoftBreakState;
}

QString PoemView::text() const
{
    return textBetween(0, document()->characterCount() - 1);
}

QString PoemView::textBetween(int from, int to) const
{
    QString text;
    if (to <= from)
        return text;
    text.reserve(to - from);
    for (QTextBlock block = document()->findBlock(from); block.isValid(); block = block.next()) {
        const int start = std::max(from, block.position());
        const int end = std::min(to, block.position() + block.length() - 1);
        if (block.position() > from && !isSoftBreak(block))
            text += u'\n';
        if (end > start)
            text += QStringView(block.text()).sliced(start - block.position(), end - start);
        if (block.position() + block.length() > to)
            break;
    }
    return text;
}

QMimeData *PoemView::createMimeDataFromSelection() const
{
    // As QPlainTextEdit copies a selection (plain text), without the soft breaks.
    const QTextCursor selection = textCursor();
    auto *mime = new QMimeData;
    mime->setText(textBetween(selection.selectionStart(), selection.selectionEnd()));
    return mime;
}

bool PoemView::event(QEvent *event)
{
    const bool handled = QPlainTextEdit::event(event);
    if (event->type() == QEvent::Paint && hasFocus()) {
        // Over the frame the style drew: the highlight colour, two pixels wide, in the margin
        // left around the viewport.
        QPainter painter(this);
        QPen pen(palette().color(QPalette::Highlight), 2);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
    return handled;
}

void PoemView::keyPressEvent(QKeyEvent *event)
{
    QPlainTextEdit::keyPressEvent(event);
    // The caret on the last line is not quite the end of the scroll range: Ctrl+End goes all
    // the way, so that the view follows the poem from there.
    if (event == QKeySequence::MoveToEndOfDocument || event == QKeySequence::SelectEndOfDocument)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void PoemView::focusInEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusInEvent(event);
    update();
}

void PoemView::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    update();
}
