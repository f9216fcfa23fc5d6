#pragma once

#include "download.h"
#include "poemdecoder.h"
#include "poemview.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

// The selected download's poem, growing live as its bytes arrive. Always plain text. New text
// is appended (never the whole text set again) at most about 30 times a second, at a cost linear
// in the poem's size and line length (PoemView). What had arrived when the download is shown is
// shown from its start; then the view follows the end while it is scrolled to the end, and stays
// where the reader left it otherwise. Ctrl+F opens a find bar over the text.
class PoemPane : public QWidget
{
    Q_OBJECT

public:
    // Text views slow down badly with tens of megabytes: beyond this, the pane shows the start
    // and says so (saving and copying still give the whole poem).
    static constexpr qint64 displayLimit = 8 * 1024 * 1024;

    explicit PoemPane(QWidget *parent = nullptr);

    // Shows a download from scratch: the bytes so far, then more as its job receives them.
    void showDownload(const Download &download);
    // The shown download ended; its job holds the final bytes.
    void finishDownload(const Download &download);
    void clear();
    // The title and status line (state, size) of the shown download.
    void updateHeader(const Download &download);

    DownloadId downloadId() const { return m_id; }
    PoemView *textView() const { return m_text; }
    QLineEdit *findEdit() const { return m_findEdit; }
    // The text as shown (decoded so far, pending bytes included), soft breaks left out.
    QString text();

    // Shows the find bar and puts the focus in it.
    void startFind();
    // Selects the next match of the find bar's text after the caret, from the start again
    // when there is none after it. False if there is none at all.
    bool findNext();

    void zoomIn();
    void zoomOut();
    void resetZoom();

Q_SIGNALS:
    void copyRequested();
    void saveRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void endFind();
    void onBytesArrived(PoemJob *job, qint64 count);
    // Appends everything that has arrived.
    void flush();
    // Appends the next part of it, and schedules the rest.
    void flushStep();
    // Appends the next part; true if more is waiting.
    bool appendPending();

    DownloadId m_id = 0;
    QPointer<PoemJob> m_job; // the shown download's, listened to while it runs
    PoemDecoder m_decoder;
    qint64 m_fedBytes = 0;    // the job's bytes known to the pane
    qint64 m_shownBytes = 0;  // the job's bytes handed to the decoder
    bool m_truncated = false; // displayLimit reached
    bool m_finished = false;
    bool m_fromTop = true; // the next flush fills a view just shown: keep it at the top
    int m_zoom = 0;
    QTimer m_flushTimer;
    QLabel *m_title;
    QLabel *m_status;
    PoemView *m_text;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QLabel *m_findStatus;
    QToolButton *m_copyButton;
    QToolButton *m_saveButton;
};
