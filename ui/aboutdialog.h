#pragma once

#include <QDialog>

// Help › About Poetry Reader: what the program is, its version and the Qt it runs on, its
// licence and where it comes from, laid out wide enough to read at a glance.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};
