#pragma once

#include "phasetimeline.h"

#include <QList>
#include <QMetaType>

// What the waterfall column shows of one download (DownloadModel::WaterfallRole): its phases,
// and where its request began on the shared axis (WaterfallAxis).
struct WaterfallRow
{
    PhaseTimeline::Duration offset{0}; // the request's start from the axis' origin
    QList<PhaseTimeline::Span> spans;
};
Q_DECLARE_METATYPE(WaterfallRow)
