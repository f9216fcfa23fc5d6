#include "poempane.h"

#include "displayformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int flushIntervalMs = 33;
constexpr int maxZoomSteps = 12;

QToolButton *makeButton(const QIcon &icon, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(icon);
    button->setText(text);
    button->setToolTip(text);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace

PoemPane::PoemPane(QWidget *parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_status(new QLabel(this)),
      m_text(new QPlainTextEdit(this))
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(u"poemTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(u"poemStatus"_s);

    m_text->setObjectName(u"poemText"_s);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setAccessibleName(tr("Poem"));
    m_text->setPlaceholderText(tr("Waiting for the first line…"));
    // A poem is read, not edited: a serif face with generous line spacing would be nicer, but the
    // system's default font is the one the user chose.
    m_text->document()->setDocumentMargin(12);

    m_copyButton = makeButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy"), this);
    m_saveButton = makeButton(QIcon::fromTheme(u"document-save"_s), tr("Save…"), this);
    auto *zoomInButton = makeButton(QIcon::fromTheme(u"zoom-in"_s), tr("Larger"), this);
    auto *zoomOutButton = makeButton(QIcon::fromTheme(u"zoom-out"_s), tr("Smaller"), this);
    m_copyButton->setObjectName(u"copyPoemButton"_s);
    m_saveButton->setObjectName(u"savePoemButton"_s);
    connect(m_copyButton, &QToolButton::clicked, this, &PoemPane::copyRequested);
    connect(m_saveButton, &QToolButton::clicked, this, &PoemPane::saveRequested);
    connect(zoomInButton, &QToolButton::clicked, this, &PoemPane::zoomIn);
    connect(zoomOutButton, &QToolButton::clicked, this, &PoemPane::zoomOut);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_status);
    header->addLayout(titles, 1);
    header->addWidget(zoomOutButton);
    header->addWidget(zoomInButton);
    header->addWidget(m_copyButton);
    header->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &PoemPane::flush);
}

void PoemPane::showDownload(const Download &download)
{
    m_flushTimer.stop();
    if (m_job)
        m_job->disconnect(this);
    m_id = download.id;
    m_job = download.job;
    connect(m_job, &PoemJob::bytesArrived, this, &PoemPane::onBytesArrived);
    m_decoder = PoemDecoder();
    m_shownBytes = 0;
    m_truncated = false;
    m_finished = false;
    m_text->clear();
    m_text->verticalScrollBar()->setValue(0);
    updateHeader(download);
    m_fedBytes = download.bytesReceived();
    if (download.job->isFinished())
        finishDownload(download);
    else
        flush();
}

void PoemPane::onBytesArrived(PoemJob *job, qint64 count)
{
    if (job != m_job || m_finished)
        return;
    m_fedBytes += count;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PoemPane::finishDownload(const Download &download)
{
    if (download.id != m_id)
        return;
    if (m_job)
        m_job->disconnect(this);
    if (m_fedBytes != download.bytesReceived()) {
        // Something was missed (or the pane was shown mid-way): start from the final bytes.
        m_decoder = PoemDecoder();
        m_shownBytes = 0;
        m_truncated = false;
        m_text->clear();
        m_fedBytes = download.bytesReceived();
    }
    m_finished = true;
    updateHeader(download);
    flush();
}

void PoemPane::clear()
{
    m_flushTimer.stop();
    if (m_job)
        m_job->disconnect(this);
    m_job = nullptr;
    m_id = 0;
    m_decoder = PoemDecoder();
    m_fedBytes = 0;
    m_shownBytes = 0;
    m_truncated = false;
    m_finished = false;
    m_text->clear();
    m_title->clear();
    m_status->clear();
}

QString PoemPane::text()
{
    flush();
    return m_text->toPlainText();
}

void PoemPane::flush()
{
    m_flushTimer.stop();
    if (m_truncated || !m_job)
        return;
    // What arrived since the last flush, read from the job's bytes: no copy of its own.
    const QByteArrayView pending
            = QByteArrayView(m_job->bytes())
                      .sliced(qsizetype(m_shownBytes), qsizetype(m_fedBytes - m_shownBytes));
    QString text;
    if (m_shownBytes + pending.size() > displayLimit) {
        // Cut at the start of a character, so that the last one shown is whole.
        qsizetype end = qsizetype(displayLimit - m_shownBytes);
        while (end > 0 && (uchar(pending.at(end)) & 0xC0) == 0x80)
            --end;
        text = m_decoder.decode(pending.first(end));
        m_shownBytes += end;
        m_truncated = true;
        m_status->setText(m_status->text() + u" · "
                          + tr("showing the first %1; save the poem to read it all")
                                    .arg(DisplayFormat::bytes(displayLimit)));
    } else {
        text = m_decoder.decode(pending);
        m_shownBytes += pending.size();
        if (m_finished)
            text += m_decoder.finish();
    }
    if (text.isEmpty())
        return;
    text = DisplayFormat::displayText(std::move(text));
    // Insert through a cursor of our own at the end: the reader's cursor, selection and scroll
    // position stay where they are.
    QScrollBar *bar = m_text->verticalScrollBar();
    const int position = bar->value();
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    bar->setValue(position);
}

void PoemPane::updateHeader(const Download &download)
{
    if (download.id != m_id)
        return;
    m_title->setText(download.serverName);
    QString status = download.address + u" · "
            + DisplayFormat::stateName(download.state(), download.bytesReceived()) + u" · "
            + DisplayFormat::bytes(download.bytesReceived());
    if (download.invalidUtf8)
        status += u" · " + tr("some bytes were not valid UTF-8 and show as �");
    if (m_truncated)
        status += u" · "
                + tr("showing the first %1; save the poem to read it all")
                          .arg(DisplayFormat::bytes(displayLimit));
    m_status->setText(status);
    // The request's timeline, as the failure pane shows it for a failure.
    QStringList timeline;
    if (download.trace().requestId() != 0)
        timeline = QStringList{download.trace().originLine()} + download.trace().stepLines();
    m_status->setToolTip(DisplayFormat::plainToolTip(timeline.join(u'\n')));
    const bool hasText = !download.bytes().isEmpty();
    m_copyButton->setEnabled(hasText);
    m_saveButton->setEnabled(hasText);
}

void PoemPane::zoomIn()
{
    if (m_zoom < maxZoomSteps) {
        ++m_zoom;
        m_text->zoomIn();
    }
}

void PoemPane::zoomOut()
{
    if (m_zoom > -maxZoomSteps / 2) {
        --m_zoom;
        m_text->zoomOut();
    }
}

void PoemPane::resetZoom()
{
    m_text->zoomIn(-m_zoom);
    m_zoom = 0;
}
