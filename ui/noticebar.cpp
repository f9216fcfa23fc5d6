#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amount) + b.redF() * amount),
                            float(a.greenF() * (1 - amount) + b.greenF() * amount),
                            float(a.blueF() * (1 - amount) + b.blueF() * amount));
}

} // namespace

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_label(new QLabel(this)),
      m_close(new QToolButton(this))
{
    setObjectName(u"noticeBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(u"noticeText"_s);
    // It quotes file names and what was in the file: never markup.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_close->setObjectName(u"noticeCloseButton"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(u"dialog-close"_s));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close this message"));
    connect(m_close, &QToolButton::clicked, this, &NoticeBar::hide);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void NoticeBar::showMessage(const QString &text, Type type)
{
    m_type = type;
    m_label->setText(text);
    setAccessibleDescription(text);
    // The colours of KMessageWidget: the window's background tinted with the type's colour.
    QColor tint;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxWarning;
    switch (type) {
    case Type::Information:
        tint = QColor(0x3d, 0xae, 0xe9);
        icon = QStyle::SP_MessageBoxInformation;
        break;
    case Type::Warning:
        tint = QColor(0xf6, 0x74, 0x00);
        break;
    case Type::Error:
        tint = QColor(0xda, 0x44, 0x53);
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    QPalette palette = parentWidget() ? parentWidget()->palette() : this->palette();
    palette.setColor(QPalette::Window, mix(palette.color(QPalette::Window), tint, 0.2));
    setPalette(palette);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    show();
}

QString NoticeBar::text() const
{
    return m_label->text();
}
