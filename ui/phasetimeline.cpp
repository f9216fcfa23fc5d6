#include "phasetimeline.h"

#include "displayformat.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>

namespace PhaseTimeline {

using Event = RequestTrace::Event;

QList<Span> spans(const RequestTrace &trace, Duration now)
{
    const auto ended = trace.endTime();
    const Duration end = ended ? *ended : std::max(now, Duration(0));
    const auto resolving = trace.firstTime(Event::Resolving);
    const auto resolved = trace.firstTime(Event::Resolved);
    const auto attempt = trace.firstTime(Event::AttemptStarted);
    const auto connected = trace.firstTime(Event::Connected);
    const auto firstByte = trace.firstTime(Event::FirstByte);

    QList<Span> result;
    const auto add = [&](Phase phase, std::optional<Duration> from, std::optional<Duration> to) {
        if (!from)
            return;
        const Duration stop = to ? *to : end;
        result.append({phase, *from, std::max(Duration(0), stop - *from), !to && !ended});
    };
    // The same bounds as RequestTrace::phases(), with "until now" for a live request.
    add(Phase::Queued, Duration(0), resolving ? resolving : attempt);
    add(Phase::Resolving, resolving, resolved);
    add(Phase::Connecting, attempt, connected);
    add(Phase::Waiting, connected, firstByte);
    add(Phase::Receiving, firstByte, ended ? ended : std::nullopt);
    return result;
}

QList<Attempt> attempts(const RequestTrace &trace)
{
    QList<Attempt> result;
    const auto open = [&](const QString &peer) -> Attempt * {
        for (auto it = result.rbegin(); it != result.rend(); ++it) {
            if (it->peer == peer && it->outcome == Attempt::Outcome::Running)
                return &*it;
        }
        return nullptr;
    };
    const auto close = [](Attempt &attempt, Duration when, Attempt::Outcome outcome) {
        attempt.end = when;
        attempt.outcome = outcome;
    };
    for (const RequestTrace::Step &step : trace.steps()) {
        if (step.event == Event::AttemptStarted) {
            result.append({step.peer, step.elapsed, std::nullopt, Attempt::Outcome::Running, {}});
        } else if (step.event == Event::AttemptFailed) {
            if (Attempt *attempt = open(step.peer)) {
                close(*attempt, step.elapsed, Attempt::Outcome::Failed);
                attempt->text = step.text;
            }
        } else if (step.event == Event::Connected) {
            // The winner; happy eyeballs closes the others.
            for (Attempt &attempt : result) {
                if (attempt.outcome != Attempt::Outcome::Running)
                    continue;
                const bool won = attempt.peer == step.peer;
                close(attempt, step.elapsed,
                      won ? Attempt::Outcome::Connected : Attempt::Outcome::Abandoned);
                if (won)
                    attempt.text = step.text;
            }
        }
    }
    if (const auto ended = trace.endTime()) {
        // The request ended with attempts still going. Without a connection, the last
        // attempt's failure is the request's own (the connector reports it so): it failed.
        const bool connected = !trace.connectedAddress().isEmpty();
        for (Attempt &attempt : result) {
            if (attempt.outcome != Attempt::Outcome::Running)
                continue;
            close(attempt, *ended,
                  connected ? Attempt::Outcome::Abandoned : Attempt::Outcome::Failed);
            if (!connected && !trace.steps().isEmpty())
                attempt.text = trace.steps().constLast().text;
        }
    }
    return result;
}

QString phaseName(Phase phase)
{
    // The states' own names where a phase is a state, so that the table and the tab agree.
    switch (phase) {
    case Phase::Queued:
        return DisplayFormat::stateName(RequestState::Queued);
    case Phase::Resolving:
        return DisplayFormat::stateName(RequestState::Resolving);
    case Phase::Connecting:
        return DisplayFormat::stateName(RequestState::Connecting);
    case Phase::Waiting:
        return QApplication::translate("PhaseTimeline", "Waiting for first byte");
    case Phase::Receiving:
        return DisplayFormat::stateName(RequestState::Receiving);
    }
    return {};
}

QString outcomeName(Attempt::Outcome outcome)
{
    switch (outcome) {
    case Attempt::Outcome::Running:
        return QApplication::translate("PhaseTimeline", "Trying");
    case Attempt::Outcome::Connected:
        return QApplication::translate("PhaseTimeline", "Connected");
    case Attempt::Outcome::Failed:
        return QApplication::translate("PhaseTimeline", "Failed");
    case Attempt::Outcome::Abandoned:
        return QApplication::translate("PhaseTimeline", "Abandoned");
    }
    return {};
}

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
            + 0.0722 * channel(rgb.blueF());
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor color(Phase phase, const QPalette &palette)
{
    // Hues as the devtools use them: grey queue, teal lookup, orange connect, green wait,
    // blue download. Darkened on a light base, lightened on a dark one, until they stand out.
    static constexpr std::array<int, phaseCount> hues = {0, 180, 30, 120, 215};
    static constexpr std::array<int, phaseCount> saturations = {0, 200, 220, 180, 210};
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const auto index = size_t(phase);
    int lightness = dark ? 150 : 110;
    QColor result = QColor::fromHsl(hues[index], saturations[index], lightness);
    while (contrastRatio(result, base) < 3.2 && lightness > 0 && lightness < 255) {
        lightness += dark ? 8 : -8;
        lightness = std::clamp(lightness, 0, 255);
        result = QColor::fromHsl(hues[index], saturations[index], lightness);
    }
    return result;
}

QString time(Duration duration)
{
    const QLocale locale;
    const double ms = std::chrono::duration<double, std::milli>(duration).count();
    if (std::abs(ms) < 1000.0)
        return QApplication::translate("PhaseTimeline", "%1 ms").arg(locale.toString(ms, 'f', 1));
    return QApplication::translate("PhaseTimeline", "%1 s")
            .arg(locale.toString(ms / 1000.0, 'f', 3));
}

qint64 toMs(Duration duration)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

} // namespace PhaseTimeline
