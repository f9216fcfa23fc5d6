#pragma once

#include <QObject>

#include <chrono>

// The one time axis of the waterfall column: from the earliest start of the rows shown to the
// latest end (now, while a row runs). The model widens it as rows start, run and end, so that
// painting a row reads two numbers here instead of scanning every row.
class WaterfallAxis : public QObject
{
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;

    explicit WaterfallAxis(QObject *parent = nullptr);

    // Widens the axis to take in [start, end]; changed() if it grew.
    void include(Clock::time_point start, Clock::time_point end);
    void reset();

    bool isEmpty() const { return m_empty; }
    Clock::time_point origin() const { return m_origin; }
    Clock::time_point end() const { return m_end; }
    // At least 1 ns, so that a position on it is always defined.
    std::chrono::nanoseconds span() const;

Q_SIGNALS:
    void changed();

private:
    Clock::time_point m_origin;
    Clock::time_point m_end;
    bool m_empty = true;
};
