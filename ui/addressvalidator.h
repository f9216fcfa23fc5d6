#pragma once

#include <QValidator>

// Accepts what Address::parse() accepts. Anything else is "intermediate" (the user may still be
// typing), so a line edit never commits an address that cannot be fetched.
class AddressValidator : public QValidator
{
    Q_OBJECT

public:
    explicit AddressValidator(QObject *parent = nullptr);

    State validate(QString &input, int &position) const override;
    // What is wrong with `input`, or an empty string if nothing is.
    static QString problem(const QString &input);
};
