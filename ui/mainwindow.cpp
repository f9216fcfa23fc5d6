#include "mainwindow.h"

#include "addserverdialog.h"
#include "demoservers.h"
#include "displayformat.h"
#include "downloadmodel.h"
#include "failurepane.h"
#include "noticebar.h"
#include "poempane.h"
#include "poetryfetcher.h"
#include "progressdelegate.h"
#include "scrolltonewrows.h"
#include "serverdelegate.h"
#include "serverlistio.h"
#include "serverlistmodel.h"
#include "settingsdialog.h"
#include "settingslock.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum DetailsPage { PlaceholderPage, PoemPage, FailurePage };

// QMessageBox::warning() reads its text as rich text when it looks like markup, and these texts
// carry file names and server text: a file called "<b>x</b>" must show as typed.
void warnPlain(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_fetcher(new PoetryFetcher(this)),
      m_servers(new ServerListModel(this)),
      m_downloads(new DownloadModel(m_fetcher, this)),
      m_downloadProxy(new QSortFilterProxyModel(this)),
      m_demo(new DemoServers(this))
{
    setWindowTitle(tr("Poetry Reader"));
    setAcceptDrops(true);
    m_downloadProxy->setSourceModel(m_downloads);
    m_downloadProxy->setSortRole(DownloadModel::SortRole);

    // Downloads: sortable, multi-selection, progress drawn by the delegate.
    m_downloadView = new QTreeView(this);
    m_downloadView->setObjectName(u"downloadView"_s);
    m_downloadView->setAccessibleName(tr("Downloads"));
    m_downloadView->setModel(m_downloadProxy);
    m_downloadView->setRootIsDecorated(false);
    m_downloadView->setUniformRowHeights(true); // a thousand rows, one height computed
    m_downloadView->setAllColumnsShowFocus(true);
    m_downloadView->setAlternatingRowColors(true);
    m_downloadView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_downloadView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_downloadView->setSortingEnabled(true);
    m_downloadView->sortByColumn(-1, Qt::AscendingOrder); // the order of fetching until asked
    m_downloadView->setItemDelegateForColumn(DownloadModel::ProgressColumn,
                                             new ProgressDelegate(m_downloadView));
    m_downloadView->setContextMenuPolicy(Qt::CustomContextMenu);
    new ScrollToNewRows(m_downloadView); // new downloads come into sight
    QHeaderView *header = m_downloadView->header();
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

    // Details: nothing selected, a poem, or a failure.
    m_placeholder = new QLabel(tr("Select a download to read its poem as it arrives."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setEnabled(false);
    m_poemPane = new PoemPane(this);
    m_failurePane = new FailurePane(this);
    m_details = new QStackedWidget(this);
    m_details->setObjectName(u"details"_s);
    m_details->insertWidget(PlaceholderPage, m_placeholder);
    m_details->insertWidget(PoemPage, m_poemPane);
    m_details->insertWidget(FailurePage, m_failurePane);

    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->addWidget(m_downloadView);
    m_centreSplitter->addWidget(m_details);
    m_centreSplitter->setStretchFactor(0, 2);
    m_centreSplitter->setStretchFactor(1, 3);
    m_centreSplitter->setChildrenCollapsible(false);

    createActions();
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(createServerPanel());
    m_mainSplitter->addWidget(m_centreSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setChildrenCollapsible(false);
    m_notice = new NoticeBar(this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);
    createMenus();

    m_counts = new QLabel(this);
    m_counts->setObjectName(u"counts"_s);
    m_counts->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_counts);

    connect(m_downloadView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentDownload);
    connect(m_downloadView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_downloadView, &QTreeView::customContextMenuRequested, this,
            &MainWindow::showDownloadContextMenu);
    connect(m_serverView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    // The keyboard can make a row current without selecting it; Fetch acts on it then.
    connect(m_serverView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateActions);
    connect(m_serverView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        fetchServerRows({m_serverProxy->mapToSource(index).row()}, tr("Fetch"));
    });
    connect(m_serverView, &QTreeView::customContextMenuRequested, this,
            &MainWindow::showServerContextMenu);

    connect(m_downloads, &DownloadModel::downloadFinished, this, &MainWindow::onDownloadFinished);
    connect(m_downloads, &DownloadModel::downloadRestarted, this, [this](DownloadId id) {
        if (id == m_shown)
            showCurrentDownload();
    });
    connect(m_downloads, &DownloadModel::dataChanged, this, &MainWindow::onDownloadsChanged);
    connect(m_downloads, &DownloadModel::rowsRemoved, this, [this] {
        if (m_shown != 0 && m_downloads->rowOf(m_shown) < 0)
            showCurrentDownload();
    });
    connect(m_downloads, &DownloadModel::serverResult, m_servers, &ServerListModel::setLastResult);
    connect(m_downloads, &DownloadModel::countsChanged, this, &MainWindow::updateStatusCounts);
    connect(m_downloads, &DownloadModel::countsChanged, this, &MainWindow::updateActions);
    connect(m_poemPane, &PoemPane::copyRequested, this, [this] {
        if (const int row = currentDownloadRow(); row >= 0)
            QApplication::clipboard()->setText(
                    QString::fromUtf8(m_downloads->download(row).bytes()));
    });
    connect(m_poemPane, &PoemPane::saveRequested, this, &MainWindow::savePoem);
    connect(m_failurePane, &FailurePane::retryRequested, this, &MainWindow::retryDownload);

    restoreSettings();
    // Saved at once: a crash or a kill must not lose a server the user just added.
    connect(m_servers, &ServerListModel::rowsInserted, this, &MainWindow::saveServers);
    connect(m_servers, &ServerListModel::rowsRemoved, this, &MainWindow::saveServers);
    connect(m_servers, &ServerListModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.column() <= ServerListModel::AddressColumn)
            saveServers();
    });
    updateStatusCounts();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Children are deleted after this destructor has run, while their signals still reach this
    // window's slots. So, in an order where nothing calls back into a half-destroyed window:
    // the views first (their selection models report to us as they go), then the downloads
    // model (it cancels what still runs), then its fetcher.
    delete m_mainSplitter;
    delete m_downloadProxy;
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

void MainWindow::createActions()
{
    const auto make
            = [this](const QIcon &icon, const QString &text, const QString &name, auto slot) {
                  auto *action = new QAction(icon, text, this);
                  action->setObjectName(name);
                  connect(action, &QAction::triggered, this, slot);
                  return action;
              };

    m_addServerAction = make(QIcon::fromTheme(u"list-add"_s), tr("&Add Server…"),
                             u"addServerAction"_s, &MainWindow::addServer);
    m_addServerAction->setShortcut(QKeySequence::New);
    m_addServerAction->setToolTip(tr("Add a poetry server to the list"));
    m_editServerAction = make(QIcon::fromTheme(u"document-edit"_s), tr("&Edit Server…"),
                              u"editServerAction"_s, &MainWindow::editServer);
    m_removeServerAction = make(QIcon::fromTheme(u"list-remove"_s), tr("&Remove Server"),
                                u"removeServerAction"_s, &MainWindow::removeServers);
    m_removeServerAction->setShortcut(QKeySequence::Delete);
    m_removeServerAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_importFileAction = make(QIcon::fromTheme(u"document-open"_s), tr("&Import Servers…"),
                              u"importFileAction"_s, &MainWindow::importFile);
    m_importFileAction->setShortcut(QKeySequence::Open);
    m_importClipboardAction
            = make(QIcon::fromTheme(u"edit-paste"_s), tr("Import Servers from &Clipboard"),
                   u"importClipboardAction"_s, &MainWindow::importClipboard);
    m_importClipboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_exportAction = make(QIcon::fromTheme(u"document-save-as"_s), tr("E&xport Servers…"),
                          u"exportServersAction"_s, &MainWindow::exportServers);
    m_demoAction = make(QIcon::fromTheme(u"media-playback-start"_s), tr("Start &Demo Servers"),
                        u"demoAction"_s, &MainWindow::startDemo);

    m_fetchAction = make(QIcon::fromTheme(u"go-down"_s), tr("&Fetch"), u"fetchAction"_s,
                         &MainWindow::fetchSelected);
    m_fetchAction->setShortcuts(
            {QKeySequence(QKeySequence::Refresh), QKeySequence(Qt::CTRL | Qt::Key_Return)});
    m_fetchAction->setToolTip(tr("Fetch a poem from each selected server"));
    m_fetchAllAction = make(QIcon::fromTheme(u"emblem-downloads"_s), tr("Fetch &All"),
                            u"fetchAllAction"_s, &MainWindow::fetchAll);
    m_fetchAllAction->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F5),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)});
    m_fetchAllAction->setToolTip(tr("Fetch a poem from every server in the list"));
    m_cancelAction = make(QIcon::fromTheme(u"process-stop"_s), tr("&Cancel"), u"cancelAction"_s,
                          &MainWindow::cancelSelected);
    m_cancelAction->setShortcut(QKeySequence::Cancel);
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setToolTip(tr("Cancel the selected downloads"));
    m_cancelAllAction = make(QIcon::fromTheme(u"process-stop"_s), tr("Cancel A&ll"),
                             u"cancelAllAction"_s, &MainWindow::cancelAll);
    m_cancelAllAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Escape));
    m_retryAction = make(QIcon::fromTheme(u"view-refresh"_s), tr("&Retry"), u"retryAction"_s,
                         &MainWindow::retrySelected);
    m_retryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retryAction->setToolTip(tr("Fetch the selected downloads again"));
    m_copyAction = make(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy Poem"), u"copyAction"_s,
                        &MainWindow::copyPoems);
    m_copyAction->setShortcut(QKeySequence::Copy);
    // Only in the downloads table: in a text view, Copy copies the selected text.
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_saveAction = make(QIcon::fromTheme(u"document-save-as"_s), tr("&Save Poem…"), u"saveAction"_s,
                        &MainWindow::savePoem);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_removeDownloadsAction = make(QIcon::fromTheme(u"edit-delete"_s), tr("Re&move"),
                                   u"removeDownloadsAction"_s, &MainWindow::removeDownloads);
    m_removeDownloadsAction->setShortcut(QKeySequence::Delete);
    m_removeDownloadsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_clearFinishedAction = make(QIcon::fromTheme(u"edit-clear-all"_s), tr("Clear &Finished"),
                                 u"clearFinishedAction"_s, &MainWindow::clearFinished);
    m_clearFinishedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_clearFinishedAction->setToolTip(tr("Remove the downloads that have ended"));

    m_zoomInAction = make(QIcon::fromTheme(u"zoom-in"_s), tr("Zoom &In"), u"zoomInAction"_s,
                          [this] { m_poemPane->zoomIn(); });
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    m_zoomOutAction = make(QIcon::fromTheme(u"zoom-out"_s), tr("Zoom &Out"), u"zoomOutAction"_s,
                           [this] { m_poemPane->zoomOut(); });
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);

    m_settingsAction = make(QIcon::fromTheme(u"preferences-system"_s), tr("&Settings…"),
                            u"settingsAction"_s, &MainWindow::editSettings);
    QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (preferences.isEmpty())
        preferences.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setShortcuts(preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_quitAction = make(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), u"quitAction"_s,
                        &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_aboutAction = make(QIcon::fromTheme(u"help-about"_s), tr("&About Poetry Reader"),
                         u"aboutAction"_s, &MainWindow::about);
    m_aboutAction->setMenuRole(QAction::AboutRole);

    // Shortcuts that mean different things in different places live on their widgets.
    m_downloadView->addActions({m_cancelAction, m_copyAction, m_removeDownloadsAction});
}

void MainWindow::createMenus()
{
    QMenu *serverMenu = menuBar()->addMenu(tr("&Servers"));
    serverMenu->addAction(m_addServerAction);
    serverMenu->addAction(m_editServerAction);
    serverMenu->addAction(m_removeServerAction);
    serverMenu->addSeparator();
    serverMenu->addAction(m_importFileAction);
    serverMenu->addAction(m_importClipboardAction);
    serverMenu->addAction(m_exportAction);
    serverMenu->addSeparator();
    serverMenu->addAction(m_demoAction);
    serverMenu->addSeparator();
    serverMenu->addAction(m_quitAction);

    QMenu *downloadMenu = menuBar()->addMenu(tr("&Downloads"));
    downloadMenu->addAction(m_fetchAction);
    downloadMenu->addAction(m_fetchAllAction);
    downloadMenu->addSeparator();
    downloadMenu->addAction(m_cancelAction);
    downloadMenu->addAction(m_cancelAllAction);
    downloadMenu->addAction(m_retryAction);
    downloadMenu->addSeparator();
    downloadMenu->addAction(m_copyAction);
    downloadMenu->addAction(m_saveAction);
    downloadMenu->addSeparator();
    downloadMenu->addAction(m_removeDownloadsAction);
    downloadMenu->addAction(m_clearFinishedAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_zoomInAction);
    viewMenu->addAction(m_zoomOutAction);

    QMenu *settingsMenu = menuBar()->addMenu(tr("S&ettings"));
    settingsMenu->addAction(m_settingsAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_addServerAction);
    toolBar->addSeparator();
    toolBar->addAction(m_fetchAction);
    toolBar->addAction(m_fetchAllAction);
    toolBar->addSeparator();
    toolBar->addAction(m_cancelAction);
    toolBar->addAction(m_retryAction);
    toolBar->addAction(m_clearFinishedAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_settingsAction);
}

QWidget *MainWindow::createServerPanel()
{
    auto *panel = new QWidget(this);
    auto *title = new QLabel(tr("Servers"), panel);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_serverView = new QTreeView(panel);
    m_serverView->setObjectName(u"serverView"_s);
    m_serverView->setAccessibleName(tr("Servers"));
    // Sorted by a click on a header; in the order of adding until then.
    m_serverProxy = new QSortFilterProxyModel(m_serverView);
    m_serverProxy->setSourceModel(m_servers);
    m_serverProxy->setSortRole(ServerListModel::SortRole);
    m_serverProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_serverView->setModel(m_serverProxy);
    m_serverView->setSortingEnabled(true);
    m_serverView->sortByColumn(-1, Qt::AscendingOrder);
    m_serverView->setRootIsDecorated(false);
    m_serverView->setUniformRowHeights(true);
    m_serverView->setAllColumnsShowFocus(true);
    m_serverView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_serverView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serverView->setEditTriggers(QAbstractItemView::EditKeyPressed
                                  | QAbstractItemView::SelectedClicked);
    m_serverView->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *serverDelegate = new ServerDelegate(m_serverView);
    m_serverView->setItemDelegate(serverDelegate);
    connect(serverDelegate, &ServerDelegate::addressProblem, this, [this](const QString &problem) {
        if (problem.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(problem);
    });
    m_serverView->header()->setSectionResizeMode(ServerListModel::NameColumn, QHeaderView::Stretch);
    m_serverView->header()->setStretchLastSection(false);
    m_serverView->header()->resizeSection(ServerListModel::AddressColumn,
                                          fontMetrics().horizontalAdvance(u"127.0.0.1:65535"_s)
                                                  + fontMetrics().averageCharWidth() * 3);
    m_serverView->header()->resizeSection(ServerListModel::ResultColumn,
                                          fontMetrics().horizontalAdvance(u'x') * 22);
    m_serverView->addAction(m_removeServerAction);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    for (QAction *action : {m_addServerAction, m_removeServerAction, m_fetchAction}) {
        auto *button = new QToolButton(panel);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setAccessibleName(action->text().remove(u'&').remove(u'…'));
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_serverView, 1);
    layout->addLayout(buttons);
    return panel;
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
    m_fetcher->setMaxConcurrentConnections(m_fetchSettings.maxConnections);
    m_servers->load(settings);
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1180, 760);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_mainSplitter->restoreState(settings.value(u"window/mainSplitter"_s).toByteArray());
    m_centreSplitter->restoreState(settings.value(u"window/centreSplitter"_s).toByteArray());
    if (m_mainSplitter->sizes().value(0) == 0 || !settings.contains(u"window/mainSplitter"_s))
        m_mainSplitter->setSizes({450, 830});
    if (!settings.contains(u"window/centreSplitter"_s))
        m_centreSplitter->setSizes({300, 400});
    m_downloadView->header()->restoreState(
            settings.value(u"window/downloadColumns"_s).toByteArray());
    m_serverView->header()->restoreState(settings.value(u"window/serverColumns"_s).toByteArray());
}

void MainWindow::saveServers() const
{
    if (!canWriteSettings())
        return;
    QSettings settings;
    m_servers->save(settings);
    commitSettings(settings);
}

void MainWindow::commitSettings(QSettings &settings) const
{
    // QSettings writes atomically (see SettingsFile), but a write that fails (a full disk, a
    // read-only folder) only shows in status(): say so, once, while the user can still act.
    settings.sync();
    if (settings.status() == QSettings::NoError)
        return;
    const QString message = tr("Settings could not be saved to “%1”: changes made now will be "
                               "lost when the program ends.")
                                    .arg(QDir::toNativeSeparators(settings.fileName()));
    if (!m_notice->isVisible() || m_notice->text() != message)
        m_notice->showMessage(message, NoticeBar::Type::Error);
}

bool MainWindow::canWriteSettings() const
{
    const QString fileName = SettingsFile::defaultFileName();
    const QString problem = SettingsLock::problem(fileName);
    if (problem.isEmpty())
        return true;
    const QString message = tr("Settings could not be saved to “%1”: %2. Changes made now will be "
                               "lost when the program ends.")
                                    .arg(QDir::toNativeSeparators(fileName), problem);
    if (!m_notice->isVisible() || m_notice->text() != message)
        m_notice->showMessage(message, NoticeBar::Type::Error);
    return false;
}

void MainWindow::saveWindowState() const
{
    if (!canWriteSettings())
        return;
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"window/centreSplitter"_s, m_centreSplitter->saveState());
    settings.setValue(u"window/downloadColumns"_s, m_downloadView->header()->saveState());
    settings.setValue(u"window/serverColumns"_s, m_serverView->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    saveServers();
    event->accept();
}

void MainWindow::startDemo()
{
    const QList<DemoServers::Entry> entries = m_demo->start();
    if (entries.isEmpty()) {
        warnPlain(this, tr("Demo"), tr("The demo servers could not be started."));
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

void MainWindow::importText(const QString &text)
{
    const int added = ServerListIo::importText(this, m_servers, text);
    statusBar()->showMessage(tr("Added %n server(s).", "", added), 5000);
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
    if (firstNewRow >= 0 && !m_downloadView->currentIndex().isValid())
        showDownloadRow(firstNewRow);
}

FetchOptions MainWindow::optionsFor(const QString &action) const
{
    FetchOptions options = m_fetchSettings.options;
    options.action = action;
    return options;
}

void MainWindow::fetchSelected()
{
    fetchServerRows(selectedServerRows(), tr("Fetch"));
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
    for (int row : selectedDownloadRows())
        m_downloads->cancel(row);
}

void MainWindow::cancelAll()
{
    m_downloads->cancelAll();
}

void MainWindow::retrySelected()
{
    for (int row : selectedDownloadRows())
        m_downloads->retry(row, optionsFor(tr("Retry")));
}

void MainWindow::retryDownload(DownloadId id)
{
    m_downloads->retry(m_downloads->rowOf(id), optionsFor(tr("Retry")));
}

void MainWindow::addServer()
{
    AddServerDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int row = m_servers->addServer(dialog.name(), dialog.address().toString());
    if (row >= 0)
        m_serverView->setCurrentIndex(
                m_serverProxy->mapFromSource(m_servers->index(row, ServerListModel::NameColumn)));
}

void MainWindow::editServer()
{
    const QModelIndex current = m_serverProxy->mapToSource(m_serverView->currentIndex());
    if (current.isValid() && m_servers->server(current.row()).demo) // only the name can change
        m_serverView->edit(m_serverView->currentIndex().siblingAtColumn(0));
    else if (current.isValid())
        statusBar()->showMessage(AddServerDialog::editServer(this, m_servers, current.row()), 5000);
}

void MainWindow::removeServers()
{
    // From the bottom, each run of adjacent rows at once: one removal (and one save) for a
    // whole selected list, not one per row.
    QList<int> rows = selectedServerRows();
    while (!rows.isEmpty()) {
        int first = rows.takeLast();
        int count = 1;
        for (; !rows.isEmpty() && rows.constLast() == first - 1; ++count)
            first = rows.takeLast();
        m_servers->removeRows(first, count);
    }
}

void MainWindow::importFile()
{
    if (const auto text = ServerListIo::chooseAndReadFile(this))
        importText(*text);
}

void MainWindow::exportServers()
{
    if (const QString done = ServerListIo::chooseAndWriteFile(this, *m_servers); !done.isEmpty())
        statusBar()->showMessage(done, 5000);
}

void MainWindow::importClipboard()
{
    importText(QApplication::clipboard()->text());
}

void MainWindow::copyPoems()
{
    QStringList poems;
    for (int row : selectedDownloadRows()) {
        const Download &download = m_downloads->download(row);
        if (!download.bytes().isEmpty())
            poems.append(QString::fromUtf8(download.bytes()));
    }
    if (!poems.isEmpty())
        QApplication::clipboard()->setText(poems.join(u"\n\n"_s));
}

void MainWindow::savePoem()
{
    const int row = currentDownloadRow();
    if (row < 0 || m_downloads->download(row).bytes().isEmpty())
        return;
    // The file dialog runs an event loop: downloads go on and rows may move or go. Keep the id,
    // not a reference into the model.
    const DownloadId id = m_downloads->download(row).id;
    QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString fileName = QFileDialog::getSaveFileName(
            this, tr("Save Poem"),
            QDir(directory).filePath(fileNameFor(m_downloads->download(row).serverName)),
            tr("Text files (*.txt);;All files (*)"));
    const int rowNow = m_downloads->rowOf(id);
    if (fileName.isEmpty() || rowNow < 0)
        return;
    // The poem's bytes exactly as the server sent them; QSaveFile never leaves half a file.
    const QByteArray bytes = m_downloads->download(rowNow).bytes();
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        warnPlain(this, tr("Save Poem"),
                  tr("The poem could not be saved to “%1”: %2")
                          .arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Saved “%1”.").arg(QDir::toNativeSeparators(fileName)), 5000);
}

void MainWindow::removeDownloads()
{
    QList<int> rows = selectedDownloadRows();
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows)
        m_downloads->removeRow(row);
}

void MainWindow::clearFinished()
{
    m_downloads->clearFinished();
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(this);
    dialog.setSettings(m_fetchSettings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_fetchSettings = dialog.settings();
    m_fetcher->setMaxConcurrentConnections(m_fetchSettings.maxConnections);
    if (!canWriteSettings())
        return;
    QSettings settings;
    m_fetchSettings.save(settings);
    commitSettings(settings);
}

void MainWindow::about()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Poetry Reader"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Poetry Reader %1").arg(QApplication::applicationVersion()));
    box.setInformativeText(tr("Fetches poems from poetry servers and shows every download: "
                              "its progress, its poem as it arrives and, when it fails, why."));
    box.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasText() || mime->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QString text;
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            if (const auto read
                = url.isLocalFile() ? ServerListIo::readFile(url.toLocalFile()) : std::nullopt)
                text += *read + u'\n';
        }
    } else {
        text = mime->text();
    }
    event->acceptProposedAction();
    if (!text.trimmed().isEmpty())
        importText(text);
}

QList<int> MainWindow::selectedServerRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_serverView->selectionModel()->selectedRows())
        rows.append(m_serverProxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && m_serverView->currentIndex().isValid())
        rows.append(m_serverProxy->mapToSource(m_serverView->currentIndex()).row());
    return rows;
}

QList<int> MainWindow::selectedDownloadRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_downloadView->selectionModel()->selectedRows())
        rows.append(m_downloadProxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

int MainWindow::currentDownloadRow() const
{
    const QModelIndex current = m_downloadProxy->mapToSource(m_downloadView->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void MainWindow::showDownloadRow(int row)
{
    const QModelIndex index = m_downloadProxy->mapFromSource(m_downloads->index(row, 0));
    m_downloadView->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_downloadView->scrollTo(index);
}

void MainWindow::showCurrentDownload()
{
    const int row = currentDownloadRow();
    if (row < 0) {
        m_shown = 0;
        m_poemPane->clear();
        m_failurePane->clear();
        m_details->setCurrentIndex(PlaceholderPage);
        updateActions();
        return;
    }
    const Download &download = m_downloads->download(row);
    m_shown = download.id;
    if (download.state() == RequestState::Failed || download.state() == RequestState::Cancelled) {
        m_poemPane->clear();
        m_failurePane->showDownload(download);
        m_details->setCurrentIndex(FailurePage);
    } else {
        m_failurePane->clear();
        m_poemPane->showDownload(download);
        m_details->setCurrentIndex(PoemPage);
    }
    updateActions();
}

void MainWindow::onDownloadFinished(DownloadId id)
{
    // Cancel, Retry, Copy and Save depend on how the selected downloads stand: at once, not
    // with the next coalesced update.
    updateActions();
    if (id != m_shown)
        return;
    const Download &download = m_downloads->download(m_downloads->rowOf(id));
    if (download.state() == RequestState::Done)
        m_poemPane->finishDownload(download);
    else
        showCurrentDownload();
}

void MainWindow::onDownloadsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // Copy and Save come on as soon as the selected download has its first bytes.
    updateActions();
    const int row = m_shown != 0 ? m_downloads->rowOf(m_shown) : -1;
    if (row >= topLeft.row() && row <= bottomRight.row() && m_details->currentIndex() == PoemPage)
        m_poemPane->updateHeader(m_downloads->download(row));
}

void MainWindow::updateActions()
{
    const bool hasServers = m_servers->rowCount() > 0;
    const bool serverSelected = !selectedServerRows().isEmpty();
    m_fetchAction->setEnabled(serverSelected);
    m_fetchAllAction->setEnabled(hasServers);
    m_removeServerAction->setEnabled(serverSelected);
    m_editServerAction->setEnabled(m_serverView->currentIndex().isValid());

    bool anyRunning = false;
    bool anyEnded = false;
    bool anyBytes = false;
    for (int row : selectedDownloadRows()) {
        const Download &download = m_downloads->download(row);
        anyRunning = anyRunning || !isFinal(download.state());
        anyEnded = anyEnded || isFinal(download.state());
        anyBytes = anyBytes || !download.bytes().isEmpty();
    }
    m_cancelAction->setEnabled(anyRunning);
    m_retryAction->setEnabled(anyEnded);
    m_copyAction->setEnabled(anyBytes);
    const int current = currentDownloadRow();
    m_saveAction->setEnabled(current >= 0 && !m_downloads->download(current).bytes().isEmpty());
    m_removeDownloadsAction->setEnabled(anyRunning || anyEnded);
    m_cancelAllAction->setEnabled(m_downloads->activeCount() > 0);
    m_clearFinishedAction->setEnabled(m_downloads->rowCount() > m_downloads->activeCount());
}

void MainWindow::updateStatusCounts()
{
    // Queued apart from active: 150 waiting for a slot are not 150 downloads under way.
    QString text;
    if (m_downloads->queuedCount() > 0)
        text += tr("%n queued", "", m_downloads->queuedCount()) + u"  ·  ";
    text += tr("%n active", "", m_downloads->runningCount()) + u"  ·  "
            + tr("%n done", "", m_downloads->doneCount()) + u"  ·  "
            + tr("%n failed", "", m_downloads->failedCount());
    if (m_downloads->cancelledCount() > 0)
        text += u"  ·  " + tr("%n cancelled", "", m_downloads->cancelledCount());
    m_counts->setText(text);
}

void MainWindow::showDownloadContextMenu(const QPoint &position)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_cancelAction);
    menu.addAction(m_retryAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    menu.addAction(m_saveAction);
    menu.addSeparator();
    menu.addAction(m_removeDownloadsAction);
    menu.addAction(m_clearFinishedAction);
    menu.exec(m_downloadView->viewport()->mapToGlobal(position));
}

void MainWindow::showServerContextMenu(const QPoint &position)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_fetchAction);
    menu.addSeparator();
    menu.addAction(m_addServerAction);
    menu.addAction(m_editServerAction);
    menu.addAction(m_removeServerAction);
    menu.exec(m_serverView->viewport()->mapToGlobal(position));
}
