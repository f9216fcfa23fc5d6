#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Poetry Reader"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize) * 2;
    icon->setPixmap(QApplication::windowIcon().pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *name = plainLabel(tr("Poetry Reader %1").arg(QApplication::applicationVersion()), this);
    name->setObjectName(u"aboutName"_s);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    name->setFont(nameFont);

    auto *what = plainLabel(tr("Fetches poems from poetry servers and shows every download: its "
                               "progress, its poem as it arrives and, when it fails, why."),
                            this);
    auto *qt = plainLabel(
            tr("Built with Qt %1, running on Qt %2.")
                    .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
            this);
    qt->setObjectName(u"aboutQtVersion"_s);
    auto *origin = plainLabel(tr("After the clients of Dave Peticolas’s Twisted tutorial, with "
                                 "Qt’s event loop as the reactor. Free software under the MIT "
                                 "licence."),
                              this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QGridLayout(this);
    layout->setHorizontalSpacing(fontMetrics().averageCharWidth() * 3);
    layout->addWidget(icon, 0, 0, 4, 1);
    layout->addWidget(name, 0, 1);
    layout->addWidget(what, 1, 1);
    layout->addWidget(qt, 2, 1);
    layout->addWidget(origin, 3, 1);
    layout->setRowStretch(4, 1);
    layout->addWidget(buttons, 5, 0, 1, 2);
    // Wide enough for the description in about two lines, in the user's font: no narrow column
    // of heavily wrapped text.
    layout->setColumnMinimumWidth(1, fontMetrics().averageCharWidth() * 56);
}
