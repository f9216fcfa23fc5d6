#pragma once

#include <QAbstractItemView>
#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QFileDialog>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

// What the window's suites share.
namespace GuiTest {

// Settings in a temporary directory of the test's own: never the user's, and empty at start.
inline std::unique_ptr<QTemporaryDir> isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    auto directory = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, directory->path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, directory->path());
    QCoreApplication::setOrganizationName(QStringLiteral("org.poetryreader.test"));
    QCoreApplication::setApplicationName(QStringLiteral("poetry-reader-test"));
    return directory;
}

// Runs `act` on the next modal dialog as soon as it is open (exec() blocks the caller).
inline void whenDialogOpens(std::function<void(QDialog *)> act)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}

// Chooses `path` (absolute) in Qt's own file dialog as typing it into the name field would.
// Not selectFile(): it leaves the name field alone while the field has the focus, which it gets
// once the dialog is active, so whether it took the name depended on timing.
inline bool chooseFile(QFileDialog *dialog, const QString &path)
{
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    if (!name)
        return false;
    name->setText(path);
    return true;
}

// Clicks the middle of a row of an item view, as a user would.
inline void clickRow(QAbstractItemView *view, const QModelIndex &index,
                     Qt::KeyboardModifiers modifiers = {})
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                      view->visualRect(index).center());
}

} // namespace GuiTest
