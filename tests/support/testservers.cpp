#include "testservers.h"

namespace TestServers {

FetchOptions quickOptions()
{
    FetchOptions options;
    options.connectTimeout = std::chrono::seconds(5);
    options.idleTimeout = std::chrono::seconds(5);
    return options;
}

PoetryServer::Options options(const QByteArray &poem, PoetryServer::Fault fault, qint64 faultBytes)
{
    PoetryServer::Options options;
    options.poem = poem;
    options.fault = fault;
    options.faultBytes = faultBytes;
    return options;
}

PoetryServer::Options slowOptions(const QByteArray &poem, qint64 bytesPerChunk,
                                  std::chrono::milliseconds delay)
{
    PoetryServer::Options slow = options(poem);
    slow.bytesPerChunk = bytesPerChunk;
    slow.delay = delay;
    return slow;
}

std::unique_ptr<PoetryServer> start(const PoetryServer::Options &options)
{
    auto server = std::make_unique<PoetryServer>(options);
    if (!server->listen())
        qFatal("cannot listen on 127.0.0.1: %s", qPrintable(server->errorString()));
    return server;
}

std::unique_ptr<PoetryServer> start(const QByteArray &poem, PoetryServer::Fault fault,
                                    qint64 faultBytes)
{
    return start(options(poem, fault, faultBytes));
}

} // namespace TestServers
