#include "serverprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
}

bool ServerProcess::start(const QStringList &arguments, int fileCount, QString *error)
{
    m_process.setProgram(m_program);
    m_process.setArguments(arguments);
    m_process.start();
    if (!m_process.waitForStarted(10'000)) {
        *error = m_process.errorString();
        return false;
    }
    static const QRegularExpression serving(u"^Serving (.+) on (.+:[0-9]+)\\.$"_s);
    QByteArray pending;
    QElapsedTimer timer;
    timer.start();
    while (m_addresses.size() < fileCount) {
        const int newline = int(pending.indexOf('\n'));
        if (newline >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            const auto match = serving.match(line);
            if (!match.hasMatch()) {
                *error = u"unexpected line: "_s + line;
                return false;
            }
            m_files.append(match.captured(1));
            m_addresses.append(match.captured(2));
            continue;
        }
        if (m_process.state() == QProcess::NotRunning || timer.hasExpired(10'000)) {
            *error = u"no \"Serving\" line; stderr: "_s
                    + QString::fromUtf8(m_process.readAllStandardError());
            return false;
        }
        m_process.waitForReadyRead(1000);
        pending += m_process.readAllStandardOutput();
    }
    return true;
}

quint16 ServerProcess::port() const
{
    if (m_addresses.isEmpty())
        return 0;
    const QString &address = m_addresses.first();
    return quint16(address.sliced(address.lastIndexOf(u':') + 1).toUInt());
}
