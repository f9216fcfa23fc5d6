#include "downloadspanel.h"

#include "bytesview.h"
#include "displayformat.h"
#include "downloadfiltermodel.h"
#include "downloadmodel.h"
#include "failurepane.h"
#include "fetchreport.h"
#include "filterbar.h"
#include "getpoetrycommand.h"
#include "phasetimeline.h"
#include "plainmessage.h"
#include "poempane.h"
#include "progressdelegate.h"
#include "scrolltonewrows.h"
#include "timingview.h"
#include "waterfalldelegate.h"
#include "windowactions.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString fileNameFor(const QString &serverName)
{
    QString name;
    for (const QChar c : serverName) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.isEmpty() && !name.endsWith(u'-'))
            name += u'-';
    }
    while (name.endsWith(u'-'))
        name.chop(1);
    return (name.isEmpty() ? u"poem"_s : name) + u".txt"_s;
}

QString documentsFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

} // namespace

DownloadsPanel::DownloadsPanel(DownloadModel *downloads, const WindowActions *actions,
                               QWidget *parent)
    : QSplitter(Qt::Vertical, parent),
      m_downloads(downloads),
      m_view(new QTreeView(this)),
      m_proxy(new DownloadFilterModel(this)),
      m_filterBar(new FilterBar(m_proxy, this)),
      m_details(new QStackedWidget(this)),
      m_detailTabs(new QTabWidget(this)),
      m_timingView(new TimingView(this)),
      m_bytesView(new BytesView(this)),
      m_placeholder(new QLabel(tr("Select a download to read its poem as it arrives."), this)),
      m_poemPane(new PoemPane(this)),
      m_failurePane(new FailurePane(this))
{
    setObjectName(u"centreSplitter"_s);
    m_proxy->setSourceModel(m_downloads);

    m_view->setObjectName(u"downloadView"_s);
    m_view->setAccessibleName(tr("Downloads"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // a thousand rows, one height computed
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the order of fetching until asked
    m_view->setItemDelegateForColumn(DownloadModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setItemDelegateForColumn(DownloadModel::WaterfallColumn,
                                     new WaterfallDelegate(m_downloads->waterfallAxis(), m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    new ScrollToNewRows(m_view); // new downloads come into sight
    sizeColumns();
    // Shortcuts that mean something else elsewhere (Esc, Ctrl+C, Delete) act here only.
    m_view->addActions({actions->cancel, actions->copyPoems, actions->removeDownloads});
    connect(m_view, &QTreeView::customContextMenuRequested, this,
            [this, actions](const QPoint &position) {
                QMenu menu(this);
                actions->fillDownloadMenu(&menu);
                menu.exec(m_view->viewport()->mapToGlobal(position));
            });

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setEnabled(false);
    m_details->setObjectName(u"details"_s);
    m_details->insertWidget(PlaceholderPage, m_placeholder);
    m_details->insertWidget(PoemPage, m_poemPane);
    m_details->insertWidget(FailurePage, m_failurePane);

    // The filter bar over the list; Ctrl+F in the list goes to it.
    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_view, 1);
    auto *find = new QShortcut(QKeySequence::Find, list);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_filterBar, &FilterBar::focusText);
    addWidget(list);
    // The details: the poem (or why it failed), and for every download its timing and its
    // bytes as they came.
    m_detailTabs->setObjectName(u"detailTabs"_s);
    m_detailTabs->setDocumentMode(true);
    m_detailTabs->addTab(m_details, tr("Poem"));
    m_detailTabs->addTab(m_timingView, tr("Timing"));
    m_detailTabs->addTab(m_bytesView, tr("Bytes"));
    addWidget(m_detailTabs);
    setStretchFactor(0, 2);
    setStretchFactor(1, 3);
    setChildrenCollapsible(false);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DownloadsPanel::showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DownloadsPanel::selectionChanged);
    connect(m_downloads, &DownloadModel::downloadFinished, this, &DownloadsPanel::onFinished);
    connect(m_downloads, &DownloadModel::downloadRestarted, this, [this](DownloadId id) {
        if (id == m_shown)
            showCurrent();
    });
    connect(m_downloads, &DownloadModel::dataChanged, this, &DownloadsPanel::onChanged);
    connect(m_downloads, &DownloadModel::rowsRemoved, this, [this] {
        if (m_shown != 0 && m_downloads->rowOf(m_shown) < 0)
            showCurrent();
    });
    const auto countsChanged = [this] {
        Q_EMIT this->countsChanged(countsText());
    };
    connect(m_downloads, &DownloadModel::countsChanged, this, countsChanged);
    connect(m_proxy, &DownloadFilterModel::countsChanged, this, countsChanged);
    connect(m_proxy, &DownloadFilterModel::filterChanged, this, countsChanged);

    connect(m_poemPane, &PoemPane::copyRequested, this, [this] {
        if (const int row = currentRow(); row >= 0)
            QApplication::clipboard()->setText(
                    QString::fromUtf8(m_downloads->download(row).bytes()));
    });
}

void DownloadsPanel::saveLayout(QSettings &settings) const
{
    settings.setValue(u"window/centreSplitter"_s, saveState());
    settings.setValue(u"window/downloadColumns"_s, m_view->header()->saveState());
    m_proxy->save(settings);
}

void DownloadsPanel::restoreLayout(const QSettings &settings)
{
    if (settings.contains(u"window/centreSplitter"_s))
        restoreState(settings.value(u"window/centreSplitter"_s).toByteArray());
    else
        setSizes({300, 400});
    m_view->header()->restoreState(settings.value(u"window/downloadColumns"_s).toByteArray());
    m_proxy->restore(settings);
}

void DownloadsPanel::sizeColumns()
{
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(DownloadModel::ServerColumn, QHeaderView::Stretch);
    // Wide enough for what the columns typically say, measured in the user's font.
    const auto fit = [this](const QString &text) {
        return fontMetrics().horizontalAdvance(text) + fontMetrics().averageCharWidth() * 4;
    };
    const QString someBytes = DisplayFormat::bytes(999 * 1024);
    header->resizeSection(DownloadModel::StateColumn,
                          fit(DisplayFormat::stateName(RequestState::Connecting))
                                  + style()->pixelMetric(QStyle::PM_SmallIconSize));
    header->resizeSection(DownloadModel::ProgressColumn, fontMetrics().averageCharWidth() * 22);
    header->resizeSection(DownloadModel::BytesColumn,
                          fit(DownloadModel::tr("%1 of %2").arg(someBytes, someBytes)));
    header->resizeSection(DownloadModel::RateColumn, fit(DisplayFormat::rate(999 * 1024)));
    header->resizeSection(DownloadModel::ElapsedColumn, fit(DisplayFormat::duration(599'000)));
    header->resizeSection(DownloadModel::WaitingColumn,
                          fit(PhaseTimeline::time(std::chrono::milliseconds(9999))));
    header->resizeSection(DownloadModel::EtaColumn, fit(DisplayFormat::duration(599'000)));
    header->resizeSection(DownloadModel::WaterfallColumn, fontMetrics().averageCharWidth() * 30);
}

QList<int> DownloadsPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

int DownloadsPanel::currentRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void DownloadsPanel::showRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_downloads->index(row, 0));
    m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void DownloadsPanel::showFailures()
{
    m_proxy->clearFilter();
    if (m_downloads->failedCount() > 0)
        m_proxy->setStates(DownloadFilterModel::Failed);
}

void DownloadsPanel::copySelectedPoems() const
{
    QStringList poems;
    for (int row : selectedRows()) {
        const Download &download = m_downloads->download(row);
        if (!download.bytes().isEmpty())
            poems.append(QString::fromUtf8(download.bytes()));
    }
    if (!poems.isEmpty())
        QApplication::clipboard()->setText(poems.join(u"\n\n"_s));
}

void DownloadsPanel::copySelectedAsCommands() const
{
    QStringList commands;
    for (int row : selectedRows()) {
        const Download &download = m_downloads->download(row);
        commands.append(GetPoetryCommand::command(download.address, download.job->options()));
    }
    if (!commands.isEmpty())
        QApplication::clipboard()->setText(commands.join(u'\n'));
}

QString DownloadsPanel::saveCurrentPoem()
{
    const int row = currentRow();
    if (row < 0 || m_downloads->download(row).bytes().isEmpty())
        return {};
    // The file dialog runs an event loop: downloads go on and rows may move or go. Keep the id,
    // not a reference into the model.
    const DownloadId id = m_downloads->download(row).id;
    const QString directory = documentsFolder();
    const QString fileName = QFileDialog::getSaveFileName(
            this, tr("Save Poem"),
            QDir(directory).filePath(fileNameFor(m_downloads->download(row).serverName)),
            tr("Text files (*.txt);;All files (*)"));
    const int rowNow = m_downloads->rowOf(id);
    if (fileName.isEmpty() || rowNow < 0)
        return {};
    // The poem's bytes exactly as the server sent them; QSaveFile never leaves half a file.
    const QByteArray bytes = m_downloads->download(rowNow).bytes();
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        PlainMessage::warn(this, tr("Save Poem"),
                           tr("The poem could not be saved to “%1”: %2")
                                   .arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return {};
    }
    return tr("Saved “%1”.").arg(QDir::toNativeSeparators(fileName));
}

void DownloadsPanel::pauseSelected()
{
    for (int row : selectedRows())
        m_downloads->download(row).job->suspend();
    Q_EMIT selectionChanged(); // Pause and Resume change places
}

void DownloadsPanel::resumeSelected()
{
    for (int row : selectedRows())
        m_downloads->download(row).job->resume();
    Q_EMIT selectionChanged();
}

QString DownloadsPanel::exportShown()
{
    const QString directory = documentsFolder();
    const QString fileName = QFileDialog::getSaveFileName(
            this, tr("Export Report"), QDir(directory).filePath(u"poetry-report.json"_s),
            tr("JSON files (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return {};
    // Read after the dialog: downloads went on while it was open.
    FetchReport report;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        report.add(*m_downloads->download(m_proxy->mapToSource(m_proxy->index(row, 0)).row()).job);
    QString error;
    if (!report.save(fileName, &error)) {
        PlainMessage::warn(this, tr("Export Report"),
                           tr("The report could not be written to “%1”: %2")
                                   .arg(QDir::toNativeSeparators(fileName), error));
        return {};
    }
    return tr("Wrote %n download(s) to “%1”.", "", int(report.records().size()))
            .arg(QDir::toNativeSeparators(fileName));
}

void DownloadsPanel::showCurrent()
{
    const int row = currentRow();
    if (row < 0) {
        m_shown = 0;
        m_poemPane->clear();
        m_failurePane->clear();
        m_details->setCurrentIndex(PlaceholderPage);
        m_detailTabs->setTabText(0, tr("Poem"));
        m_timingView->setJob(nullptr);
        m_bytesView->setJob(nullptr);
    } else {
        const Download &download = m_downloads->download(row);
        m_shown = download.id;
        if (download.state() == RequestState::Failed
            || download.state() == RequestState::Cancelled) {
            m_poemPane->clear();
            m_failurePane->showDownload(download);
            m_details->setCurrentIndex(FailurePage);
            m_detailTabs->setTabText(0, tr("Failure"));
        } else {
            m_failurePane->clear();
            m_poemPane->showDownload(download);
            m_details->setCurrentIndex(PoemPage);
            m_detailTabs->setTabText(0, tr("Poem"));
        }
        // Again for the same job keeps their scroll position.
        m_timingView->setJob(download.job);
        m_bytesView->setJob(download.job);
    }
    Q_EMIT selectionChanged();
}

void DownloadsPanel::onFinished(DownloadId id)
{
    if (id != m_shown)
        return;
    const Download &download = m_downloads->download(m_downloads->rowOf(id));
    if (download.state() == RequestState::Done)
        m_poemPane->finishDownload(download);
    else
        showCurrent();
}

void DownloadsPanel::onChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = m_shown != 0 ? m_downloads->rowOf(m_shown) : -1;
    if (row >= topLeft.row() && row <= bottomRight.row() && m_details->currentIndex() == PoemPage)
        m_poemPane->updateHeader(m_downloads->download(row));
}

QString DownloadsPanel::countsText() const
{
    // Queued apart from active: 150 waiting for a slot are not 150 downloads under way.
    QString text;
    if (const DownloadFilterModel *shown = m_proxy; shown->isFiltering())
        text += shown->statusText() + u"  ·  ";
    if (m_downloads->queuedCount() > 0)
        text += tr("%n queued", "", m_downloads->queuedCount()) + u"  ·  ";
    text += tr("%n active", "", m_downloads->runningCount()) + u"  ·  "
            + tr("%n done", "", m_downloads->doneCount()) + u"  ·  "
            + tr("%n failed", "", m_downloads->failedCount());
    if (m_downloads->cancelledCount() > 0)
        text += u"  ·  " + tr("%n cancelled", "", m_downloads->cancelledCount());
    return text;
}
