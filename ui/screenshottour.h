#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class MainWindow;

// Drives the window through the demo and grabs it at three moments, for the documentation:
// downloads in progress, a poem, a failure's details. Started by poetry-reader's hidden
// --screenshots option; quits the application when done.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    // Polls `condition` every 100 ms; runs `then` once it holds, or after `timeoutMs` anyway.
    void when(std::function<bool()> condition, int timeoutMs, std::function<void()> then);
    bool grab(const QString &name);
    int findRow(const std::function<bool(int row)> &predicate) const;
    void shootDownloads();
    void shootPoem();
    void shootFailure();
    // The Timing and Bytes tabs of a poem, the waterfall column and the Library.
    void shootPanel();

    MainWindow *m_window;
    QString m_directory;
    bool m_ok = true;
};
