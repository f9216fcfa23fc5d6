#include "confirmations.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

QString Confirmations::askBeforeQuittingKey()
{
    return u"window/askBeforeQuitting"_s;
}

bool Confirmations::quitWithDownloads(QWidget *parent, int active)
{
    if (active <= 0 || !QSettings().value(askBeforeQuittingKey(), true).toBool())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Poetry Reader"),
                    tr("%n download(s) are still under way.", "", active), QMessageBox::NoButton,
                    parent);
    box.setObjectName(u"quitConfirmation"_s);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("Quitting cancels them; what has arrived so far is not kept."));
    QPushButton *quit = box.addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(u"quitButton"_s);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(quit);
    auto *dontAsk = new QCheckBox(tr("&Don’t ask again"), &box);
    dontAsk->setObjectName(u"dontAskAgain"_s);
    box.setCheckBox(dontAsk);
    box.exec();
    if (box.clickedButton() != quit)
        return false;
    if (dontAsk->isChecked())
        QSettings().setValue(askBeforeQuittingKey(), false);
    return true;
}

bool Confirmations::removeServers(QWidget *parent, int count)
{
    if (count <= 1)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Remove Servers"),
                    tr("Remove %n server(s) from the list?", "", count), QMessageBox::NoButton,
                    parent);
    box.setObjectName(u"removeConfirmation"_s);
    box.setTextFormat(Qt::PlainText);
    QPushButton *remove = box.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"removeButton"_s);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(remove);
    box.exec();
    return box.clickedButton() == remove;
}
