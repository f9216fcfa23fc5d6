#include "getpoetrycommand.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Characters that mean nothing to a POSIX shell anywhere in a word (not the first word: '='
// would make that an assignment).
bool isPlainCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || QStringView(u"_-+=.,:/@%").contains(c);
}

} // namespace

QStringList GetPoetryCommand::arguments(const QString &address, const FetchOptions &options)
{
    const FetchOptions defaults;
    QStringList words;
    const auto duration = [&](const QString &option, milliseconds value, milliseconds fallback) {
        // A negative limit is none to the core, as 0 is: written as 0.
        if (std::max(value, milliseconds(0)) != std::max(fallback, milliseconds(0)))
            words << u"--"_s + option << seconds(value);
    };
    duration(connectTimeoutOption, options.connectTimeout, defaults.connectTimeout);
    duration(idleTimeoutOption, options.idleTimeout, defaults.idleTimeout);
    duration(deadlineOption, options.deadline, defaults.deadline);
    if (options.maxPoemSize != defaults.maxPoemSize)
        words << u"--"_s + maxSizeOption
              << QString::number(std::max<qint64>(options.maxPoemSize, 0));
    // An address that starts with "-" would be read as an option.
    if (address.startsWith(u'-'))
        words << u"--"_s;
    words << address;
    return words;
}

QString GetPoetryCommand::command(const QString &address, const FetchOptions &options)
{
    QString line = u"get-poetry"_s;
    for (const QString &word : arguments(address, options))
        line += u' ' + shellQuoted(word);
    return line;
}

QString GetPoetryCommand::seconds(milliseconds span)
{
    const qint64 limit = qint64(maxSeconds) * 1000;
    const qint64 ms = std::clamp<qint64>(span.count(), 0, limit);
    QString text = QString::number(ms / 1000);
    if (const qint64 fraction = ms % 1000; fraction != 0) {
        text += u'.' + u"%1"_s.arg(fraction, 3, 10, QChar(u'0'));
        while (text.endsWith(u'0'))
            text.chop(1);
    }
    return text;
}

QString GetPoetryCommand::shellQuoted(const QString &word)
{
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), isPlainCharacter))
        return word;
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}
