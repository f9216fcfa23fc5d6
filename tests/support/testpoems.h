#pragma once

#include <QByteArray>
#include <QString>

// Poems made for tests: deterministic, non-ASCII, of any size.
namespace TestPoems {

// `size` bytes of valid UTF-8 mixing ASCII, Korean (3-byte) and emoji (4-byte) characters,
// so that chunk boundaries fall inside multi-byte characters. The last character may be cut
// short; use utf8Poem() for whole characters.
QByteArray mixedScriptText(qsizetype size);
// Like mixedScriptText(), but ends on a character boundary (size may be a little smaller).
QByteArray utf8Poem(qsizetype approximateSize);
// Writes a poem file for a server to serve; returns `path`, or an empty string if it failed.
QString writeFile(const QString &path, const QByteArray &contents);

} // namespace TestPoems
