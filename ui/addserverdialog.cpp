#include "addserverdialog.h"

#include "serverlistmodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AddServerDialog::AddServerDialog(QWidget *parent)
    : QDialog(parent),
      m_nameEdit(new QLineEdit(this)),
      m_addressEdit(new QLineEdit(this)),
      m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Server"));
    m_addressEdit->setObjectName(u"addressEdit"_s);
    m_addressEdit->setPlaceholderText(tr("10001, host:port or [IPv6]:port"));
    m_addressEdit->setAccessibleName(tr("Address"));
    m_addressEdit->setClearButtonEnabled(true);
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("Optional; the address if empty"));
    m_nameEdit->setAccessibleName(tr("Name"));
    m_nameEdit->setMaxLength(ServerListModel::maxNameLength);
    m_message->setObjectName(u"addressMessage"_s);
    m_message->setTextFormat(Qt::PlainText); // echoes what the user typed
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Address check"));
    // Keep the dialog from jumping as messages of different lengths come and go.
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_addressEdit);
    form->addRow(QString(), m_message); // right under what it is about
    form->addRow(tr("&Name:"), m_nameEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    // Address first, as the form reads: typing an address, Tab, a name and Enter adds both.
    setTabOrder(m_addressEdit, m_nameEdit);
    setTabOrder(m_nameEdit, m_buttons);
    m_addressEdit->setFocus();

    connect(m_addressEdit, &QLineEdit::textChanged, this, &AddServerDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    validate();
}

QString AddServerDialog::editServer(QWidget *parent, ServerListModel *model, int row)
{
    const Server server = model->server(row);
    AddServerDialog dialog(parent);
    dialog.setWindowTitle(tr("Edit Server"));
    dialog.setAddressText(server.address);
    dialog.setName(server.name == server.address ? QString() : server.name);
    // The dialog runs an event loop: the row is found again by its address.
    row = dialog.exec() == QDialog::Accepted ? model->rowOf(server.address) : -1;
    if (row < 0) // cancelled, or removed meanwhile
        return {};
    const QString address = dialog.address().toString();
    // The same address is not set again: that would forget the server's last result.
    const bool moved = address == server.address
            || model->setData(model->index(row, ServerListModel::AddressColumn), address);
    model->setData(model->index(row, ServerListModel::NameColumn), dialog.name());
    return moved ? QString() : tr("“%1” is already in the list.").arg(address);
}

void AddServerDialog::setName(const QString &name)
{
    m_nameEdit->setText(name);
}

void AddServerDialog::setAddressText(const QString &text)
{
    m_addressEdit->setText(text);
}

QString AddServerDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

QPushButton *AddServerDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AddServerDialog::validate()
{
    const QString text = m_addressEdit->text();
    QString error;
    const auto parsed = Address::parse(text, &error);
    m_address = parsed.value_or(Address());
    okButton()->setEnabled(parsed.has_value());

    QPalette palette = this->palette();
    if (parsed) {
        m_message->setText(tr("Will fetch from %1.").arg(parsed->toString()));
    } else if (text.trimmed().isEmpty()) {
        // Nothing typed yet is not a mistake: say what to type instead.
        m_message->setText(tr("Type a port on this computer (10001), host:port or [IPv6]:port."));
    } else {
        m_message->setText(error);
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    }
    m_message->setPalette(palette);
}
