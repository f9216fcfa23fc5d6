#include "failurepane.h"

#include "poempane.h"

#include "displayformat.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTextCursor>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    // Messages carry addresses and server text: never interpret them as markup.
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setObjectName(objectName);
    return label;
}

QPlainTextEdit *monospaceView(QWidget *parent, const QString &objectName,
                              const QString &accessibleName)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setUndoRedoEnabled(false);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapped, at a space where there is one (a long path or address may have none): the
    // whole traceback readable without a horizontal scroll bar.
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return view;
}

QString timeoutPhaseName(Failure::TimeoutPhase phase)
{
    switch (phase) {
    case Failure::TimeoutPhase::Connect:
        return QApplication::translate("FailurePane", "while connecting");
    case Failure::TimeoutPhase::Idle:
        return QApplication::translate("FailurePane", "waiting for the next byte");
    case Failure::TimeoutPhase::Deadline:
        return QApplication::translate("FailurePane", "at the deadline");
    case Failure::TimeoutPhase::None:
        break;
    }
    return {};
}

} // namespace

FailurePane::FailurePane(QWidget *parent)
    : QWidget(parent),
      m_icon(new QLabel(this)),
      m_kind(plainLabel(this, u"failureKind"_s)),
      m_message(plainLabel(this, u"failureMessage"_s)),
      m_server(plainLabel(this, u"failureServer"_s)),
      m_started(plainLabel(this, u"failureStarted"_s)),
      m_duration(plainLabel(this, u"failureDuration"_s)),
      m_systemError(plainLabel(this, u"failureSystemError"_s)),
      m_form(new QFormLayout),
      m_traceback(monospaceView(this, u"traceback"_s, tr("Traceback"))),
      m_partialBox(new QGroupBox(this)),
      m_partial(new QPlainTextEdit(m_partialBox)),
      m_copyButton(new QPushButton(tr("&Copy Details"), this)),
      m_retryButton(new QPushButton(tr("&Retry"), this))
{
    QFont kindFont = m_kind->font();
    kindFont.setBold(true);
    kindFont.setPointSizeF(kindFont.pointSizeF() * 1.2);
    m_kind->setFont(kindFont);
    m_kind->setWordWrap(false);

    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_icon->setFixedSize(iconSize, iconSize);

    auto *headline = new QVBoxLayout;
    headline->setSpacing(2);
    headline->addWidget(m_kind);
    headline->addWidget(m_message);
    auto *top = new QHBoxLayout;
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addLayout(headline, 1);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("Server:"), m_server);
    m_form->addRow(tr("Started:"), m_started);
    m_form->addRow(tr("Ended after:"), m_duration);
    m_form->addRow(tr("System error:"), m_systemError);

    m_partial->setReadOnly(true);
    m_partial->setUndoRedoEnabled(false);
    m_partial->setObjectName(u"partialPoem"_s);
    m_partial->setAccessibleName(tr("Partial poem"));
    auto *partialLayout = new QVBoxLayout(m_partialBox);
    partialLayout->setContentsMargins(4, 4, 4, 4);
    partialLayout->addWidget(m_partial);

    auto *tracebackBox = new QGroupBox(tr("Traceback"), this);
    auto *tracebackLayout = new QVBoxLayout(tracebackBox);
    tracebackLayout->setContentsMargins(4, 4, 4, 4);
    tracebackLayout->addWidget(m_traceback);

    auto *texts = new QSplitter(Qt::Horizontal, this);
    texts->setChildrenCollapsible(false);
    texts->addWidget(tracebackBox);
    texts->addWidget(m_partialBox);
    texts->setStretchFactor(0, 2);
    texts->setStretchFactor(1, 1);
    texts->setSizes({640, 320}); // traceback lines are long; poems are narrow

    m_copyButton->setObjectName(u"copyDetailsButton"_s);
    m_copyButton->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_retryButton->setObjectName(u"retryButton"_s);
    m_retryButton->setIcon(QIcon::fromTheme(u"view-refresh"_s));
    connect(m_copyButton, &QPushButton::clicked, this, &FailurePane::copyDetails);
    connect(m_retryButton, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_id); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_retryButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(m_form);
    layout->addWidget(texts, 1);
    layout->addLayout(buttons);
}

void FailurePane::showDownload(const Download &download)
{
    m_earlier = download.earlier;
    showFailure(download.id,
                download.failure().value_or(Failure(Failure::Kind::NetworkError,
                                                    tr("The download ended without a poem"))),
                download.serverName, download.address, download.startedAt, download.elapsedMs());
}

void FailurePane::showFailure(DownloadId id, const Failure &failure, const QString &serverName,
                              const QString &address, const QDateTime &startedAt, qint64 elapsedMs)
{
    m_id = id;
    m_failure = failure;
    const bool cancelled = failure.kind() == Failure::Kind::Cancelled;
    const QIcon icon = cancelled ? style()->standardIcon(QStyle::SP_MessageBoxInformation)
                                 : style()->standardIcon(QStyle::SP_MessageBoxCritical);
    m_icon->setPixmap(icon.pixmap(m_icon->size()));

    m_kind->setText(failure.typeName());
    m_message->setText(messageText());
    m_serverText = serverName == address ? address : tr("%1 (%2)").arg(serverName, address);
    m_server->setText(m_serverText);
    const QLocale locale;
    m_started->setText(locale.toString(startedAt, QLocale::LongFormat));
    m_duration->setText(DisplayFormat::duration(elapsedMs));
    const QString systemError = systemErrorText();
    m_systemError->setText(systemError);
    m_form->setRowVisible(m_systemError, !systemError.isEmpty());

    m_traceback->setPlainText(DisplayFormat::displayText(tracebackText()));

    const QByteArray &partial = failure.partialPoem().bytes();
    m_partialBox->setVisible(!partial.isEmpty());
    m_partialBox->setTitle(tr("Partial poem (%1)").arg(DisplayFormat::bytes(partial.size())));
    m_partial->setPlainText(partialText());
    // Read from the top, whatever was shown before.
    m_partial->moveCursor(QTextCursor::Start);
    m_traceback->moveCursor(QTextCursor::Start);
}

QString FailurePane::tracebackText() const
{
    // In the user's language, header and units too; the type names stay as they are.
    QString text = m_failure.traceback(tr("Traceback (most recent call last):"));
    // Earlier attempts of a retried row, newest first: every attempt with its outcome.
    const QLocale locale;
    for (qsizetype i = m_earlier.size() - 1; i >= 0; --i) {
        const EarlierAttempt &attempt = m_earlier.at(i);
        text += u"\n\n"_s
                + tr("Attempt %1 of %2, started %3: %4")
                          .arg(i + 1)
                          .arg(m_earlier.size() + 1)
                          .arg(locale.toString(attempt.startedAt, QLocale::ShortFormat),
                               DisplayFormat::stateName(attempt.state));
        if (attempt.failure)
            text += u'\n' + attempt.failure->traceback(tr("Traceback (most recent call last):"));
    }
    return text;
}

QString FailurePane::messageText() const
{
    QString message = m_failure.errorMessage();
    if (m_failure.kind() == Failure::Kind::Timeout
        && m_failure.timeoutPhase() != Failure::TimeoutPhase::None)
        message = tr("%1 (timed out %2)", "failure message, then when the timeout struck")
                          .arg(message, timeoutPhaseName(m_failure.timeoutPhase()));
    return message;
}

QString FailurePane::systemErrorText() const
{
    return m_failure.systemErrorCode() != 0
            ? tr("%1 (error %2)").arg(m_failure.systemErrorText()).arg(m_failure.systemErrorCode())
            : m_failure.systemErrorText();
}

QString FailurePane::partialText() const
{
    // A text view slows down badly with tens of megabytes, and the text is twice the bytes:
    // the start is shown, as the poem pane does, and the note says how much there is.
    QByteArrayView partial = m_failure.partialPoem().bytes();
    const bool cut = partial.size() > PoemPane::displayLimit;
    if (cut) {
        qsizetype end = qsizetype(PoemPane::displayLimit);
        while (end > 0 && (uchar(partial.at(end)) & 0xC0) == 0x80)
            --end;
        partial = partial.first(end);
    }
    QString text = DisplayFormat::displayText(QString::fromUtf8(partial));
    if (cut)
        text += u"\n\n"
                + tr("[showing the first %1 of %2]")
                          .arg(DisplayFormat::bytes(partial.size()),
                               DisplayFormat::bytes(m_failure.partialPoem().size()));
    return text;
}

QString FailurePane::detailsText() const
{
    if (m_id == 0)
        return {};
    const QString systemError = systemErrorText();
    QString details = tr("%1: %2").arg(m_failure.typeName(), messageText()) + u'\n'
            + tr("Server: %1").arg(m_serverText) + u'\n' + tr("Started: %1").arg(m_started->text())
            + u'\n' + tr("Ended after: %1").arg(m_duration->text()) + u'\n';
    if (!systemError.isEmpty())
        details += tr("System error: %1").arg(systemError) + u'\n';
    details += u'\n' + tracebackText();
    if (const qsizetype size = m_failure.partialPoem().size(); size > 0)
        details += u'\n' + tr("Partial poem (%1):").arg(DisplayFormat::bytes(size)) + u'\n'
                + partialText() + u'\n';
    return details;
}

void FailurePane::clear()
{
    m_id = 0;
    m_failure = {};
    m_earlier.clear();
    m_serverText.clear();
    m_kind->clear();
    m_message->clear();
    m_traceback->clear();
    m_partial->clear();
}

void FailurePane::copyDetails()
{
    QApplication::clipboard()->setText(detailsText());
}
