#include "progressdelegate.h"

#include "downloadmodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace {

constexpr qint64 busyPeriodMs = 1600; // there and back

} // namespace

ProgressDelegate::ProgressDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    m_clock.start();
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    // The cell itself (selection, focus) as any other, without text: the bar carries it.
    QStyleOptionViewItem cell(option);
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const auto state = index.data(DownloadModel::StateRole).value<RequestState>();
    const qint64 received = index.data(DownloadModel::BytesReceivedRole).toLongLong();
    const qint64 expected = index.data(DownloadModel::ExpectedSizeRole).toLongLong();

    QStyleOptionProgressBar bar;
    bar.state = option.state & (QStyle::State_Enabled | QStyle::State_Active);
    bar.state |= QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    const int margin = qMax(1, option.rect.height() / 8);
    bar.rect = option.rect.adjusted(margin * 2, margin, -margin * 2, -margin);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.textAlignment = Qt::AlignCenter;
    bar.textVisible = true;

    switch (state) {
    case RequestState::Done:
        bar.progress = 100;
        bar.text = index.data(Qt::DisplayRole).toString();
        break;
    case RequestState::Failed:
    case RequestState::Cancelled:
        // An ended download has no bar; the state column says why.
        return;
    case RequestState::Queued:
        bar.progress = 0;
        bar.textVisible = false;
        break;
    default:
        if (expected > 0 && received > 0) {
            bar.progress = int(std::min<qint64>(99, received * 100 / expected));
            bar.text = index.data(Qt::DisplayRole).toString();
        } else {
            paintBusy(painter, bar, style, widget);
            return;
        }
        break;
    }
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(u'0') * 16));
    return size;
}

void ProgressDelegate::paintBusy(QPainter *painter, const QStyleOptionProgressBar &bar,
                                 QStyle *style, const QWidget *widget) const
{
    // Styles draw "busy" (minimum == maximum) as a static full bar when nothing animates it,
    // which reads as "complete". Instead: the style's groove, and the style's bar contents as a
    // short chunk going back and forth.
    style->drawControl(QStyle::CE_ProgressBarGroove, &bar, painter, widget);
    const int span = qMax(8, bar.rect.width() / 4);
    const double phase = double(m_clock.elapsed() % busyPeriodMs) / double(busyPeriodMs);
    const double position = phase < 0.5 ? phase * 2 : 2 - phase * 2;
    QStyleOptionProgressBar chunk(bar);
    chunk.rect = QRect(bar.rect.x() + int(position * (bar.rect.width() - span)), bar.rect.y(), span,
                       bar.rect.height());
    chunk.progress = chunk.maximum;
    chunk.textVisible = false;
    style->drawControl(QStyle::CE_ProgressBarContents, &chunk, painter, widget);
}
