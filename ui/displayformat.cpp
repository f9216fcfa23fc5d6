#include "displayformat.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

#include <array>

using namespace Qt::StringLiterals;

namespace DisplayFormat {

QString bytes(qint64 size)
{
    return QLocale().formattedDataSize(size, size < 1024 * 1024 ? 1 : 2);
}

QString rate(double bytesPerSecond)
{
    return QApplication::translate("DisplayFormat", "%1/s")
            .arg(bytes(qRound64(std::max(0.0, bytesPerSecond))));
}

QString duration(qint64 milliseconds)
{
    const QLocale locale;
    if (milliseconds < 60'000)
        return QApplication::translate("DisplayFormat", "%1 s")
                .arg(locale.toString(double(milliseconds) / 1000.0, 'f', 1));
    const qint64 seconds = milliseconds / 1000;
    const auto two = [](qint64 value) {
        return u"%1"_s.arg(value, 2, 10, QChar(u'0'));
    };
    if (seconds < 3600)
        return u"%1:%2"_s.arg(seconds / 60).arg(two(seconds % 60));
    return u"%1:%2:%3"_s.arg(seconds / 3600).arg(two(seconds / 60 % 60)).arg(two(seconds % 60));
}

QString stateName(RequestState state)
{
    switch (state) {
    case RequestState::Queued:
        return QApplication::translate("DisplayFormat", "Queued");
    case RequestState::Resolving:
        return QApplication::translate("DisplayFormat", "Resolving");
    case RequestState::Connecting:
        return QApplication::translate("DisplayFormat", "Connecting");
    case RequestState::Receiving:
        return QApplication::translate("DisplayFormat", "Receiving");
    case RequestState::Paused:
        return QApplication::translate("DisplayFormat", "Paused");
    case RequestState::Done:
        return QApplication::translate("DisplayFormat", "Done");
    case RequestState::Failed:
        return QApplication::translate("DisplayFormat", "Failed");
    case RequestState::Cancelled:
        return QApplication::translate("DisplayFormat", "Cancelled");
    }
    return {};
}

QString stateName(RequestState state, qint64 bytesReceived)
{
    if (state == RequestState::Receiving && bytesReceived == 0)
        return QApplication::translate("DisplayFormat", "Waiting");
    return stateName(state);
}

namespace {

// One of the program's own icons (resources/icons), whatever the desktop theme: the state
// icons carry meaning in their colour (green done, red failed) and must keep a contrast of 3:1
// on light, dark and selected rows, which a theme's monochrome symbolic icon does not promise
// (Adwaita's dark grey check mark on a dark row).
QIcon bundledIcon(const QString &name)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48})
        icon.addFile(u":/icons/hicolor/%1x%1/actions/%2.png"_s.arg(size).arg(name),
                     QSize(size, size));
    return icon;
}

QIcon loadStateIcon(RequestState state)
{
    switch (state) {
    case RequestState::Queued:
        return bundledIcon(u"content-loading-symbolic"_s);
    case RequestState::Resolving:
    case RequestState::Connecting:
        return bundledIcon(u"network-connect"_s);
    case RequestState::Receiving:
        return bundledIcon(u"go-down"_s);
    case RequestState::Paused:
        return bundledIcon(u"media-playback-pause"_s);
    case RequestState::Done:
        return bundledIcon(u"emblem-ok-symbolic"_s);
    case RequestState::Failed:
        return bundledIcon(u"dialog-error"_s);
    case RequestState::Cancelled:
        return bundledIcon(u"process-stop"_s);
    }
    return {};
}

} // namespace

QIcon stateIcon(RequestState state)
{
    // Looked up once: a theme lookup and an image decode per painted cell would cost more than
    // everything else the downloads table does.
    static const std::array<QIcon, size_t(RequestState::Cancelled) + 1> icons = [] {
        std::array<QIcon, size_t(RequestState::Cancelled) + 1> loaded;
        for (size_t i = 0; i < loaded.size(); ++i)
            loaded[i] = loadStateIcon(RequestState(i));
        return loaded;
    }();
    const auto index = size_t(state);
    return index < icons.size() ? icons[index] : QIcon();
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return u"<p style='white-space:pre-wrap'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

QString displayText(QString text)
{
    for (QChar &c : text) {
        const char16_t unit = c.unicode();
        if (unit == 0 || (unit >= 0xFDD0 && unit <= 0xFDEF))
            c = QChar::ReplacementCharacter;
    }
    return text;
}

} // namespace DisplayFormat
