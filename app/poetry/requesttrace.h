#pragma once

#include <QList>
#include <QString>

#include <chrono>
#include <source_location>

// Where a request was made and the timestamped steps it went through: the body of a
// Failure's traceback, and the timeline of a Poem.
class RequestTrace
{
public:
    using Clock = std::chrono::steady_clock;

    struct Step
    {
        std::chrono::nanoseconds elapsed; // since the request was made
        QString text;
    };

    RequestTrace() = default;
    RequestTrace(quint64 requestId, std::source_location origin);

    void addStep(const QString &text);

    quint64 requestId() const { return m_requestId; }
    std::source_location origin() const { return m_origin; }
    Clock::time_point startTime() const { return m_start; }
    std::chrono::nanoseconds elapsed() const { return Clock::now() - m_start; }
    const QList<Step> &steps() const { return m_steps; }

    // "request #3 made at ui/mainwindow.cpp:120 in MainWindow::fetchSelected"
    QString originLine() const;
    // One line per step: "+0.001 s  connecting to 127.0.0.1:10004"
    QStringList stepLines() const;

    // "ui/mainwindow.cpp" from whatever path the compiler recorded.
    static QString sourceFileName(const char *path);
    // "MainWindow::fetchSelected" from "void MainWindow::fetchSelected()".
    static QString functionName(const char *signature);

private:
    quint64 m_requestId = 0;
    std::source_location m_origin;
    Clock::time_point m_start = Clock::now();
    QList<Step> m_steps;
};
