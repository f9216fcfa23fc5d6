#pragma once

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

// Writes to a descriptor on a thread of its own, in the order given, so that a standard
// output nobody reads (`get-poetry --stream | slow-reader`) blocks that thread and not the
// event loop: every other request's limits keep running on time. (A write blocked in the loop
// made a 2 s deadline strike at 6 s.) The descriptor is left as it is: setting O_NONBLOCK would
// change it for every process that shares it.
class BackgroundWriter
{
public:
    explicit BackgroundWriter(int descriptor);
    // Waits for what is queued, as finish() does.
    ~BackgroundWriter();
    BackgroundWriter(const BackgroundWriter &) = delete;
    BackgroundWriter &operator=(const BackgroundWriter &) = delete;

    // Queues `bytes` (shared, not copied) and returns at once.
    void write(const QByteArray &bytes);
    // Waits until everything queued is written; false if a write failed (errno is that
    // write's). Nothing more may be queued afterwards.
    bool finish();

private:
    void run();

    int m_descriptor;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QByteArray> m_queue;
    bool m_finishing = false;
    bool m_failed = false;
    int m_error = 0;
    std::thread m_thread;
};
