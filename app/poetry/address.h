#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <optional>

// A poetry server's address as users type it: "10001" (port on 127.0.0.1), "host:port",
// "localhost:port" or "[v6]:port". parse() never guesses: bad input gets a message that says
// exactly what is wrong.
class Address
{
    Q_DECLARE_TR_FUNCTIONS(Address)

public:
    Address() = default;
    Address(const QString &host, quint16 port) : m_host(host), m_port(port) { }

    // Returns the address, or std::nullopt and a translated message in *errorMessage.
    static std::optional<Address> parse(QStringView text, QString *errorMessage = nullptr);

    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    bool isValid() const { return !m_host.isEmpty() && m_port != 0; }

    // The form parse() reads back: "127.0.0.1:10001", "[::1]:10001", "example.org:10001".
    QString toString() const;

    friend bool operator==(const Address &, const Address &) = default;

private:
    QString m_host;
    quint16 m_port = 0;
};

Q_DECLARE_METATYPE(Address)
