// plain_read HOST PORT: the baseline client of the benchmark. Connects, read()s into a 1 MiB
// buffer until the server closes, and prints the number of bytes received. Nothing else: no
// event loop, no copies, no allocation while reading.

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: plain_read HOST PORT\n");
        return 2;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *addresses = nullptr;
    if (const int error = ::getaddrinfo(argv[1], argv[2], &hints, &addresses); error != 0) {
        std::fprintf(stderr, "plain_read: %s:%s: %s\n", argv[1], argv[2], ::gai_strerror(error));
        return 1;
    }
    int descriptor = -1;
    for (addrinfo *address = addresses; address; address = address->ai_next) {
        descriptor = ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC,
                              address->ai_protocol);
        if (descriptor < 0)
            continue;
        if (::connect(descriptor, address->ai_addr, address->ai_addrlen) == 0)
            break;
        ::close(descriptor);
        descriptor = -1;
    }
    ::freeaddrinfo(addresses);
    if (descriptor < 0) {
        std::fprintf(stderr, "plain_read: cannot connect to %s:%s: %s\n", argv[1], argv[2],
                     std::strerror(errno));
        return 1;
    }

    std::vector<char> buffer(1024 * 1024);
    long long total = 0;
    for (;;) {
        const ssize_t count = ::read(descriptor, buffer.data(), buffer.size());
        if (count > 0) {
            total += count;
        } else if (count == 0) {
            break;
        } else if (errno != EINTR) {
            std::fprintf(stderr, "plain_read: read: %s after %lld bytes\n", std::strerror(errno),
                         total);
            return 1;
        }
    }
    ::close(descriptor);
    std::printf("%lld\n", total);
    return 0;
}
