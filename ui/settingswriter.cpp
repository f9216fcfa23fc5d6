#include "settingswriter.h"

#include "noticebar.h"
#include "settingsfile.h"
#include "settingslock.h"

#include <QDir>
#include <QSettings>

SettingsWriter::SettingsWriter(NoticeBar *notice, QObject *parent)
    : QObject(parent), m_notice(notice)
{ }

bool SettingsWriter::canWrite() const
{
    const QString fileName = SettingsFile::defaultFileName();
    const QString problem = SettingsLock::problem(fileName);
    if (problem.isEmpty())
        return true;
    tell(tr("Settings could not be saved to “%1”: %2. Changes made now will be lost when the "
            "program ends.")
                 .arg(QDir::toNativeSeparators(fileName), problem));
    return false;
}

void SettingsWriter::commit(QSettings &settings) const
{
    // QSettings writes atomically (see SettingsFile), but a write that fails (a full disk, a
    // read-only folder) only shows in status().
    settings.sync();
    if (settings.status() == QSettings::NoError)
        return;
    tell(tr("Settings could not be saved to “%1”: changes made now will be lost when the "
            "program ends.")
                 .arg(QDir::toNativeSeparators(settings.fileName())));
}

void SettingsWriter::tell(const QString &message) const
{
    if (!m_notice->isVisible() || m_notice->text() != message)
        m_notice->showMessage(message, NoticeBar::Type::Error);
}
