#pragma once

#include "poem.h"
#include "requesttrace.h"

#include <QCoreApplication>
#include <QException>
#include <QMetaType>
#include <QString>

#include <concepts>
#include <optional>
#include <vector>

// Why a request ended without a poem: the C++ counterpart of Twisted's Failure. A value that
// carries its kind (with a stable type name), the human message, the system's error where there
// is one, the server, any partial poem and the trace of the request.
class Failure
{
    Q_DECLARE_TR_FUNCTIONS(Failure)

public:
    enum class Kind {
        ConnectionRefused, // ConnectionRefusedError
        DNSLookup,         // DNSLookupError
        Timeout,           // TimeoutError (see timeoutPhase())
        ConnectionLost,    // ConnectionLost: reset or lost before a clean close
        PoemTooLarge,      // PoemTooLarge: more bytes than the size cap
        Cancelled,         // CancelledError
        InvalidAddress,    // InvalidAddress: the address could not be parsed
        NetworkError,      // NetworkError: any other network failure
        FailureGroup,      // FailureGroup: every member of a race failed (see members())
    };

    enum class TimeoutPhase { None, Connect, Idle, Deadline };

    Failure() = default;
    Failure(Kind kind, const QString &message) : m_kind(kind), m_message(message) { }

    Kind kind() const { return m_kind; }
    // "ConnectionRefusedError", "TimeoutError", …: stable, never translated.
    QString typeName() const { return typeName(m_kind); }
    static QString typeName(Kind kind);

    // The translated description, without the system's error.
    QString message() const { return m_message; }

    // The operating system's error number and text (e.g. 111, "Connection refused"); 0 if none.
    int systemErrorCode() const { return m_systemErrorCode; }
    QString systemErrorText() const { return m_systemErrorText; }
    void setSystemError(int code, const QString &text = {});

    TimeoutPhase timeoutPhase() const { return m_timeoutPhase; }
    void setTimeoutPhase(TimeoutPhase phase) { m_timeoutPhase = phase; }

    // The server as the user gave it.
    QString address() const { return m_address; }
    void setAddress(const QString &address) { m_address = address; }

    // What arrived before the failure; empty if nothing did.
    const Poem &partialPoem() const { return m_partialPoem; }
    void setPartialPoem(const Poem &poem) { m_partialPoem = poem; }

    const RequestTrace &trace() const { return m_trace; }
    void setTrace(const RequestTrace &trace) { m_trace = trace; }

    // For a FailureGroup, as Twisted's FailureGroup: the failure of each member, in order.
    const std::vector<Failure> &members() const { return m_members; }
    void setMembers(std::vector<Failure> members) { m_members = std::move(members); }

    // Twisted's check(): the first of kinds that this failure is, or nothing.
    template<std::same_as<Kind>... Kinds>
    std::optional<Kind> check(Kinds... kinds) const
    {
        std::optional<Kind> match;
        ((!match && m_kind == kinds ? void(match = kinds) : void()), ...);
        return match;
    }

    // Twisted's trap(): the matching kind, or this failure thrown again as a FailureException.
    template<std::same_as<Kind>... Kinds>
    Kind trap(Kinds... kinds) const
    {
        if (const auto match = check(kinds...))
            return *match;
        rethrow();
    }

    // One line: "Connection was refused by other side: 111: Connection refused."
    QString errorMessage() const;
    // The trace, then "TypeName: errorMessage()", as Twisted's getTraceback() reads. It opens
    // with `header`, by default "Traceback (most recent call last):", untranslated: a stable
    // line that scripts match (the window passes it in the user's language).
    QString traceback(const QString &header = {}) const;

    [[noreturn]] void rethrow() const;

private:
    Kind m_kind = Kind::NetworkError;
    QString m_message;
    int m_systemErrorCode = 0;
    QString m_systemErrorText;
    TimeoutPhase m_timeoutPhase = TimeoutPhase::None;
    QString m_address;
    Poem m_partialPoem;
    RequestTrace m_trace;
    std::vector<Failure> m_members;
};

// A Failure as an exception: what Failure::trap() throws when no kind matches, and how a failed
// request reaches QFuture::onFailed() (a QException, so that futures carry it across threads).
class FailureException : public QException
{
public:
    explicit FailureException(const Failure &failure)
        : m_failure(failure), m_what((failure.typeName() + u": " + failure.errorMessage()).toUtf8())
    { }
    const Failure &failure() const { return m_failure; }
    const char *what() const noexcept override { return m_what.constData(); }
    void raise() const override { throw *this; }
    FailureException *clone() const override { return new FailureException(*this); }

private:
    Failure m_failure;
    QByteArray m_what;
};

Q_DECLARE_METATYPE(Failure)
