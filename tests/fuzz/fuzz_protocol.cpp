// Protocol byte handling end to end: the fuzzer's bytes are served by an in-process
// PoetryServer on 127.0.0.1 and fetched by a PoetryFetcher on a local event loop. The poem must
// be exactly those bytes, or, when the first byte asks for a small size cap (1-64 bytes) and the
// bytes are longer, PoemTooLarge with exactly the first `cap` bytes kept. One outcome, always.

#include "fuzzsupport.h"
#include "poetryfetcher.h"
#include "poetryserver.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication *application = new QCoreApplication(*argc, *argv);
    Q_UNUSED(application);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // A first byte with the top bit set asks for a cap of 1-64 bytes.
    const qint64 cap = size > 0 && (data[0] & 0x80) ? 1 + (data[0] & 0x3F) : 0;
    // A first byte 0x60-0x7f and at most 32 bytes: send in chunks of 1 or 7 bytes (bit 4), 1 ms
    // apart, so that the bytes arrive in many reads.
    PoetryServer::Options serverOptions;
    serverOptions.poem = bytes;
    if (size > 0 && (data[0] & 0xE0) == 0x60 && size <= 32) {
        serverOptions.bytesPerChunk = (data[0] & 0x10) ? 1 : 7;
        serverOptions.delay = 1ms;
    }

    {
        PoetryServer server(serverOptions);
        Fuzz::check(server.listen(),
                    [&]() -> QString { return u"cannot listen: "_s + server.errorString(); });
        PoetryFetcher fetcher;
        FetchOptions options;
        options.connectTimeout = 10s;
        options.idleTimeout = 10s;
        if (cap > 0)
            options.maxPoemSize = cap;

        QEventLoop loop;
        std::optional<Poem> poem;
        std::optional<Failure> failure;
        int outcomes = 0;
        QObject::connect(&fetcher, &PoetryFetcher::poemReceived, &loop,
                         [&](PoemJob *, const Poem &p) {
                             poem = p;
                             ++outcomes;
                             loop.quit();
                         });
        QObject::connect(&fetcher, &PoetryFetcher::poemFailed, &loop,
                         [&](PoemJob *, const Failure &f) {
                             failure = f;
                             ++outcomes;
                             loop.quit();
                         });
        bool timedOut = false;
        QTimer::singleShot(30s, &loop, [&] {
            timedOut = true;
            loop.quit();
        });
        fetcher.fetch(server.address(), options);
        Fuzz::check(outcomes == 0,
                    [&]() -> QString { return u"an outcome came out of fetch() itself"_s; });
        loop.exec();
        Fuzz::check(!timedOut,
                    [&]() -> QString { return u"no outcome in 30 s for "_s + Fuzz::show(bytes); });
        Fuzz::check(outcomes == 1, [&]() -> QString { return u"%1 outcomes"_s.arg(outcomes); });

        if (cap > 0 && bytes.size() > cap) {
            Fuzz::check(failure && failure->kind() == Failure::Kind::PoemTooLarge,
                        [&]() -> QString {
                            return u"%1 bytes with a cap of %2: expected PoemTooLarge, got %3"_s
                                    .arg(bytes.size())
                                    .arg(cap)
                                    .arg(failure ? failure->traceback() : u"a poem"_s);
                        });
            Fuzz::check(failure->partialPoem().bytes() == bytes.left(cap), [&]() -> QString {
                return u"the partial poem is not the first %1 bytes: %2"_s.arg(cap).arg(
                        Fuzz::show(failure->partialPoem().bytes()));
            });
        } else {
            Fuzz::check(poem.has_value(), [&]() -> QString {
                return u"%1 bytes: expected the poem, got %2"_s.arg(bytes.size())
                        .arg(failure ? failure->traceback() : QString());
            });
            Fuzz::check(poem->bytes() == bytes, [&]() -> QString {
                return u"the poem (%1 bytes) differs from the %2 bytes served: %3"_s
                        .arg(poem->size())
                        .arg(bytes.size())
                        .arg(Fuzz::show(poem->bytes()));
            });
        }
    }
    // Sockets and protocols are deleted later: delete them now, so that nothing piles up.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
