#pragma once

#include <QPlainTextEdit>

class QTextBlock;

// The text view of the poem pane: read-only plain text that grows at its end, at a cost linear
// in the size of the poem and the length of its lines.
//
// QPlainTextEdit lays a block (a line of the text) out whole whenever it changes, so a poem that
// is one long line would be laid out again, all of it, for every chunk that arrives (issue 12:
// 80 s for 1 MiB). Here no block grows beyond maxBlockLength characters: a longer line is shown
// as several blocks, with a *soft break* between them, chosen where a line may wrap (UAX #14),
// else between two graphemes, and never inside a surrogate pair. Each append then lays out at
// most one bounded block, and a resize only the blocks on screen. A soft break shows as a wrap a
// little before the edge; it is not part of the poem: text() and a copied selection leave it
// out (the blocks after one carry SoftBreakState). Copy and Save of the pane read the job's
// bytes, never this view.
//
// The view follows the end while text arrives when it is scrolled to the end (as terminals
// do) and stays where the reader put it otherwise. The keyboard moves a caret (Ctrl+Home,
// Ctrl+End, selection with Shift), and a frame in the highlight colour shows the focus.
class PoemView : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr int maxBlockLength = 1024; // bench_longline: 4096 gave stalls up to 55 ms
    // How far before maxBlockLength a soft break may be chosen for a better place.
    static constexpr int breakLookBack = 256;
    // QTextBlock::userState() of a block that continues the line of the block before it.
    static constexpr int SoftBreakState = 1;

    explicit PoemView(QWidget *parent = nullptr);

    // Appends display text at the end. With `mayFollow`, a view scrolled to the end stays at
    // the end; otherwise (and when scrolled elsewhere, or empty) the view keeps its position.
    void appendText(QStringView text, bool mayFollow = true);
    void clearText();
    // The text as appended: soft breaks left out, line breaks as '\n'.
    QString text() const;
    // Whether a block begins after a soft break rather than a line break.
    static bool isSoftBreak(const QTextBlock &block);

protected:
    QMimeData *createMimeDataFromSelection() const override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    // The text between two document positions, soft breaks left out.
    QString textBetween(int from, int to) const;

    QString m_lastBlock; // the text of the last block, to choose the next soft break in
};
