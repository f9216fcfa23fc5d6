#pragma once

#include "requesttrace.h"

#include <QList>
#include <QWidget>

#include <chrono>

// A small chart of a request's bytes over time, drawn from its chunks: a step line from the
// first byte to the last, on the request's own time axis. The trace keeps the first
// RequestTrace::maxChunksKept chunks; after them the line goes straight to the total.
class ByteChart : public QWidget
{
    Q_OBJECT

public:
    struct Point
    {
        std::chrono::nanoseconds elapsed;
        qint64 total = 0; // bytes received by then
    };

    explicit ByteChart(QWidget *parent = nullptr);

    // Reads the chunks of `trace`; `now` is where the axis ends for a request still running.
    void setTrace(const RequestTrace &trace, std::chrono::nanoseconds now);
    void clear();
    const QList<Point> &points() const { return m_points; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Point> m_points;
    std::chrono::nanoseconds m_end{0};
};
