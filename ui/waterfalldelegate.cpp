#include "waterfalldelegate.h"

#include "downloadmodel.h"
#include "waterfallaxis.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace PhaseTimeline;

namespace {

constexpr int padding = 3; // pixels kept free at both ends of the cell

} // namespace

WaterfallDelegate::WaterfallDelegate(const WaterfallAxis *axis, QAbstractItemView *view)
    : QStyledItemDelegate(view), m_axis(axis)
{
    if (axis && view) {
        // Coalesced by Qt with the repaints of the running rows' updates.
        connect(axis, &WaterfallAxis::changed, view->viewport(), qOverload<>(&QWidget::update));
    }
}

QRectF WaterfallDelegate::barRect(const QRect &cell, const WaterfallRow &row,
                                  const Span &span) const
{
    if (!m_axis || m_axis->isEmpty())
        return {};
    const double width = std::max(1, cell.width() - 2 * padding);
    const double scale = width / double(m_axis->span().count());
    const double left = cell.left() + padding + double((row.offset + span.start).count()) * scale;
    // At least a pixel, so that a phase of a few microseconds is still there to hover.
    const double length = std::max(1.0, double(span.length.count()) * scale);
    const double height = std::max(4.0, cell.height() * 0.5);
    return {left, cell.top() + (cell.height() - height) / 2.0, length, height};
}

std::optional<Span> WaterfallDelegate::spanAt(const QRect &cell, const WaterfallRow &row,
                                              QPoint point) const
{
    // The last bar that takes the point in: a later phase drawn over a 1-pixel earlier one.
    for (auto it = row.spans.crbegin(); it != row.spans.crend(); ++it) {
        const QRectF bar = barRect(cell, row, *it);
        if (point.x() >= bar.left() - 0.5 && point.x() <= bar.right() + 0.5)
            return *it;
    }
    return std::nullopt;
}

QString WaterfallDelegate::toolTip(const Span &span)
{
    const QString length
            = span.running ? tr("%1 so far").arg(time(span.length)) : time(span.length);
    return tr("%1: %2 (at +%3)").arg(phaseName(span.phase), length, time(span.start));
}

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    // The cell's background and selection as the style draws them, without text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const auto row = index.data(DownloadModel::WaterfallRole).value<WaterfallRow>();
    // The colours stand out from the base; on a selected row an outline in the selection's
    // text colour keeps them apart from the highlight too.
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(option.palette.color(QPalette::HighlightedText));
    for (const Span &span : row.spans) {
        const QRectF bar = barRect(option.rect, row, span);
        painter->fillRect(bar, color(span.phase, option.palette));
        if (selected)
            painter->drawRect(bar.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.averageCharWidth() * 30));
    return size;
}

bool WaterfallDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const auto row = index.data(DownloadModel::WaterfallRole).value<WaterfallRow>();
    if (const auto span = spanAt(option.rect, row, event->pos())) {
        QToolTip::showText(event->globalPos(), toolTip(*span), view->viewport(),
                           barRect(option.rect, row, *span).toAlignedRect());
    } else {
        QToolTip::hideText();
    }
    return true;
}
