#include "messagefilter.h"

#include <QString>

using namespace Qt::StringLiterals;

namespace {

QtMessageHandler previousHandler = nullptr;
bool installed = false;

void filterMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (MessageFilter::isNoise(type, message))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

void MessageFilter::install()
{
    if (installed)
        return;
    installed = true;
    previousHandler = qInstallMessageHandler(filterMessage);
}

bool MessageFilter::isNoise(QtMsgType type, const QString &message)
{
    // QFontDatabase's loadSingleEngine() writes it with two leading spaces; match without them
    // so that a change of indentation in a later Qt does not bring the noise back.
    return type == QtWarningMsg && message.trimmed().startsWith(u"OpenType support missing for"_s);
}
