#include "serverpanel.h"

#include "serverdelegate.h"
#include "serverlistmodel.h"
#include "windowactions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ServerPanel::ServerPanel(ServerListModel *servers, const WindowActions *actions, QWidget *parent)
    : QWidget(parent), m_servers(servers), m_view(new QTreeView(this)), m_proxy(nullptr)
{
    auto *title = new QLabel(tr("Servers"), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_view->setObjectName(u"serverView"_s);
    m_view->setAccessibleName(tr("Servers"));
    // Sorted by a click on a header; in the order of adding until then.
    m_proxy = new QSortFilterProxyModel(m_view);
    m_proxy->setSourceModel(m_servers);
    m_proxy->setSortRole(ServerListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *delegate = new ServerDelegate(m_view);
    m_view->setItemDelegate(delegate);
    connect(delegate, &ServerDelegate::addressProblem, this, &ServerPanel::addressProblem);
    QHeaderView *header = m_view->header();
    header->setSectionResizeMode(ServerListModel::NameColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    header->resizeSection(ServerListModel::AddressColumn,
                          fontMetrics().horizontalAdvance(u"127.0.0.1:65535"_s)
                                  + fontMetrics().averageCharWidth() * 3);
    header->resizeSection(ServerListModel::ResultColumn,
                          fontMetrics().horizontalAdvance(u'x') * 22);
    m_view->addAction(actions->removeServers);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ServerPanel::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ServerPanel::selectionChanged);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT rowActivated(m_proxy->mapToSource(index).row());
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this,
            [this, actions](const QPoint &position) {
                QMenu menu(this);
                actions->fillServerMenu(&menu);
                menu.exec(m_view->viewport()->mapToGlobal(position));
            });

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    for (QAction *action : {actions->addServer, actions->removeServers, actions->fetch}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setAccessibleName(action->text().remove(u'&').remove(u'…'));
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    // An empty list says what to do instead of showing a blank table.
    auto *empty = new QWidget(this);
    empty->setObjectName(u"emptyServerList"_s);
    auto *hint = new QLabel(tr("No servers yet. Add the address of a poetry server, or start "
                               "the demo servers that come with Poetry Reader."),
                            empty);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(hint);
    for (QAction *action : {actions->addServer, actions->startDemo}) {
        auto *button = new QToolButton(empty);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(action->text().remove(u'&').remove(u'…'));
        emptyLayout->addWidget(button, 0, Qt::AlignHCenter);
    }
    emptyLayout->addStretch(2);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_view);
    m_pages->addWidget(empty);
    const auto showPage = [this, empty] {
        m_pages->setCurrentWidget(m_servers->rowCount() > 0 ? static_cast<QWidget *>(m_view)
                                                            : empty);
    };
    connect(m_servers, &QAbstractItemModel::rowsInserted, this, showPage);
    connect(m_servers, &QAbstractItemModel::rowsRemoved, this, showPage);
    connect(m_servers, &QAbstractItemModel::modelReset, this, showPage);
    showPage();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);
}

QList<int> ServerPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && currentRow() >= 0)
        rows.append(currentRow());
    return rows;
}

int ServerPanel::currentRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void ServerPanel::setCurrentRow(int row)
{
    const QModelIndex index
            = m_proxy->mapFromSource(m_servers->index(row, ServerListModel::NameColumn));
    m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ServerPanel::scrollToRow(int last, int first)
{
    m_view->scrollTo(m_proxy->mapFromSource(m_servers->index(last, 0)));
    m_view->scrollTo(m_proxy->mapFromSource(m_servers->index(first, 0)));
}
