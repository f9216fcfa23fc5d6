#pragma once

#include "librarysession.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
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
    // No desktop notifications from a test's window to the user's desktop.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    auto directory = std::make_unique<QTemporaryDir>();
    // The window's poem library in the same folder, one per suite: never the user's.
    LibrarySession::setFileName(directory->filePath(QStringLiteral("library.sqlite")));
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

// Chooses `path` in the next file dialog and accepts it, as a user saving to it would.
inline void chooseFileWhenDialogOpens(const QString &path)
{
    whenDialogOpens([path](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (files && chooseFile(files, path))
            dialog->accept(); // QFileDialog::accept(), through the public QDialog one
        else
            dialog->reject();
    });
}

// An index of the model behind a view's proxies (the sorted server list, say) as the view
// shows it: tests name rows of the model, the view may show them in another order.
inline QModelIndex viewIndex(const QAbstractItemView *view, QModelIndex index)
{
    QList<const QAbstractProxyModel *> proxies;
    for (auto *model = view->model(); model != index.model();) {
        auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
        if (!proxy)
            return index; // not behind this view: left as it is
        proxies.prepend(proxy);
        model = proxy->sourceModel();
    }
    for (const QAbstractProxyModel *proxy : proxies)
        index = proxy->mapFromSource(index);
    return index;
}

// Clicks the middle of a row of an item view, as a user would.
inline void clickRow(QAbstractItemView *view, const QModelIndex &modelIndex,
                     Qt::KeyboardModifiers modifiers = {})
{
    const QModelIndex index = viewIndex(view, modelIndex);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                      view->visualRect(index).center());
}

} // namespace GuiTest
