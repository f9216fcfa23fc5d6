#pragma once

#include "fetchoptions.h"

class QSettings;

// The settings dialog's values: the limits applied to every new request, remembered in
// QSettings under "fetch/".
class FetchSettings
{
public:
    static constexpr int defaultMaxConnections = 100;

    FetchOptions options;
    int maxConnections = defaultMaxConnections;

    static FetchSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const FetchSettings &, const FetchSettings &) = default;
};
