#pragma once

#include "fetchoptions.h"
#include "poetryserver.h"

#include <memory>

// Poetry servers for tests, listening on a free port of 127.0.0.1.
namespace TestServers {

// Limits for tests against loopback servers: 5 s to connect and between bytes, no deadline.
FetchOptions quickOptions();

PoetryServer::Options options(const QByteArray &poem,
                              PoetryServer::Fault fault = PoetryServer::Fault::None,
                              qint64 faultBytes = 0);
// A server that sends `bytesPerChunk` bytes every `delay`: a slow server, to watch a job live.
PoetryServer::Options slowOptions(const QByteArray &poem, qint64 bytesPerChunk,
                                  std::chrono::milliseconds delay);
// Started, or the test program stops with the reason: no test can go on without its server.
std::unique_ptr<PoetryServer> start(const PoetryServer::Options &options);
std::unique_ptr<PoetryServer> start(const QByteArray &poem,
                                    PoetryServer::Fault fault = PoetryServer::Fault::None,
                                    qint64 faultBytes = 0);

} // namespace TestServers
