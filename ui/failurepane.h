#pragma once

#include "download.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Everything about a download that ended without a poem: the kind, the message, the server,
// the timings, the full traceback in a monospace view and the partial poem if any.
class FailurePane : public QWidget
{
    Q_OBJECT

public:
    explicit FailurePane(QWidget *parent = nullptr);

    void showDownload(const Download &download);
    // What showDownload() shows, from its parts.
    void showFailure(DownloadId id, const Failure &failure, const QString &serverName,
                     const QString &address, const QDateTime &startedAt, qint64 elapsedMs);
    void clear();

    DownloadId downloadId() const { return m_id; }
    // What "Copy details" copies: the whole story as plain text (made when asked, the partial
    // poem up to the display limit).
    QString detailsText() const;

    QLabel *kindLabel() const { return m_kind; }
    QPlainTextEdit *tracebackView() const { return m_traceback; }
    QPlainTextEdit *partialPoemView() const { return m_partial; }
    QPushButton *retryButton() const { return m_retryButton; }
    QPushButton *copyButton() const { return m_copyButton; }

Q_SIGNALS:
    void retryRequested(DownloadId id);

private:
    void copyDetails();
    QString messageText() const;
    QString tracebackText() const;
    QString systemErrorText() const;
    QString partialText() const;

    DownloadId m_id = 0;
    Failure m_failure;
    QString m_serverText;
    QLabel *m_icon;
    QLabel *m_kind;
    QLabel *m_message;
    QLabel *m_server;
    QLabel *m_started;
    QLabel *m_duration;
    QLabel *m_systemError;
    QFormLayout *m_form;
    QPlainTextEdit *m_traceback;
    QList<EarlierAttempt> m_earlier; // of the download shown, listed after its traceback
    QGroupBox *m_partialBox;
    QPlainTextEdit *m_partial;
    QPushButton *m_copyButton;
    QPushButton *m_retryButton;
};
