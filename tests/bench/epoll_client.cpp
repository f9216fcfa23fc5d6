// epoll_client: the physical-limit baseline for many streams. Plain C++ and Linux, no Qt.
//
// Connects to every address given (nonblocking, at most --max-connections at once, the next
// one starting when one ends), reads each stream into a buffer of its own until the server
// closes, and prints the total number of bytes. No timeouts, no decoding, no output of the
// poems: the least any client has to do to hold every poem in memory.
//
// Usage: epoll_client [--max-connections N] HOST:PORT...   (IPv4 addresses only)
// Exit status: 0 if every stream ended cleanly, 1 if any connection failed, 2 for usage errors.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Stream
{
    int fd = -1;
    std::string bytes; // the poem, as it arrives
};

[[noreturn]] void usage(const char *message)
{
    std::fprintf(stderr,
                 "epoll_client: %s\nusage: epoll_client [--max-connections N] HOST:PORT...\n",
                 message);
    std::exit(2);
}

bool parseAddress(const char *text, sockaddr_in *address)
{
    const std::string value = text;
    const size_t colon = value.rfind(':');
    if (colon == std::string::npos)
        return false;
    const std::string host = value.substr(0, colon);
    char *end = nullptr;
    const long port = std::strtol(value.c_str() + colon + 1, &end, 10);
    if (*end != '\0' || port <= 0 || port > 65535)
        return false;
    *address = {};
    address->sin_family = AF_INET;
    address->sin_port = htons(uint16_t(port));
    return ::inet_pton(AF_INET, host.c_str(), &address->sin_addr) == 1;
}

} // namespace

int main(int argc, char *argv[])
{
    size_t maxConnections = 1000;
    std::vector<sockaddr_in> addresses;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--max-connections") == 0) {
            if (i + 1 >= argc)
                usage("missing value for --max-connections");
            maxConnections = size_t(std::max(1L, std::strtol(argv[++i], nullptr, 10)));
            continue;
        }
        sockaddr_in address{};
        if (!parseAddress(argv[i], &address))
            usage((std::string("not an IPv4 HOST:PORT: ") + argv[i]).c_str());
        addresses.push_back(address);
    }
    if (addresses.empty())
        usage("no address given");

    const int poller = ::epoll_create1(EPOLL_CLOEXEC);
    if (poller < 0) {
        std::perror("epoll_client: epoll_create1");
        return 1;
    }
    std::vector<Stream> streams(addresses.size());
    size_t next = 0, open = 0, done = 0, failed = 0;

    auto startNext = [&] {
        while (next < addresses.size() && open < maxConnections) {
            const size_t index = next++;
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                std::fprintf(stderr, "epoll_client: socket: %s\n", std::strerror(errno));
                ++failed, ++done;
                continue;
            }
            const sockaddr_in &address = addresses[index];
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
                && errno != EINPROGRESS) {
                std::fprintf(stderr, "epoll_client: connect: %s\n", std::strerror(errno));
                ::close(fd);
                ++failed, ++done;
                continue;
            }
            epoll_event event{};
            event.events = EPOLLIN | EPOLLRDHUP;
            event.data.u64 = index;
            ::epoll_ctl(poller, EPOLL_CTL_ADD, fd, &event);
            streams[index].fd = fd;
            ++open;
        }
    };

    startNext();
    std::vector<epoll_event> events(1024);
    char buffer[64 * 1024];
    while (done < addresses.size()) {
        const int count = ::epoll_wait(poller, events.data(), int(events.size()), -1);
        if (count < 0) {
            if (errno == EINTR)
                continue;
            std::perror("epoll_client: epoll_wait");
            return 1;
        }
        for (int e = 0; e < count; ++e) {
            Stream &stream = streams[events[size_t(e)].data.u64];
            for (;;) {
                const ssize_t got = ::read(stream.fd, buffer, sizeof buffer);
                if (got > 0) {
                    stream.bytes.append(buffer, size_t(got));
                    continue;
                }
                if (got < 0 && errno == EINTR)
                    continue;
                if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    break;
                if (got < 0) {
                    std::fprintf(stderr, "epoll_client: read: %s\n", std::strerror(errno));
                    ++failed;
                }
                ::close(stream.fd); // also removes it from the epoll set
                stream.fd = -1;
                --open;
                ++done;
                break;
            }
        }
        startNext();
    }

    unsigned long long total = 0;
    for (const Stream &stream : streams)
        total += stream.bytes.size();
    std::printf("%llu\n", total);
    return failed ? 1 : 0;
}
