#pragma once

#include <QProcess>
#include <QStringList>

// The real poetry-server executable, killed when the test ends however it ends.
class ServerProcess
{
public:
    explicit ServerProcess(const QString &program) : m_program(program) { }
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    ~ServerProcess();

    // Starts it and reads one "Serving FILE on HOST:PORT." line per file.
    bool start(const QStringList &arguments, int fileCount, QString *error);

    QStringList addresses() const { return m_addresses; }
    QStringList files() const { return m_files; }
    // The port of the first file's server.
    quint16 port() const;
    qint64 pid() const { return m_process.processId(); }
    // For instance to set a child process modifier before start().
    QProcess &process() { return m_process; }

private:
    QString m_program;
    QProcess m_process;
    QStringList m_addresses;
    QStringList m_files;
};
