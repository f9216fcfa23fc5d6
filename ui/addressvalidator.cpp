#include "addressvalidator.h"

#include "address.h"

AddressValidator::AddressValidator(QObject *parent) : QValidator(parent) { }

QValidator::State AddressValidator::validate(QString &input, int &position) const
{
    Q_UNUSED(position);
    return Address::parse(input) ? Acceptable : Intermediate;
}

QString AddressValidator::problem(const QString &input)
{
    QString error;
    return Address::parse(input, &error) ? QString() : error;
}
