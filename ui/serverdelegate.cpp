#include "serverdelegate.h"

#include "addressvalidator.h"
#include "serverlistmodel.h"

#include <QLineEdit>

ServerDelegate::ServerDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QWidget *ServerDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (line && index.column() == ServerListModel::NameColumn)
        line->setMaxLength(ServerListModel::maxNameLength);
    if (!line || index.column() != ServerListModel::AddressColumn)
        return editor;
    line->setValidator(new AddressValidator(line));
    const QPalette normal = line->palette();
    connect(line, &QLineEdit::textEdited, this, [this, line, normal](const QString &text) {
        const QString problem = AddressValidator::problem(text);
        QPalette palette = normal;
        if (!problem.isEmpty())
            palette.setColor(QPalette::Text, QColor(0xc0, 0x1c, 0x28));
        line->setPalette(palette);
        Q_EMIT addressProblem(problem);
    });
    return editor;
}
