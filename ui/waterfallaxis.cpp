#include "waterfallaxis.h"

#include <algorithm>

WaterfallAxis::WaterfallAxis(QObject *parent) : QObject(parent) { }

void WaterfallAxis::include(Clock::time_point start, Clock::time_point end)
{
    end = std::max(start, end);
    if (!m_empty && start >= m_origin && end <= m_end)
        return;
    m_origin = m_empty ? start : std::min(m_origin, start);
    m_end = m_empty ? end : std::max(m_end, end);
    m_empty = false;
    Q_EMIT changed();
}

void WaterfallAxis::reset()
{
    if (m_empty)
        return;
    m_empty = true;
    m_origin = m_end = {};
    Q_EMIT changed();
}

std::chrono::nanoseconds WaterfallAxis::span() const
{
    return std::max(std::chrono::nanoseconds(1), m_end - m_origin);
}
