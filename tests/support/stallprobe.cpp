#include "stallprobe.h"

#include <algorithm>

StallProbe::StallProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        m_max = std::max(m_max, double(m_since.nsecsElapsed()) / 1e6 - 1.0);
        m_since.start();
    });
    m_since.start();
    m_timer.start();
}

void StallProbe::reset()
{
    m_max = 0;
    m_since.start();
}
