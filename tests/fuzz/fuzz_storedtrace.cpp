// The trace column of the poem library (StoredTrace::decode()): whatever bytes the database
// holds are read back without a crash, within the bounds, and a trace that was read once is
// written and read again unchanged (decode(encode(t)) == t), its text lines made without trouble.

#include "fuzzsupport.h"
#include "storedtrace.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication *application = new QCoreApplication(*argc, *argv);
    Q_UNUSED(application);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<StoredTrace> trace = StoredTrace::decode(bytes, &error);
    if (!trace) {
        Fuzz::check(!error.isEmpty(), [&] { return u"no reason for "_s + Fuzz::show(bytes); });
        return 0;
    }
    Fuzz::check(trace->steps.size() <= StoredTrace::maxSteps,
                [&] { return u"too many steps from "_s + Fuzz::show(bytes); });
    const QByteArray encoded = trace->encode();
    Fuzz::check(encoded.size() <= StoredTrace::maxEncodedSize,
                [&] { return u"encoded larger than the limit: "_s + Fuzz::show(bytes); });
    QString again;
    const std::optional<StoredTrace> reread = StoredTrace::decode(encoded, &again);
    Fuzz::check(reread.has_value(), [&] {
        return u"its own encoding is refused ("_s + again + u"): "_s + Fuzz::show(encoded, 2000);
    });
    Fuzz::check(*reread == *trace, [&] {
        return u"not the same once written again: "_s + Fuzz::show(bytes, 2000) + u"\nencoded: "_s
                + Fuzz::show(encoded, 2000);
    });
    const QStringList lines = trace->stepLines();
    Fuzz::check(lines.size() == trace->steps.size(), [&] { return u"step lines"_s; });
    Q_UNUSED(trace->originText());
    return 0;
}
