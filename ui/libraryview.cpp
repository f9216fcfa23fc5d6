#include "libraryview.h"

#include "displayformat.h"
#include "librarymodel.h"
#include "poemlibrary.h"
#include "poemview.h"

#include <QAction>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

LibraryView::LibraryView(PoemLibrary *library, QWidget *parent)
    : QWidget(parent),
      m_library(library),
      m_model(new LibraryModel(library, this)),
      m_search(new QLineEdit(this)),
      m_status(new QLabel(this)),
      m_table(new QTableView(this)),
      m_text(new PoemView(this))
{
    m_search->setPlaceholderText(tr("Search the poems"));
    m_search->setAccessibleName(tr("Search the library"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_model, &LibraryModel::setSearchText);

    m_favourite = new QAction(tr("Favourite"), this);
    m_favourite->setCheckable(true);
    m_favourite->setToolTip(tr("Mark the selected poems as favourites: they are never pruned"));
    connect(m_favourite, &QAction::triggered, this, &LibraryView::toggleFavourite);
    m_read = new QAction(tr("Read"), this);
    m_read->setCheckable(true);
    m_read->setToolTip(tr("Mark the selected poems as read or unread"));
    connect(m_read, &QAction::triggered, this, &LibraryView::toggleRead);
    m_remove = new QAction(tr("Remove"), this);
    m_remove->setToolTip(tr("Remove the selected poems from the library"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_remove, &QAction::triggered, this, &LibraryView::removeSelected);
    m_clearHistory = new QAction(tr("Clear History…"), this);
    m_clearHistory->setToolTip(tr("Forget every download; the poems stay"));
    connect(m_clearHistory, &QAction::triggered, this, &LibraryView::confirmClearHistory);

    auto *tools = new QToolBar(this);
    tools->setAccessibleName(tr("Library actions"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *action : {m_favourite, m_read, m_remove})
        tools->addAction(action);
    tools->addSeparator();
    tools->addAction(m_clearHistory);
    addAction(m_remove); // the shortcut works from the table and the text

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Poems in the library"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(LibraryModel::TitleColumn,
                                                      QHeaderView::Stretch);
    for (int column : {LibraryModel::ReadColumn, LibraryModel::FavouriteColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LibraryView::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryView::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LibraryView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_openId != 0 && m_model->rowOf(m_openId) < 0 && m_model->isUpToDate()) {
            m_openId = 0;
            m_text->clearText();
        }
        updateActions();
    });
    connect(m_model, &LibraryModel::refreshed, this, &LibraryView::updateStatus);

    m_text->setAccessibleName(tr("Poem text"));
    m_text->setPlaceholderText(tr("Select a poem to read it."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(tools);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_search);
    m_search->installEventFilter(this);
    updateActions(); // the status line waits for the first list: no "No poems yet" flash
}

bool LibraryView::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search field goes to the poems found, as in a browser's address bar.
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_table->setFocus(Qt::TabFocusReason);
        if (!m_table->selectionModel()->currentIndex().isValid())
            selectPoem(m_model->poem(0).id);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool LibraryView::selectPoem(qint64 poemId)
{
    const int row = m_model->rowOf(poemId);
    if (row < 0)
        return false;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect
                                                       | QItemSelectionModel::Rows);
    return true;
}

QList<qint64> LibraryView::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(m_model->poem(index.row()).id);
    return ids;
}

void LibraryView::openCurrent()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? m_model->poem(current.row()).id : 0;
    if (id == m_openId)
        return;
    m_openId = id;
    m_text->clearText();
    if (id == 0)
        return;
    // Only the poem last asked for is shown: a watcher per poem, its result checked.
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        if (id == m_openId && watcher->future().isResultReadyAt(0))
            showPoem(id, watcher->result());
    });
    watcher->setFuture(m_library->poem(id));
}

void LibraryView::showPoem(qint64 poemId, const QByteArray &bytes)
{
    m_text->clearText();
    m_text->appendText(DisplayFormat::displayText(QString::fromUtf8(bytes)), false);
    const int row = m_model->rowOf(poemId);
    if (row >= 0 && !m_model->poem(row).read)
        m_model->setRead({poemId}, true);
    Q_EMIT poemOpened(poemId);
}

void LibraryView::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const bool any = !rows.isEmpty();
    for (QAction *action : {m_favourite, m_read, m_remove})
        action->setEnabled(any);
    // The marks of the current poem (of the first selected one when the current is not).
    QModelIndex shown = m_table->selectionModel()->currentIndex();
    if (!shown.isValid() || !m_table->selectionModel()->isRowSelected(shown.row()))
        shown = any ? rows.first() : QModelIndex();
    m_favourite->setChecked(shown.isValid() && m_model->poem(shown.row()).favourite);
    m_read->setChecked(shown.isValid() && m_model->poem(shown.row()).read);
}

void LibraryView::updateStatus()
{
    const int count = m_model->rowCount();
    if (count == 0 && m_model->searchText().trimmed().isEmpty())
        m_status->setText(tr("No poems yet: every poem received is kept here."));
    else if (count == 0)
        m_status->setText(tr("No poem contains “%1”.").arg(m_model->searchText().trimmed()));
    else if (count >= LibraryModel::limitFor(m_model->searchText()))
        m_status->setText(tr("The first %n poems", nullptr, count));
    else
        m_status->setText(tr("%n poem(s)", nullptr, count));
    m_status->setAccessibleName(m_status->text());
}

void LibraryView::toggleFavourite(bool favourite)
{
    m_model->setFavourite(selectedIds(), favourite);
}

void LibraryView::toggleRead(bool read)
{
    m_model->setRead(selectedIds(), read);
}

void LibraryView::removeSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (ids.contains(m_openId)) {
        m_openId = 0;
        m_text->clearText();
    }
    m_model->remove(ids);
}

void LibraryView::confirmClearHistory()
{
    QMessageBox box(QMessageBox::Question, tr("Clear History"),
                    tr("Forget every download: the history, the servers’ last results and the "
                       "last session’s downloads?"),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("The poems in the library stay."));
    QPushButton *clear = box.addButton(tr("Clear History"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != clear)
        return;
    m_library->clearHistory();
    Q_EMIT historyCleared();
}
