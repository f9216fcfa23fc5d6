#pragma once

#include <QElapsedTimer>
#include <QTimer>

// For the window's benchmarks: the longest lateness of a 1 ms precise timer on the calling
// thread's event loop since the last reset(), in milliseconds: how long the loop stalled.
class StallProbe
{
public:
    StallProbe();
    void reset();
    double max() const { return m_max; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    double m_max = 0;
};
