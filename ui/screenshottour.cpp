#include "screenshottour.h"

#include "bytesview.h"
#include "downloadmodel.h"
#include "downloadspanel.h"
#include "mainwindow.h"
#include "timingview.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QPixmap>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextStream>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(directory)
{ }

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_window->resize(1280, 800);
    m_window->startDemo();
    // Once some poems have arrived, fetch everything again: the servers that delivered before
    // now show a percentage instead of a busy bar.
    DownloadModel *model = m_window->downloadModel();
    when([model] { return model->doneCount() >= 6; }, 10'000,
         [this] {
             m_window->fetchAll();
             when([] { return false; }, 900, [this] { shootDownloads(); });
         });
}

void ScreenshotTour::when(std::function<bool()> condition, int timeoutMs,
                          std::function<void()> then)
{
    auto *timer = new QTimer(this);
    const QDeadlineTimer deadline(timeoutMs);
    connect(timer, &QTimer::timeout, this, [timer, deadline, condition, then] {
        if (!condition() && !deadline.hasExpired())
            return;
        timer->deleteLater();
        timer->stop();
        then();
    });
    timer->start(100);
}

bool ScreenshotTour::grab(const QString &name)
{
    const QString path = QDir(m_directory).filePath(name);
    const bool saved = m_window->grab().save(path);
    QTextStream(stdout) << (saved ? path : u"could not write "_s + path) << Qt::endl;
    m_ok = m_ok && saved;
    return saved;
}

int ScreenshotTour::findRow(const std::function<bool(int row)> &predicate) const
{
    const DownloadModel *model = m_window->downloadModel();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (predicate(row))
            return row;
    }
    return -1;
}

void ScreenshotTour::shootDownloads()
{
    const DownloadModel *model = m_window->downloadModel();
    // A poem part-way, with a percentage, shows the most at once: the one with most to come.
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        const Download &d = model->download(r);
        if (d.state() == RequestState::Receiving && d.expectedSize > 0 && d.bytesReceived() > 0
            && (row < 0
                || d.expectedSize - d.bytesReceived()
                        > model->download(row).expectedSize - model->download(row).bytesReceived()))
            row = r;
    }
    if (row < 0)
        row = findRow(
                [model](int r) { return model->download(r).state() == RequestState::Receiving; });
    if (row >= 0)
        m_window->downloadsPanel()->showRow(row);
    when([] { return false; }, 300,
         [this] {
             grab(u"downloads.png"_s);
             shootPoem();
         });
}

void ScreenshotTour::shootPoem()
{
    const DownloadModel *model = m_window->downloadModel();
    // The longest poem that has arrived whole.
    int best = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const Download &d = model->download(row);
        if (d.state() == RequestState::Done
            && (best < 0 || d.bytes().size() > model->download(best).bytes().size()))
            best = row;
    }
    if (best >= 0)
        m_window->downloadsPanel()->showRow(best);
    when([] { return false; }, 400,
         [this] {
             grab(u"poem.png"_s);
             shootFailure();
         });
}

void ScreenshotTour::shootFailure()
{
    const DownloadModel *model = m_window->downloadModel();
    const auto failedWith = [model](Failure::Kind kind) {
        return [model, kind](int r) {
            const Download &d = model->download(r);
            return d.state() == RequestState::Failed && d.failure() && d.failure()->kind() == kind;
        };
    };
    // A reset half-way has a traceback and a partial poem; wait for it a while.
    when([this, failedWith] { return findRow(failedWith(Failure::Kind::ConnectionLost)) >= 0; },
         30'000,
         [this, failedWith] {
             int row = findRow(failedWith(Failure::Kind::ConnectionLost));
             if (row < 0)
                 row = findRow(failedWith(Failure::Kind::ConnectionRefused));
             if (row >= 0)
                 m_window->downloadsPanel()->showRow(row);
             else
                 m_ok = false;
             when([] { return false; }, 400,
                  [this] {
                      grab(u"failure.png"_s);
                      shootPanel();
                  });
         });
}

void ScreenshotTour::shootPanel()
{
    DownloadsPanel *panel = m_window->downloadsPanel();
    const DownloadModel *model = m_window->downloadModel();
    const int row
            = findRow([model](int r) { return model->download(r).state() == RequestState::Done; });
    if (row >= 0)
        panel->showRow(row);
    panel->detailTabs()->setCurrentWidget(panel->timingView());
    when([] { return false; }, 400,
         [this, panel] {
             grab(u"timing.png"_s);
             panel->detailTabs()->setCurrentWidget(panel->bytesView());
             when([] { return false; }, 400,
                  [this, panel] {
                      grab(u"bytes.png"_s);
                      // The waterfall is the last column: scrolled into sight.
                      QTreeView *view = panel->view();
                      view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
                      panel->detailTabs()->setCurrentIndex(0);
                      when([] { return false; }, 400,
                           [this] {
                               grab(u"waterfall.png"_s);
                               m_window->tabs()->setCurrentIndex(1);
                               when([] { return false; }, 600,
                                    [this] {
                                        grab(u"library.png"_s);
                                        Q_EMIT finished(m_ok);
                                    });
                           });
                  });
         });
}
