#pragma once

#include "address.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class ServerListModel;

// Asks for a server's address (and an optional name). The address is checked with
// Address::parse() as the user types: what is wrong is said at once, and OK stays disabled
// until the address is valid.
class AddServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddServerDialog(QWidget *parent = nullptr);

    // Edit Server: the same dialog on a server of the list, address and name, and the change
    // made. Returns a message for the status bar (empty if there is nothing to say).
    static QString editServer(QWidget *parent, ServerListModel *model, int row);

    void setName(const QString &name);
    void setAddressText(const QString &text);
    QString name() const;
    // Valid only when the dialog was accepted (or isAddressValid()).
    Address address() const { return m_address; }
    bool isAddressValid() const { return m_address.isValid(); }

    QLineEdit *addressEdit() const { return m_addressEdit; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *okButton() const;

private:
    void validate();

    QLineEdit *m_nameEdit;
    QLineEdit *m_addressEdit;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    Address m_address;
};
