#include "bytechart.h"

#include "displayformat.h"
#include "phasetimeline.h"

#include <QPainter>
#include <QPainterPath>

ByteChart::ByteChart(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Bytes over time"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ByteChart::setTrace(const RequestTrace &trace, std::chrono::nanoseconds now)
{
    m_points.clear();
    m_points.reserve(trace.chunks().size() + 1);
    qint64 total = 0;
    for (const RequestTrace::Chunk &chunk : trace.chunks()) {
        total += chunk.bytes;
        m_points.append({chunk.elapsed, total});
    }
    if (trace.chunkCount() > trace.chunks().size()) // the chunks the trace only counted
        m_points.append({*trace.lastChunkTime(), trace.chunkBytes()});
    const auto ended = trace.endTime();
    m_end = std::max(ended ? *ended : now, m_points.isEmpty() ? now : m_points.last().elapsed);
    setAccessibleDescription(m_points.isEmpty()
                                     ? tr("No bytes yet")
                                     : tr("%1 in %2")
                                               .arg(DisplayFormat::bytes(m_points.last().total),
                                                    PhaseTimeline::time(m_end)));
    update();
}

void ByteChart::clear()
{
    m_points.clear();
    m_end = {};
    setAccessibleDescription({});
    update();
}

QSize ByteChart::sizeHint() const
{
    return {240, fontMetrics().height() * 4};
}

void ByteChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    const QRectF area = QRectF(rect()).adjusted(3, 3, -3, -3);
    if (m_points.isEmpty() || m_end.count() <= 0 || m_points.last().total <= 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No bytes yet"));
        return;
    }
    const double span = double(m_end.count());
    const double top = double(m_points.last().total);
    const auto x = [&](std::chrono::nanoseconds t) {
        return area.left() + area.width() * double(t.count()) / span;
    };
    const auto y = [&](qint64 total) {
        return area.bottom() - area.height() * double(total) / top;
    };
    QPainterPath path({x(m_points.first().elapsed), area.bottom()});
    for (const Point &point : m_points) {
        path.lineTo(x(point.elapsed), path.currentPosition().y());
        path.lineTo(x(point.elapsed), y(point.total));
    }
    path.lineTo(area.right(), path.currentPosition().y());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(PhaseTimeline::color(PhaseTimeline::Phase::Receiving, pal), 1.5));
    painter.drawPath(path);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop,
                     DisplayFormat::bytes(m_points.last().total));
}
