#pragma once

#include "download.h"
#include "poemdecoder.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

// The selected download's poem, growing live as its bytes arrive. Always plain text. New text
// is appended (never the whole text set again) at most about 30 times a second, and the reader's
// scroll position stays where the reader left it.
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
    QPlainTextEdit *textView() const { return m_text; }
    // The text as shown (decoded so far, pending bytes included).
    QString text();

    void zoomIn();
    void zoomOut();
    void resetZoom();

Q_SIGNALS:
    void copyRequested();
    void saveRequested();

private:
    void onBytesArrived(PoemJob *job, qint64 count);
    void flush();

    DownloadId m_id = 0;
    QPointer<PoemJob> m_job; // the shown download's, listened to while it runs
    PoemDecoder m_decoder;
    qint64 m_fedBytes = 0;    // the job's bytes known to the pane
    qint64 m_shownBytes = 0;  // the job's bytes handed to the decoder
    bool m_truncated = false; // displayLimit reached
    bool m_finished = false;
    int m_zoom = 0;
    QTimer m_flushTimer;
    QLabel *m_title;
    QLabel *m_status;
    QPlainTextEdit *m_text;
    QToolButton *m_copyButton;
    QToolButton *m_saveButton;
};
