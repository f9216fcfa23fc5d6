#pragma once

#include "waterfallrow.h"

#include <QPointer>
#include <QStyledItemDelegate>

#include <optional>

class QAbstractItemView;
class WaterfallAxis;

// Draws a download's phases (DownloadModel::WaterfallRole) as coloured bars on the one time
// axis of all rows, as the browsers' network panels draw their waterfall; hovering a bar names
// the phase and its duration. The axis is shared (the model's waterfallAxis()), so a paint
// reads two numbers, never the other rows. When the axis changes, every bar moves: the delegate
// repaints the view's viewport (the model does not signal each row for it).
class WaterfallDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `view` (the parent, if given) is repainted when the axis changes.
    explicit WaterfallDelegate(const WaterfallAxis *axis, QAbstractItemView *view = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where a span is drawn in a cell, and the span under a point of it.
    QRectF barRect(const QRect &cell, const WaterfallRow &row,
                   const PhaseTimeline::Span &span) const;
    std::optional<PhaseTimeline::Span> spanAt(const QRect &cell, const WaterfallRow &row,
                                              QPoint point) const;
    // "Waiting for first byte: 12.3 ms (at +1.2 ms)"
    static QString toolTip(const PhaseTimeline::Span &span);

private:
    QPointer<const WaterfallAxis> m_axis;
};
