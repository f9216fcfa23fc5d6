#pragma once

#include "requesttrace.h"

#include <QColor>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

class QPalette;

// A request's timeline as the network panels draw it: the phases with their start and length,
// and every connection attempt with its outcome, read from a RequestTrace. One place, so that
// the Timing tab and the waterfall column agree on every bar.
namespace PhaseTimeline {

using Duration = std::chrono::nanoseconds;

enum class Phase { Queued, Resolving, Connecting, Waiting, Receiving };
inline constexpr int phaseCount = 5;

struct Span
{
    Phase phase = Phase::Queued;
    Duration start{0}; // since the request was made
    Duration length{0};
    bool running = false; // the phase has not ended yet: its length is up to now
};

struct Attempt
{
    enum class Outcome { Running, Connected, Failed, Abandoned };
    QString peer; // "host:port", as the trace names it
    Duration start{0};
    std::optional<Duration> end;
    Outcome outcome = Outcome::Running;
    QString text; // the trace's own words for how it ended (why it failed)
};

// The phases the request reached, in order. `now` is the request's elapsed time: phases of a
// request that has not ended last until then.
QList<Span> spans(const RequestTrace &trace, Duration now);
QList<Attempt> attempts(const RequestTrace &trace);

QString phaseName(Phase phase);
QString outcomeName(Attempt::Outcome outcome);
// A bar colour for the phase with at least 3:1 contrast against the palette's base (WCAG's
// figure for graphics), in light and dark palettes alike.
QColor color(Phase phase, const QPalette &palette);
// WCAG 2 contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);
// "12.3 ms", "1.234 s": finer than DisplayFormat::duration, as phases are short.
QString time(Duration duration);
qint64 toMs(Duration duration);

} // namespace PhaseTimeline
