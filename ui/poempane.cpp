#include "poempane.h"

#include "displayformat.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int flushIntervalMs = 33;
// About 5 ms of decoding and appending (bench_longline).
constexpr qsizetype maxBytesPerStep = 512 * 1024;
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
      m_text(new PoemView(this)),
      m_findBar(new QWidget(this)),
      m_findEdit(new QLineEdit(m_findBar)),
      m_findStatus(new QLabel(m_findBar))
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

    // The find bar: Ctrl+F anywhere in the pane, Enter for the next match, Escape to close.
    m_findEdit->setObjectName(u"findEdit"_s);
    m_findEdit->setPlaceholderText(tr("Find in the poem"));
    m_findEdit->setAccessibleName(tr("Find in the poem"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    m_findStatus->setTextFormat(Qt::PlainText);
    connect(m_findEdit, &QLineEdit::returnPressed, this, &PoemPane::findNext);
    connect(m_findEdit, &QLineEdit::textEdited, m_findStatus, &QLabel::clear);
    auto *closeFind = makeButton(QIcon::fromTheme(u"dialog-close"_s), tr("Close"), m_findBar);
    closeFind->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(closeFind, &QToolButton::clicked, this, &PoemPane::endFind);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(closeFind);
    m_findBar->hide();
    auto *findAction = new QAction(tr("Find"), this);
    findAction->setObjectName(u"findAction"_s);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, &PoemPane::startFind);
    addAction(findAction);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_findBar);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &PoemPane::flushStep);
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
    m_fromTop = true;
    m_text->clearText();
    updateHeader(download);
    m_fedBytes = download.bytesReceived();
    if (download.job->isFinished())
        finishDownload(download);
    else
        flushStep();
}

void PoemPane::onBytesArrived(PoemJob *job, qint64 count)
{
    if (job != m_job || m_finished)
        return;
    m_fedBytes += count;
    if (!m_flushTimer.isActive())
        m_flushTimer.start(flushIntervalMs);
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
        m_fromTop = true;
        m_text->clearText();
        m_fedBytes = download.bytesReceived();
    }
    m_finished = true;
    updateHeader(download);
    flushStep();
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
    m_fromTop = true;
    m_text->clearText();
    m_title->clear();
    m_status->clear();
}

QString PoemPane::text()
{
    flush();
    return m_text->text();
}

void PoemPane::flush()
{
    while (appendPending()) { }
}

void PoemPane::flushStep()
{
    if (appendPending())
        m_flushTimer.start(0); // the rest after the events waiting now
}

bool PoemPane::appendPending()
{
    m_flushTimer.stop();
    if (m_truncated || !m_job)
        return false;
    // What arrived since the last flush, read from the job's bytes: no copy of its own. At most
    // maxBytesPerStep at a time, so that showing a long poem at once never holds the event
    // loop long (the decoder keeps a character cut in two for the next step).
    qsizetype count = qsizetype(m_fedBytes - m_shownBytes);
    const bool more = count > maxBytesPerStep && m_shownBytes + maxBytesPerStep < displayLimit;
    if (more)
        count = maxBytesPerStep;
    const QByteArrayView pending
            = QByteArrayView(m_job->bytes()).sliced(qsizetype(m_shownBytes), count);
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
        if (m_finished && !more)
            text += m_decoder.finish();
    }
    // What had arrived when the download was shown is read from its start; from then on the
    // view follows the end if it is at the end.
    if (!text.isEmpty())
        m_text->appendText(DisplayFormat::displayText(std::move(text)), !m_fromTop);
    if (!more)
        m_fromTop = false;
    return more;
}

void PoemPane::startFind()
{
    m_findBar->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void PoemPane::endFind()
{
    m_findBar->hide();
    m_findStatus->clear();
    m_text->setFocus(Qt::OtherFocusReason);
}

bool PoemPane::findNext()
{
    const QString needle = m_findEdit->text();
    m_findStatus->clear();
    if (needle.isEmpty())
        return false;
    flush();
    if (m_text->find(needle))
        return true;
    // From the start again (a match across a soft break is not found: see PoemView).
    QTextCursor cursor = m_text->textCursor();
    cursor.movePosition(QTextCursor::Start);
    m_text->setTextCursor(cursor);
    if (m_text->find(needle))
        return true;
    m_findStatus->setText(tr("Not found"));
    return false;
}

bool PoemPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        endFind();
        return true;
    }
    return QWidget::eventFilter(watched, event);
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
    if (!download.trace().action().isEmpty())
        timeline.prepend(download.trace().actionLine());
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
