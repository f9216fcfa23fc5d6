#include "address.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {

const auto defaultHost = u"127.0.0.1"_s;

bool isHostNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'.' || c == u'_';
}

std::optional<quint16> parsePort(QStringView text, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) -> std::optional<quint16> {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(Address::tr("The port is missing after “:”."));
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return fail(Address::tr("The port “%1” is not a number.").arg(text));
    }
    // Compare the digits without leading zeros first, so that a huge number cannot overflow.
    QStringView digits = text;
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.mid(1);
    const qulonglong value = digits.size() <= 5 ? digits.toULongLong() : 0;
    if (value == 0 || value > 65535)
        return fail(Address::tr("The port %1 is out of range: it must be between 1 and 65535.")
                            .arg(text));
    return quint16(value);
}

} // namespace

std::optional<Address> Address::parse(QStringView input, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) -> std::optional<Address> {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };

    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return fail(tr("The address is empty: type a port such as 10001, or host:port."));

    for (QChar c : text) {
        if (c.isSpace())
            return fail(tr("The address “%1” contains a space.").arg(text));
    }

    // "10001": a port on this machine, as in the classic client.
    if (text.front().isDigit() && !text.contains(u':') && !text.contains(u'.')) {
        const auto port = parsePort(text, errorMessage);
        if (!port)
            return std::nullopt;
        return Address(defaultHost, *port);
    }

    QStringView hostPart;
    QStringView portPart;
    bool hasPort = false;

    if (text.front() == u'[') {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return fail(tr("The address “%1” is missing the closing “]” of its IPv6 address.")
                                .arg(text));
        hostPart = text.mid(1, close - 1);
        const QStringView rest = text.mid(close + 1);
        if (rest.isEmpty())
            return fail(
                    tr("The address “%1” has no port: write it as [%2]:port.").arg(text, hostPart));
        if (rest.front() != u':')
            return fail(tr("Unexpected “%1” after “]” in “%2”: write it as [%3]:port.")
                                .arg(rest, text, hostPart));
        portPart = rest.mid(1);
        hasPort = true;
        QHostAddress ip;
        if (hostPart.isEmpty() || !ip.setAddress(hostPart.toString())
            || ip.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(tr("“%1” is not a valid IPv6 address.").arg(hostPart));
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon >= 0 && text.indexOf(u':') != colon)
            return fail(tr("IPv6 addresses must be written in brackets, for example [::1]:10001."));
        hostPart = colon < 0 ? text : text.left(colon);
        hasPort = colon >= 0;
        portPart = hasPort ? text.mid(colon + 1) : QStringView();
        if (hostPart.isEmpty())
            return fail(tr("The host name is missing before “:” in “%1”.").arg(text));
        for (QChar c : hostPart) {
            if (!isHostNameCharacter(c))
                return fail(tr("The host name “%1” contains the character “%2”, which is not "
                               "allowed in host names.")
                                    .arg(hostPart, c));
        }
        if (hostPart.size() > 253)
            return fail(tr("The host name is longer than 253 characters."));
        if (hostPart.startsWith(u'.') || hostPart.endsWith(u"..") || hostPart.contains(u".."))
            return fail(tr("The host name “%1” has an empty label.").arg(hostPart));
        if (!hasPort)
            return fail(tr("The address “%1” has no port: write it as %1:port, for example "
                           "%1:10001.")
                                .arg(text));
    }

    const auto port = parsePort(portPart, errorMessage);
    if (!port)
        return std::nullopt;
    return Address(hostPart.toString(), *port);
}

QString Address::toString() const
{
    if (m_host.contains(u':'))
        return u'[' + m_host + u"]:" + QString::number(m_port);
    return m_host + u':' + QString::number(m_port);
}
