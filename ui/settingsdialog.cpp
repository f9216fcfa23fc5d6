#include "settingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr qint64 mebibyte = 1024 * 1024;

QDoubleSpinBox *secondsBox(QWidget *parent, const QString &objectName)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0, double(FetchSettings::maxTimeoutMs / 1000));
    box->setDecimals(1);
    box->setSingleStep(1);
    box->setSuffix(SettingsDialog::tr(" s"));
    box->setSpecialValueText(SettingsDialog::tr("No limit"));
    return box;
}

milliseconds toMs(const QDoubleSpinBox *box)
{
    return milliseconds(qRound64(box->value() * 1000));
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent),
      m_connectTimeout(secondsBox(this, u"connectTimeout"_s)),
      m_idleTimeout(secondsBox(this, u"idleTimeout"_s)),
      m_deadline(secondsBox(this, u"deadline"_s)),
      m_maxSize(new QSpinBox(this)),
      m_maxConnections(new QSpinBox(this)),
      m_retryAttempts(new QSpinBox(this)),
      m_retryDelay(secondsBox(this, u"retryBaseDelay"_s)),
      m_notify(new QCheckBox(
              tr("&Notify me when downloads end while the window is in the background"), this))
{
    setWindowTitle(tr("Settings"));
    m_maxSize->setObjectName(u"maxPoemSize"_s);
    m_maxSize->setRange(0, int(FetchSettings::maxPoemSizeLimit / mebibyte));
    m_maxSize->setSuffix(tr(" MiB"));
    m_maxSize->setSpecialValueText(tr("No limit"));
    m_maxConnections->setObjectName(u"maxConnections"_s);
    m_maxConnections->setRange(1, FetchSettings::maxConnectionsLimit);

    auto *form = new QFormLayout;
    form->addRow(tr("&Connect timeout:"), m_connectTimeout);
    form->addRow(tr("&Idle timeout:"), m_idleTimeout);
    form->addRow(tr("&Deadline:"), m_deadline);
    form->addRow(tr("Largest &poem:"), m_maxSize);
    form->addRow(tr("Connections at &once:"), m_maxConnections);
    m_retryAttempts->setObjectName(u"retryAttempts"_s);
    m_retryAttempts->setRange(0, FetchSettings::maxRetryAttempts);
    m_retryAttempts->setSpecialValueText(tr("Never"));
    m_retryAttempts->setSuffix(tr(" times"));
    m_retryAttempts->setToolTip(tr("Refused, timed-out and lost connections and network errors "
                                   "are fetched again after a wait that doubles each time"));
    m_retryDelay->setRange(0, double(FetchSettings::maxRetryBaseDelayMs / 1000));
    m_retryDelay->setSpecialValueText(tr("At once"));
    form->addRow(tr("&Retry failures:"), m_retryAttempts);
    form->addRow(tr("&First retry within:"), m_retryDelay);
    m_notify->setObjectName(u"notifyWhenDone"_s);
    form->addRow(m_notify);
    m_libraryMiB = new QSpinBox(this);
    m_libraryMiB->setObjectName(u"libraryMaxMiB"_s);
    m_libraryMiB->setRange(0, int(FetchSettings::maxLibraryMiB));
    m_libraryMiB->setSuffix(tr(" MiB"));
    m_libraryMiB->setSpecialValueText(tr("No limit"));
    m_libraryDays = new QSpinBox(this);
    m_libraryDays->setObjectName(u"libraryMaxAgeDays"_s);
    m_libraryDays->setRange(0, int(FetchSettings::maxLibraryAgeDays));
    m_libraryDays->setSuffix(tr(" days"));
    m_libraryDays->setSpecialValueText(tr("No limit"));
    m_libraryDays->setToolTip(tr("Favourites are always kept"));
    m_libraryMiB->setToolTip(m_libraryDays->toolTip());
    form->addRow(tr("Library &keeps at most:"), m_libraryMiB);
    form->addRow(tr("…and poems no older &than:"), m_libraryDays);
    auto *note = new QLabel(tr("The new limits apply to the downloads started from now on."), this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                 | QDialogButtonBox::RestoreDefaults,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSettings(FetchSettings()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setSettings(FetchSettings());
}

void SettingsDialog::setSettings(const FetchSettings &settings)
{
    m_connectTimeout->setValue(duration<double>(settings.options.connectTimeout).count());
    m_idleTimeout->setValue(duration<double>(settings.options.idleTimeout).count());
    m_deadline->setValue(duration<double>(settings.options.deadline).count());
    m_maxSize->setValue(int((settings.options.maxPoemSize + mebibyte - 1) / mebibyte));
    m_maxConnections->setValue(settings.maxConnections);
    m_notify->setChecked(settings.notifyWhenDone);
    m_libraryMiB->setValue(int(settings.libraryMaxMiB));
    m_libraryDays->setValue(int(settings.libraryMaxAgeDays));
    m_retryAttempts->setValue(settings.retryAttempts);
    m_retryDelay->setValue(duration<double>(milliseconds(settings.retryBaseDelayMs)).count());
}

FetchSettings SettingsDialog::settings() const
{
    FetchSettings result;
    result.options.connectTimeout = toMs(m_connectTimeout);
    result.options.idleTimeout = toMs(m_idleTimeout);
    result.options.deadline = toMs(m_deadline);
    result.options.maxPoemSize = m_maxSize->value() * mebibyte;
    result.maxConnections = m_maxConnections->value();
    result.notifyWhenDone = m_notify->isChecked();
    result.libraryMaxMiB = m_libraryMiB->value();
    result.libraryMaxAgeDays = m_libraryDays->value();
    result.retryAttempts = m_retryAttempts->value();
    result.retryBaseDelayMs = toMs(m_retryDelay).count();
    return result;
}
