#include "futures.h"

#include <QCoreApplication>

namespace Futures::Detail {

Failure cancelledFailure()
{
    return Failure(Failure::Kind::Cancelled,
                   QCoreApplication::translate("Futures", "The request was cancelled"));
}

Failure otherExceptionFailure(const char *what)
{
    const QString text = what ? QString::fromUtf8(what)
                              : QCoreApplication::translate("Futures", "an unknown exception");
    return Failure(Failure::Kind::NetworkError,
                   QCoreApplication::translate("Futures", "The chain failed: %1").arg(text));
}

Failure groupFailure(std::vector<Failure> members)
{
    Failure failure(Failure::Kind::FailureGroup,
                    QCoreApplication::translate("Futures", "Every one of %n request(s) failed",
                                                nullptr, int(members.size())));
    failure.setMembers(std::move(members));
    return failure;
}

Failure timeoutFailure(std::chrono::milliseconds timeout)
{
    Failure failure(Failure::Kind::Timeout,
                    QCoreApplication::translate("Futures", "No result within %1 s")
                            .arg(std::chrono::duration<double>(timeout).count(), 0, 'f', 1));
    failure.setTimeoutPhase(Failure::TimeoutPhase::Deadline);
    return failure;
}

} // namespace Futures::Detail
