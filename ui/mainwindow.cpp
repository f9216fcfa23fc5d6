#include "mainwindow.h"

#include "aboutdialog.h"
#include "autoretry.h"
#include "confirmations.h"
#include "demoservers.h"
#include "desktopnotifier.h"
#include "downloadbatch.h"
#include "downloadfiltermodel.h"
#include "downloadmodel.h"
#include "downloadspanel.h"
#include "failurepane.h"
#include "librarysession.h"
#include "libraryview.h"
#include "noticebar.h"
#include "plainmessage.h"
#include "poemlibrary.h"
#include "poempane.h"
#include "poetryfetcher.h"
#include "screenfit.h"
#include "serverlistmodel.h"
#include "serverpanel.h"
#include "settingsdialog.h"
#include "settingswriter.h"
#include "windowactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDBusConnection>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_fetcher(new PoetryFetcher(this)),
      m_servers(new ServerListModel(this)),
      m_downloads(new DownloadModel(m_fetcher, this)),
      m_batch(new DownloadBatch(m_downloads, this)),
      m_notifier(new DesktopNotifier(QDBusConnection::sessionBus(), this)),
      m_autoRetry(new AutoRetry(m_downloads, this)),
      m_librarySession(new LibrarySession(m_downloads, m_servers, this)),
      m_demo(new DemoServers(this)),
      m_actions(new WindowActions(this))
{
    setWindowTitle(tr("Poetry Reader"));
    setAcceptDrops(true);

    m_serverPanel = new ServerPanel(m_servers, m_actions, this);
    m_downloadsPanel = new DownloadsPanel(m_downloads, m_actions, this);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_serverPanel);
    m_libraryView = new LibraryView(m_librarySession->library(), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_downloadsPanel, tr("Downloads"));
    m_tabs->addTab(m_libraryView, tr("&Library"));
    m_mainSplitter->addWidget(m_tabs);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setChildrenCollapsible(false);
    m_notice = new NoticeBar(this);
    m_settingsWriter = new SettingsWriter(m_notice, this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);
    m_actions->populate(this);

    auto *counts = new QLabel(m_downloadsPanel->countsText(), this);
    counts->setObjectName(u"counts"_s);
    counts->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(counts);
    connect(m_downloadsPanel, &DownloadsPanel::countsChanged, counts, &QLabel::setText);

    connectActions();
    connect(m_serverPanel, &ServerPanel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_serverPanel, &ServerPanel::rowActivated, this,
            [this](int row) { fetchServerRows({row}, tr("Fetch")); });
    connect(m_serverPanel, &ServerPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_serverPanel, &ServerPanel::addressProblem, this, [this](const QString &problem) {
        if (problem.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(problem);
    });
    connect(m_downloadsPanel, &DownloadsPanel::selectionChanged, this, &MainWindow::updateActions);
    // Cancel, Retry, Copy and Save depend on how the selected downloads stand: at once, not
    // with the next coalesced update.
    connect(m_downloads, &DownloadModel::downloadFinished, this, &MainWindow::updateActions);
    // Copy and Save come on as soon as the selected download has its first bytes.
    connect(m_downloads, &DownloadModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_downloads, &DownloadModel::serverResult, m_servers, &ServerListModel::setLastResult);
    connect(m_batch, &DownloadBatch::progressChanged, this, &MainWindow::updateTitle);
    connect(m_batch, &DownloadBatch::finished, this, [this](int poems, int failures) {
        // Only when the user is elsewhere: in the window they see it end.
        if (!isActiveWindow() && poems + failures > 0)
            m_notifier->notify(poems, failures);
    });
    connect(m_notifier, &DesktopNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
        m_downloadsPanel->showFailures();
    });
    connect(m_downloads, &DownloadModel::countsChanged, this, &MainWindow::updateActions);
    connect(m_downloadsPanel->poemPane(), &PoemPane::saveRequested, this, &MainWindow::savePoem);
    connect(m_downloadsPanel->failurePane(), &FailurePane::retryRequested, this,
            &MainWindow::retryDownload);

    restoreSettings();
    // Saved at once: a crash or a kill must not lose a server the user just added.
    connect(m_servers, &ServerListModel::rowsInserted, this, &MainWindow::saveServers);
    connect(m_servers, &ServerListModel::rowsRemoved, this, &MainWindow::saveServers);
    connect(m_servers, &ServerListModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.column() <= ServerListModel::AddressColumn)
            saveServers();
    });
    updateActions();
}

MainWindow::~MainWindow()
{
    // Children are deleted after this destructor has run, while their signals still reach this
    // window's slots. So, in an order where nothing calls back into a half-destroyed window:
    // the panels first (their selection models report to us as they go), then the downloads
    // model (it cancels what still runs), then its fetcher.
    delete m_mainSplitter;
    delete m_downloads;
    delete m_fetcher;
}

bool MainWindow::hasSavedSettings()
{
    // Any settings file means the program has run before, a damaged one too: no demo over the
    // notice about it. Decided from the file, not from its values: the start-up check has not
    // run yet, and QSettings decodes a value (an "@Variant" too, see SettingsFile) when it is
    // first read.
    const QFileInfo file(SettingsFile::defaultFileName());
    return file.exists() && (!file.isFile() || file.size() > 0);
}

void MainWindow::connectActions()
{
    const WindowActions &a = *m_actions;
    connect(a.addServer, &QAction::triggered, m_serverPanel, &ServerPanel::addServer);
    connect(a.editServer, &QAction::triggered, m_serverPanel, &ServerPanel::editServer);
    connect(a.removeServers, &QAction::triggered, m_serverPanel, &ServerPanel::removeSelected);
    connect(a.importFile, &QAction::triggered, m_serverPanel, &ServerPanel::importFile);
    connect(a.importClipboard, &QAction::triggered, m_serverPanel, &ServerPanel::importClipboard);
    connect(a.exportServers, &QAction::triggered, m_serverPanel, &ServerPanel::exportServers);
    connect(a.startDemo, &QAction::triggered, this, &MainWindow::startDemo);
    connect(a.fetch, &QAction::triggered, this, &MainWindow::fetchSelected);
    connect(a.fetchAll, &QAction::triggered, this, &MainWindow::fetchAll);
    connect(a.cancel, &QAction::triggered, this, &MainWindow::cancelSelected);
    connect(a.cancelAll, &QAction::triggered, m_downloads, &DownloadModel::cancelAll);
    connect(a.retry, &QAction::triggered, this, &MainWindow::retrySelected);
    connect(a.retryFailed, &QAction::triggered, this, &MainWindow::retryFailed);
    connect(a.copyPoems, &QAction::triggered, m_downloadsPanel, &DownloadsPanel::copySelectedPoems);
    connect(a.copyAsCommand, &QAction::triggered, m_downloadsPanel,
            &DownloadsPanel::copySelectedAsCommands);
    connect(a.savePoem, &QAction::triggered, this, &MainWindow::savePoem);
    connect(a.pause, &QAction::triggered, m_downloadsPanel, &DownloadsPanel::pauseSelected);
    connect(a.resume, &QAction::triggered, m_downloadsPanel, &DownloadsPanel::resumeSelected);
    connect(a.exportReport, &QAction::triggered, this, [this] {
        if (const QString done = m_downloadsPanel->exportShown(); !done.isEmpty())
            statusBar()->showMessage(done, 5000);
    });
    connect(a.removeDownloads, &QAction::triggered, this, &MainWindow::removeDownloads);
    connect(a.clearFinished, &QAction::triggered, m_downloads, &DownloadModel::clearFinished);
    connect(a.zoomIn, &QAction::triggered, m_downloadsPanel->poemPane(), &PoemPane::zoomIn);
    connect(a.zoomOut, &QAction::triggered, m_downloadsPanel->poemPane(), &PoemPane::zoomOut);
    connect(a.settings, &QAction::triggered, this, &MainWindow::editSettings);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.about, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::restoreSettings()
{
    // Before anything reads it: a damaged file is kept as a backup and replaced or repaired,
    // and the window says so without stopping the start.
    m_settingsCheck = SettingsFile::check(SettingsFile::defaultFileName());
    if (m_settingsCheck.problem != SettingsFile::Problem::None)
        m_notice->showMessage(m_settingsCheck.message(), NoticeBar::Type::Warning);

    const QSettings settings;
    m_fetchSettings = FetchSettings::load(settings);
    m_servers->load(settings);
    if (const QString problem = m_librarySession->open(); !problem.isEmpty())
        m_notice->showMessage(problem, NoticeBar::Type::Warning);
    applyFetchSettings();
    connect(m_librarySession, &LibrarySession::problem, this, [this](const QString &message) {
        m_notice->showMessage(message, NoticeBar::Type::Warning);
    });
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1180, 760);
    ScreenFit::fit(this);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_mainSplitter->restoreState(settings.value(u"window/mainSplitter"_s).toByteArray());
    if (m_mainSplitter->sizes().value(0) == 0 || !settings.contains(u"window/mainSplitter"_s))
        m_mainSplitter->setSizes({450, 830});
    m_downloadsPanel->restoreLayout(settings);
    m_serverPanel->restoreLayout(settings);
}

void MainWindow::saveServers() const
{
    if (!m_settingsWriter->canWrite())
        return;
    QSettings settings;
    m_servers->save(settings);
    m_settingsWriter->commit(settings);
}

void MainWindow::saveWindowState() const
{
    if (!m_settingsWriter->canWrite())
        return;
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/mainSplitter"_s, m_mainSplitter->saveState());
    m_downloadsPanel->saveLayout(settings);
    m_serverPanel->saveLayout(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!Confirmations::quitWithDownloads(this, m_downloads->activeCount())) {
        event->ignore();
        return;
    }
    if (const QString lost = m_librarySession->close(); !lost.isEmpty())
        qWarning("%s", qPrintable(lost)); // the window is going: stderr is all that is left
    saveWindowState();
    saveServers();
    event->accept();
}

void MainWindow::startUp(bool firstStart, bool demo, const QStringList &addresses)
{
    if (demo || (firstStart && addresses.isEmpty()))
        startDemo();
    if (!addresses.isEmpty())
        addAndFetch(addresses);
}

void MainWindow::startDemo()
{
    const QList<DemoServers::Entry> entries = m_demo->start();
    if (entries.isEmpty()) {
        PlainMessage::warn(this, tr("Demo"), tr("The demo servers could not be started."));
        return;
    }
    QList<int> rows;
    for (const DemoServers::Entry &entry : entries) {
        const int row = m_servers->addServer(entry.name, entry.address.toString(), true);
        if (row >= 0)
            rows.append(row);
    }
    statusBar()->showMessage(
            tr("Started %n demo server(s) on this computer.", "", int(rows.size())), 5000);
    // Added at the end of what may be a long list: bring them into sight.
    if (!rows.isEmpty())
        m_serverPanel->scrollToRow(rows.constLast(), rows.constFirst());
    fetchServerRows(rows, tr("Start Demo Servers"));
}

void MainWindow::addAndFetch(const QStringList &addresses)
{
    QList<int> rows;
    for (const QString &text : addresses) {
        const int row = m_servers->addServer({}, text);
        if (row >= 0)
            rows.append(row);
    }
    fetchServerRows(rows, tr("Fetch from the command line"));
}

void MainWindow::fetchServerRows(const QList<int> &rows, const QString &action)
{
    const FetchOptions options = optionsFor(action);
    int firstNewRow = -1;
    for (int row : rows) {
        const Server &server = m_servers->server(row);
        const auto address = Address::parse(server.address);
        if (!address)
            continue;
        const DownloadId id = m_downloads->fetch(server.name, *address, options);
        if (firstNewRow < 0)
            firstNewRow = m_downloads->rowOf(id);
    }
    // Something to watch at once: the first new download, unless the reader chose one.
    if (firstNewRow >= 0 && m_downloadsPanel->currentRow() < 0)
        m_downloadsPanel->showRow(firstNewRow);
}

FetchOptions MainWindow::optionsFor(const QString &action) const
{
    FetchOptions options = m_fetchSettings.options;
    options.action = action;
    return options;
}

void MainWindow::fetchSelected()
{
    fetchServerRows(m_serverPanel->selectedRows(), tr("Fetch"));
}

void MainWindow::fetchAll()
{
    QList<int> rows;
    for (int row = 0; row < m_servers->rowCount(); ++row)
        rows.append(row);
    fetchServerRows(rows, tr("Fetch All"));
}

void MainWindow::cancelSelected()
{
    for (int row : m_downloadsPanel->selectedRows())
        m_downloads->cancel(row);
}

void MainWindow::retrySelected()
{
    for (int row : m_downloadsPanel->selectedRows())
        m_downloads->retry(row, optionsFor(tr("Retry")));
}

void MainWindow::retryFailed()
{
    const FetchOptions options = optionsFor(tr("Retry All Failed"));
    for (int row = 0; row < m_downloads->rowCount(); ++row) {
        if (m_downloads->download(row).state() == RequestState::Failed)
            m_downloads->retry(row, options);
    }
}

void MainWindow::retryDownload(DownloadId id)
{
    m_downloads->retry(m_downloads->rowOf(id), optionsFor(tr("Retry")));
}

void MainWindow::savePoem()
{
    if (const QString done = m_downloadsPanel->saveCurrentPoem(); !done.isEmpty())
        statusBar()->showMessage(done, 5000);
}

void MainWindow::removeDownloads()
{
    QList<int> rows = m_downloadsPanel->selectedRows();
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows)
        m_downloads->removeRow(row);
}

void MainWindow::applyFetchSettings()
{
    m_fetcher->setMaxConcurrentConnections(m_fetchSettings.maxConnections);
    m_notifier->setEnabled(m_fetchSettings.notifyWhenDone);
    m_autoRetry->setPolicy(m_fetchSettings.retryPolicy());
    m_librarySession->library()->setLimits(m_fetchSettings.libraryLimits());
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(this);
    dialog.setSettings(m_fetchSettings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_fetchSettings = dialog.settings();
    applyFetchSettings();
    if (!m_settingsWriter->canWrite())
        return;
    QSettings settings;
    m_fetchSettings.save(settings);
    m_settingsWriter->commit(settings);
}

void MainWindow::about()
{
    AboutDialog(this).exec();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    event->acceptProposedAction();
    m_serverPanel->importDropped(event->mimeData());
}

void MainWindow::updateActions()
{
    m_actions->update(*m_serverPanel, *m_downloadsPanel);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasText() || mime->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::updateTitle()
{
    // Progress where a task bar shows it, while downloads run.
    if (m_batch->isRunning())
        setWindowTitle(tr("%1 of %2 — Poetry Reader").arg(m_batch->ended()).arg(m_batch->total()));
    else
        setWindowTitle(tr("Poetry Reader"));
}
