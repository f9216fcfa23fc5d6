#include "testpoems.h"

#include <QFile>

namespace TestPoems {

namespace {
const QByteArray line = QByteArrayLiteral(
        "The river keeps its counsel — 강물은 말이 없고 — 川は黙って流れる 🌊🌙\n");
} // namespace

QByteArray mixedScriptText(qsizetype size)
{
    QByteArray text;
    text.reserve(size);
    while (text.size() < size)
        text.append(line);
    text.truncate(size);
    return text;
}

QByteArray utf8Poem(qsizetype approximateSize)
{
    QByteArray text = mixedScriptText(approximateSize + 4);
    // Cut at the start of a character, never inside one.
    qsizetype end = approximateSize;
    while (end > 0 && (uchar(text.at(end)) & 0xC0) == 0x80)
        --end;
    text.truncate(end);
    return text;
}

QString writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

} // namespace TestPoems
