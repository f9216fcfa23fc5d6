#pragma once

#include "requeststate.h"

#include <QString>

#include <optional>

// One entry of the server list.
struct Server
{
    QString name;
    QString address;   // canonical form, Address::toString()
    bool demo = false; // served inside this process: its port changes every run, never saved
    std::optional<RequestState> lastState;
    QString lastResult; // "Done · 1.2 KiB", "ConnectionRefusedError", …
};
