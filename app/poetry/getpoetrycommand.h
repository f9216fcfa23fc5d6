#pragma once

#include "fetchoptions.h"

#include <QString>
#include <QStringList>

#include <chrono>

// "Copy as Command" (issue 13): the get-poetry command line that repeats a download, as the
// browsers' network panels copy a request as a curl command. It names the address and every
// limit that differs from get-poetry's default (a FetchOptions{}), quoted for a POSIX shell:
//
//     get-poetry --idle-timeout 2.5 --max-size 1000 'poems.example.org:10001'
//
// FetchOptions::action has no option: it only heads the window's tracebacks.
class GetPoetryCommand
{
public:
    // The names of get-poetry's options for the limits (its parser uses these too).
    static inline const QString connectTimeoutOption = QStringLiteral("connect-timeout");
    static inline const QString idleTimeoutOption = QStringLiteral("idle-timeout");
    static inline const QString deadlineOption = QStringLiteral("deadline");
    static inline const QString maxSizeOption = QStringLiteral("max-size");
    // The longest duration get-poetry accepts, in seconds; a longer limit is written as this.
    static constexpr double maxSeconds = 1e6;

    // The words after the program's name: options, then (after "--" if the address looks like
    // an option) the address.
    static QStringList arguments(const QString &address, const FetchOptions &options);
    // "get-poetry" and arguments(), each quoted for the shell, separated by spaces.
    static QString command(const QString &address, const FetchOptions &options);

    // A duration as get-poetry reads it back exactly: whole milliseconds in seconds ("2.5",
    // "0.001", "30"), none below 0 or above maxSeconds.
    static QString seconds(std::chrono::milliseconds span);
    // One word for a POSIX shell: as it is when made only of characters no shell treats
    // specially, otherwise in single quotes with each ' written as '\''.
    static QString shellQuoted(const QString &word);
};
