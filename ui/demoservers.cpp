#include "demoservers.h"

#include "poetryserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Used only when no poem is bundled, so that the demo always works.
constexpr char fallbackPoem[] = "The Listening Port\n"
                                "\n"
                                "A port stands open on the evening shore,\n"
                                "and one by one the little verses come,\n"
                                "a byte, a pause, a byte — and then some more,\n"
                                "until the line goes quiet and is done.\n"
                                "\n"
                                "Not every harbour answers when you call:\n"
                                "one turns you back, one listens and is mute,\n"
                                "one sings you half a song, then lets it fall.\n"
                                "Still, read what came. The rest was never moot.\n";

struct Speed
{
    const char *name; // translated where it is used
    qint64 bytesPerChunk;
    milliseconds delay;
};

// From "arrives at once" to "arrives over half a minute": every progress state shows.
constexpr Speed speeds[] = {
        {QT_TRANSLATE_NOOP("DemoServers", "fast"), 0, 0ms},
        {QT_TRANSLATE_NOOP("DemoServers", "steady"), 64, 40ms},
        {QT_TRANSLATE_NOOP("DemoServers", "slow"), 24, 80ms},
        {QT_TRANSLATE_NOOP("DemoServers", "very slow"), 8, 100ms},
};
constexpr int maxPoemServers = 8;

QString titleOf(const QByteArray &text, const QString &fileName)
{
    // The first line that says something, unless it is too long to be a title.
    for (const QByteArray &line : text.split('\n')) {
        const QString trimmed = QString::fromUtf8(line).trimmed();
        if (!trimmed.isEmpty())
            return trimmed.size() <= 40 ? trimmed : QFileInfo(fileName).completeBaseName();
    }
    return QFileInfo(fileName).completeBaseName();
}

} // namespace

DemoServers::DemoServers(QObject *parent) : QObject(parent) { }

DemoServers::~DemoServers() = default;

QList<DemoServers::BundledPoem> DemoServers::bundledPoems()
{
    QList<BundledPoem> poems;
    const QDir directory(u":/poems"_s);
    const QStringList names
            = directory.entryList({u"*.txt"_s}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        if (!text.isEmpty())
            poems.append({titleOf(text, name), text});
    }
    if (poems.isEmpty()) {
        const QByteArray text(fallbackPoem);
        poems.append({titleOf(text, {}), text});
    }
    return poems;
}

QList<DemoServers::Entry> DemoServers::start()
{
    if (isRunning())
        return m_entries;
    const auto add = [this](const QString &name, const PoetryServer::Options &options) {
        auto *server = new PoetryServer(options, this);
        if (!server->listen(QHostAddress::LocalHost)) {
            qWarning("Demo server \"%s\" could not start: %s", qUtf8Printable(name),
                     qUtf8Printable(server->errorString()));
            delete server;
            return;
        }
        m_servers.append(server);
        m_entries.append({name, server->address()});
    };

    const QList<BundledPoem> poems = bundledPoems();
    const int count = std::clamp(int(poems.size()), int(std::size(speeds)), maxPoemServers);
    for (int i = 0; i < count; ++i) {
        const BundledPoem &poem = poems.at(i % poems.size());
        const Speed &speed = speeds[size_t(i) % std::size(speeds)];
        PoetryServer::Options options;
        options.poem = poem.text;
        options.bytesPerChunk = speed.bytesPerChunk;
        options.delay = speed.delay;
        add(tr("%1 (%2)").arg(poem.title, tr(speed.name)), options);
    }

    const QByteArray &longest = std::max_element(poems.cbegin(), poems.cend(),
                                                 [](const BundledPoem &a, const BundledPoem &b) {
                                                     return a.text.size() < b.text.size();
                                                 })
                                        ->text;
    PoetryServer::Options refuse;
    refuse.fault = PoetryServer::Fault::Refuse;
    add(tr("Refuses connections"), refuse);

    PoetryServer::Options stall;
    stall.poem = longest;
    stall.fault = PoetryServer::Fault::Stall;
    add(tr("Stalls"), stall);

    PoetryServer::Options reset;
    reset.poem = longest;
    reset.bytesPerChunk = 32;
    reset.delay = 60ms;
    reset.fault = PoetryServer::Fault::ResetAfter;
    reset.faultBytes = longest.size() / 2;
    add(tr("Resets half-way"), reset);
    return m_entries;
}
