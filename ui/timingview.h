#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class ByteChart;
class PoemJob;
class QLabel;
class QTreeWidget;

// The Timing tab of a download's details, for successes and failures alike: each phase
// (queued, resolving, connecting, waiting for the first byte, receiving) with its start and
// length, every connection attempt (happy eyeballs) with its address, times and outcome, and
// the bytes over time. Follows a live job: its signals, and a tick for the phase in progress.
// The job may be destroyed while shown; the view then shows nothing.
class TimingView : public QWidget
{
    Q_OBJECT

public:
    enum PhaseColumn { PhaseNameColumn, PhaseStartColumn, PhaseLengthColumn };
    enum AttemptColumn {
        AttemptAddressColumn,
        AttemptStartColumn,
        AttemptEndColumn,
        AttemptOutcomeColumn
    };

    explicit TimingView(QWidget *parent = nullptr);

    // Shows `job` (or nothing with nullptr) and follows it until another is set.
    void setJob(PoemJob *job);
    PoemJob *job() const { return m_job; }

    // For tests and accessibility tools: the parts as they show the job now.
    QTreeWidget *phaseList() const { return m_phases; }
    QTreeWidget *attemptList() const { return m_attempts; }
    ByteChart *chart() const { return m_chart; }
    QString summary() const;
    // How many times the view read its job, and whether it still ticks for a live one.
    int refreshCount() const { return m_refreshes; }
    bool isFollowing() const { return m_tick.isActive(); }

private:
    void refresh();
    void showNothing();

    QPointer<PoemJob> m_job;
    QLabel *m_summary;
    QTreeWidget *m_phases;
    QTreeWidget *m_attempts;
    ByteChart *m_chart;
    QTimer m_tick; // while the job runs: the phase in progress grows
    int m_refreshes = 0;
};
