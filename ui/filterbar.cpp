#include "filterbar.h"

#include "displayformat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>

namespace {

constexpr DownloadFilterModel::State menuStates[]
        = {DownloadFilterModel::Active, DownloadFilterModel::Paused, DownloadFilterModel::Done,
           DownloadFilterModel::Failed, DownloadFilterModel::Cancelled};

} // namespace

FilterBar::FilterBar(DownloadFilterModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_text(new QLineEdit(this)),
      m_stateButton(new QToolButton(this)),
      m_kind(new QComboBox(this))
{
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Filter by server or address"));
    m_text->setAccessibleName(tr("Filter text"));
    connect(m_text, &QLineEdit::textChanged, m_model, &DownloadFilterModel::setText);

    auto *menu = new QMenu(m_stateButton);
    m_allStates = menu->addAction(tr("All States"));
    connect(m_allStates, &QAction::triggered, m_model,
            [this] { m_model->setStates(DownloadFilterModel::AllStates); });
    menu->addSeparator();
    for (const DownloadFilterModel::State state : menuStates) {
        QAction *action = menu->addAction(stateName(state));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [this, state] { pickState(state); });
        m_stateActions.append({state, action});
    }
    m_stateButton->setMenu(menu);
    m_stateButton->setPopupMode(QToolButton::InstantPopup);
    m_stateButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_stateButton->setAccessibleName(tr("State filter"));
    m_stateButton->setToolTip(tr("Show only downloads in these states"));

    m_kind->addItem(tr("Any Failure Kind"));
    for (const Failure::Kind kind : DownloadFilterModel::filterableKinds())
        m_kind->addItem(Failure::typeName(kind), int(kind)); // stable names, never translated
    m_kind->setAccessibleName(tr("Failure kind filter"));
    m_kind->setToolTip(tr("Show only failures of this kind"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &FilterBar::applyKind);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_stateButton);
    layout->addWidget(m_kind);

    connect(m_model, &DownloadFilterModel::filterChanged, this, &FilterBar::updateFromModel);
    updateFromModel();
}

QAction *FilterBar::stateAction(DownloadFilterModel::State state) const
{
    for (const auto &[actionState, action] : m_stateActions) {
        if (actionState == state)
            return action;
    }
    return nullptr;
}

void FilterBar::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

QString FilterBar::stateName(DownloadFilterModel::State state)
{
    // The names the downloads table shows, but for "Active", which gathers four of its states.
    switch (state) {
    case DownloadFilterModel::Active:
        return tr("Active");
    case DownloadFilterModel::Paused:
        return DisplayFormat::stateName(RequestState::Paused);
    case DownloadFilterModel::Done:
        return DisplayFormat::stateName(RequestState::Done);
    case DownloadFilterModel::Failed:
        return DisplayFormat::stateName(RequestState::Failed);
    case DownloadFilterModel::Cancelled:
        return DisplayFormat::stateName(RequestState::Cancelled);
    case DownloadFilterModel::AllStates:
        break;
    }
    return tr("All States");
}

void FilterBar::updateFromModel()
{
    // Typing goes on undisturbed: the field is set only when the model's text is another one.
    if (m_text->text() != m_model->text())
        m_text->setText(m_model->text());

    const DownloadFilterModel::States states = m_model->states();
    QStringList names;
    for (const auto &[state, action] : m_stateActions) {
        const QSignalBlocker blocker(action);
        action->setChecked(states.testFlag(state));
        if (states.testFlag(state))
            names << action->text();
    }
    if (states == DownloadFilterModel::AllStates)
        m_stateButton->setText(tr("All States"));
    else if (names.isEmpty())
        m_stateButton->setText(tr("No States"));
    else
        //: The states shown, as a list: "Failed, Cancelled"
        m_stateButton->setText(names.join(tr(", ")));

    const QSignalBlocker blocker(m_kind);
    const auto kind = m_model->failureKind();
    m_kind->setCurrentIndex(kind ? std::max(0, m_kind->findData(int(*kind))) : 0);
}

void FilterBar::pickState(DownloadFilterModel::State state)
{
    // From "all", a pick shows that state alone (as the browsers' request type filters do);
    // after that each pick adds or removes one.
    const DownloadFilterModel::States states = m_model->states();
    if (states == DownloadFilterModel::AllStates)
        m_model->setStates(state);
    else
        m_model->setStates(states ^ state);
}

void FilterBar::applyKind()
{
    const QVariant kind = m_kind->currentData();
    m_model->setFailureKind(kind.isValid() ? std::optional(Failure::Kind(kind.toInt()))
                                           : std::nullopt);
}
