#pragma once

#include "downloadfiltermodel.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QToolButton;

// The bar above the downloads that edits a DownloadFilterModel: a text field (with a clear
// button), a menu of states and a failure kind. It follows the model too, so that a filter set
// elsewhere (restored settings, "Show failures" from a notification) shows in the bar.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    // The model is used, not owned.
    explicit FilterBar(DownloadFilterModel *model, QWidget *parent = nullptr);

    QLineEdit *textEdit() const { return m_text; }
    QToolButton *stateButton() const { return m_stateButton; }
    QAction *stateAction(DownloadFilterModel::State state) const;
    QComboBox *kindCombo() const { return m_kind; }

    // Ctrl+F: the text field gets the focus, its text selected.
    void focusText();

    static QString stateName(DownloadFilterModel::State state);

private:
    void updateFromModel();
    void pickState(DownloadFilterModel::State state);
    void applyKind();

    DownloadFilterModel *m_model;
    QLineEdit *m_text;
    QToolButton *m_stateButton;
    QList<std::pair<DownloadFilterModel::State, QAction *>> m_stateActions;
    QAction *m_allStates;
    QComboBox *m_kind;
};
