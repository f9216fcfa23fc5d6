#pragma once

#include "fetchsettings.h"

#include <QDialog>

class QDoubleSpinBox;
class QCheckBox;
class QSpinBox;

// The limits applied to new requests: connect and idle timeouts, the deadline, the size cap and
// the number of connections open at once.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const FetchSettings &settings);
    FetchSettings settings() const;

private:
    QDoubleSpinBox *m_connectTimeout;
    QDoubleSpinBox *m_idleTimeout;
    QDoubleSpinBox *m_deadline;
    QSpinBox *m_maxSize;
    QSpinBox *m_maxConnections;
    QSpinBox *m_retryAttempts;
    QDoubleSpinBox *m_retryDelay;
    QCheckBox *m_notify;
    QSpinBox *m_libraryMiB;
    QSpinBox *m_libraryDays;
};
