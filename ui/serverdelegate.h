#pragma once

#include <QStyledItemDelegate>

// Edits the server list in place. An address is checked as it is typed (AddressValidator): what
// is wrong is reported through addressProblem() and shown in red, and it is never committed.
class ServerDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ServerDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

Q_SIGNALS:
    // The message for the address being typed; empty once it is valid.
    void addressProblem(const QString &message) const;
};
