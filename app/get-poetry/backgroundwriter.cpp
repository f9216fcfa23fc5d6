#include "backgroundwriter.h"

#include <unistd.h>

#include <cerrno>

BackgroundWriter::BackgroundWriter(int descriptor)
    : m_descriptor(descriptor), m_thread([this] { run(); })
{ }

BackgroundWriter::~BackgroundWriter()
{
    finish();
}

void BackgroundWriter::write(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    const std::lock_guard lock(m_mutex);
    m_queue.push_back(bytes);
    m_wake.notify_one();
}

bool BackgroundWriter::finish()
{
    {
        const std::lock_guard lock(m_mutex);
        m_finishing = true;
        m_wake.notify_one();
    }
    if (m_thread.joinable())
        m_thread.join();
    if (m_failed)
        errno = m_error;
    return !m_failed;
}

void BackgroundWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return !m_queue.empty() || m_finishing; });
        if (m_queue.empty())
            return; // finishing, and all written
        const QByteArray bytes = std::move(m_queue.front());
        m_queue.pop_front();
        if (m_failed)
            continue; // the reader has gone: drop the rest, as a failed write would
        lock.unlock();
        qsizetype done = 0;
        int error = 0;
        while (done < bytes.size()) {
            const ssize_t written
                    = ::write(m_descriptor, bytes.constData() + done, size_t(bytes.size() - done));
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                error = errno;
                break;
            }
            done += written;
        }
        lock.lock();
        if (error != 0) {
            m_failed = true;
            m_error = error;
        }
    }
}
