#include "timingview.h"

#include "bytechart.h"
#include "downloadmodel.h"
#include "phasetimeline.h"
#include "poemjob.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace PhaseTimeline;

namespace {

QTreeWidget *makeList(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setAccessibleName(name);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    return list;
}

// Keeps exactly `count` rows, reusing those there are, so that a live update keeps the
// selection and the scroll position.
void setRowCount(QTreeWidget *list, int count)
{
    while (list->topLevelItemCount() > count)
        delete list->takeTopLevelItem(list->topLevelItemCount() - 1);
    while (list->topLevelItemCount() < count)
        list->addTopLevelItem(new QTreeWidgetItem(list));
}

QString offset(Duration duration)
{
    return TimingView::tr("+%1", "time since the request was made").arg(time(duration));
}

} // namespace

TimingView::TimingView(QWidget *parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_phases(makeList({tr("Phase"), tr("Start"), tr("Duration")}, tr("Phases"), this)),
      m_attempts(makeList({tr("Address"), tr("Start"), tr("End"), tr("Outcome")},
                          tr("Connection attempts"), this)),
      m_chart(new ByteChart(this))
{
    setAccessibleName(tr("Timing"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Timing summary"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_phases, 3);
    layout->addWidget(m_attempts, 2);
    layout->addWidget(m_chart);
    m_tick.setInterval(DownloadModel::updateIntervalMs);
    connect(&m_tick, &QTimer::timeout, this, &TimingView::refresh);
    showNothing();
}

QString TimingView::summary() const
{
    return m_summary->text();
}

void TimingView::setJob(PoemJob *job)
{
    if (job && job == m_job) {
        refresh();
        return;
    }
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    if (!job) {
        showNothing();
        return;
    }
    // Attempts start and end without a signal of the job (happy eyeballs' timer): the tick
    // reads them while the job runs.
    connect(job, &PoemJob::stateChanged, this, &TimingView::refresh);
    connect(job, &PoemJob::finished, this, &TimingView::refresh);
    connect(job, &QObject::destroyed, this, &TimingView::showNothing);
    refresh();
}

void TimingView::showNothing()
{
    m_tick.stop();
    m_summary->setText(tr("No download selected."));
    setRowCount(m_phases, 0);
    setRowCount(m_attempts, 0);
    m_chart->clear();
}

void TimingView::refresh()
{
    if (!m_job) {
        showNothing();
        return;
    }
    ++m_refreshes;
    const RequestTrace &trace = m_job->trace();
    const Duration now = m_job->elapsed();
    if (m_job->isFinished())
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();

    const QList<Span> phases = spans(trace, now);
    setRowCount(m_phases, int(phases.size()));
    for (int row = 0; row < phases.size(); ++row) {
        const Span &span = phases.at(row);
        QTreeWidgetItem *item = m_phases->topLevelItem(row);
        item->setText(PhaseNameColumn, phaseName(span.phase));
        item->setText(PhaseStartColumn, offset(span.start));
        item->setText(PhaseLengthColumn,
                      span.running ? tr("%1 (so far)").arg(time(span.length)) : time(span.length));
        // A swatch of the waterfall's colour; the name stays in the text colour (3:1 is
        // enough for a bar, not for text).
        item->setData(PhaseNameColumn, Qt::DecorationRole, color(span.phase, m_phases->palette()));
    }

    const QList<Attempt> tries = attempts(trace);
    setRowCount(m_attempts, int(tries.size()));
    for (int row = 0; row < tries.size(); ++row) {
        const Attempt &attempt = tries.at(row);
        QTreeWidgetItem *item = m_attempts->topLevelItem(row);
        item->setText(AttemptAddressColumn, attempt.peer);
        item->setText(AttemptStartColumn, offset(attempt.start));
        item->setText(AttemptEndColumn, attempt.end ? offset(*attempt.end) : QString());
        item->setText(AttemptOutcomeColumn, outcomeName(attempt.outcome));
        item->setToolTip(AttemptOutcomeColumn, attempt.text);
    }

    const auto ended = trace.endTime();
    const QString total = time(ended ? *ended : now);
    QString text;
    if (!m_job->isFinished())
        text = tr("Running for %1.").arg(total);
    else if (m_job->failure())
        text = tr("Failed after %1: %2").arg(total, m_job->failure()->typeName());
    else
        text = tr("Finished in %1.").arg(total);
    if (const QString peer = trace.connectedAddress(); !peer.isEmpty())
        text += u' ' + tr("Connected to %1.").arg(peer);
    m_summary->setText(text);
    m_chart->setTrace(trace, now);
}
