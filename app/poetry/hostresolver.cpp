#include "hostresolver.h"

#include <QCoreApplication>

#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace {

// Lookups at once: enough that a slow name does not hold up the others, few enough that a
// thousand requests do not make a thousand threads.
constexpr int workerCount = 4;

bool isOutOfDescriptors(int error)
{
    return error == EMFILE || error == ENFILE;
}

// Whether the process can open one more descriptor right now.
bool descriptorFree()
{
    const int probe = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (probe >= 0) {
        ::close(probe);
        return true;
    }
    return !isOutOfDescriptors(errno);
}

HostResolver::Result resolve(const QByteArray &host)
{
    HostResolver::Result result;
    if (!descriptorFree()) {
        result.outOfDescriptors = true;
        result.errorText = QString::fromLocal8Bit(std::strerror(EMFILE));
        return result;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    const int error = ::getaddrinfo(host.constData(), nullptr, &hints, &list);
    const int systemError = errno;
    if (error != 0) {
        // glibc reports a lookup that could not open /etc/hosts or a socket as "not found"
        // as often as EAI_SYSTEM: ask the process itself whether descriptors ran out.
        result.outOfDescriptors
                = (error == EAI_SYSTEM && isOutOfDescriptors(systemError)) || !descriptorFree();
        result.errorText = error == EAI_SYSTEM ? QString::fromLocal8Bit(std::strerror(systemError))
                                               : QString::fromLocal8Bit(::gai_strerror(error));
        return result;
    }
    for (const addrinfo *entry = list; entry; entry = entry->ai_next) {
        QHostAddress address(entry->ai_addr);
        if (!address.isNull() && !result.addresses.contains(address))
            result.addresses.append(address);
    }
    ::freeaddrinfo(list);
    if (result.addresses.isEmpty())
        result.errorText = QString::fromLocal8Bit(::gai_strerror(EAI_NONAME));
    return result;
}

} // namespace

// What the worker threads share with the resolver. Threads are detached (a lookup may take
// seconds, and must not hold up the program's exit): they keep this alive, and stop posting
// once the resolver has gone.
struct HostResolver::Shared
{
    std::mutex mutex;
    std::condition_variable wake;
    std::condition_variable stopped; // a worker has ended
    std::deque<QString> queue;
    HostResolver *resolver = nullptr;
    int threads = 0;
};

HostResolver &HostResolver::instance()
{
    static HostResolver resolver;
    return resolver;
}

HostResolver::HostResolver() : m_shared(std::make_shared<Shared>())
{
    m_shared->resolver = this;
}

HostResolver::~HostResolver()
{
    std::unique_lock lock(m_shared->mutex);
    m_shared->resolver = nullptr;
    m_shared->queue.clear();
    m_shared->wake.notify_all();
    // Idle workers end at once and take their thread's resolver state with them; one still
    // inside a slow lookup is not waited for beyond a moment: it must not hold up the exit.
    m_shared->stopped.wait_for(lock, std::chrono::milliseconds(500),
                               [this] { return m_shared->threads == 0; });
}

int HostResolver::lookup(const QString &host, QObject *receiver, Callback callback)
{
    const int id = ++m_lastId;
    m_waiters.insert(id, {host, receiver, std::move(callback)});
    QList<int> &waiting = m_waitersOfHost[host];
    waiting.append(id);
    if (const auto pinned = m_pinned.constFind(host); pinned != m_pinned.cend()) {
        Result result;
        result.addresses = *pinned;
        QMetaObject::invokeMethod(
                this, [this, host, result] { deliver(host, result); }, Qt::QueuedConnection);
        return id;
    }
    if (waiting.size() > 1)
        return id; // a lookup of this name is on its way

    const std::lock_guard lock(m_shared->mutex);
    m_shared->queue.push_back(host);
    if (m_shared->threads < workerCount && m_shared->queue.size() > 0) {
        ++m_shared->threads;
        std::thread([shared = m_shared] {
            std::unique_lock held(shared->mutex);
            while (shared->resolver) {
                if (shared->queue.empty()) {
                    shared->wake.wait(held);
                    continue;
                }
                const QString name = shared->queue.front();
                shared->queue.pop_front();
                held.unlock();
                const Result result = resolve(name.toUtf8());
                held.lock();
                if (HostResolver *resolver = shared->resolver) {
                    QMetaObject::invokeMethod(
                            resolver, [resolver, name, result] { resolver->deliver(name, result); },
                            Qt::QueuedConnection);
                }
            }
            --shared->threads;
            shared->stopped.notify_all();
        }).detach();
    } else {
        m_shared->wake.notify_one();
    }
    return id;
}

void HostResolver::abort(int id)
{
    const auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    m_waitersOfHost[it->host].removeOne(id);
    // The lookup itself runs on: its answer finds no one waiting.
    m_waiters.erase(it);
}

void HostResolver::pin(const QString &host, const QList<QHostAddress> &addresses)
{
    m_pinned.insert(host, addresses);
}

void HostResolver::unpin(const QString &host)
{
    m_pinned.remove(host);
}

void HostResolver::deliver(const QString &host, const Result &result)
{
    const QList<int> ids = m_waitersOfHost.take(host);
    for (int id : ids) {
        const auto it = m_waiters.find(id);
        if (it == m_waiters.end())
            continue;
        const Waiter waiter = *it;
        m_waiters.erase(it);
        if (waiter.receiver)
            waiter.callback(result);
    }
}
