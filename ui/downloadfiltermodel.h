#pragma once

#include "failure.h"

#include <QSortFilterProxyModel>

#include <optional>

class DownloadModel;
class QSettings;
struct Download;

// The downloads as the filter bar narrows them (issue 13's "Finding things"): a text that the
// server's name or address contains (case-insensitive), a set of states and a failure kind.
// Also sorts, on DownloadModel::SortRole. Rows come and go as downloads change state.
//
//     auto *filter = new DownloadFilterModel(this);
//     filter->setSourceModel(downloads);
//     filter->setStates(DownloadFilterModel::Failed);
//     statusLabel->setText(filter->statusText()); // "12 of 250 shown"
class DownloadFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // What a row counts as here: the five states the user filters by.
    enum State {
        Active = 0x1, // queued, resolving, connecting, receiving
        Paused = 0x2,
        Done = 0x4,
        Failed = 0x8,
        Cancelled = 0x10,
        AllStates = Active | Paused | Done | Failed | Cancelled,
    };
    Q_DECLARE_FLAGS(States, State)
    Q_FLAG(States)

    explicit DownloadFilterModel(QObject *parent = nullptr);

    // Only a DownloadModel (or nothing): the filter reads its rows directly.
    void setSourceModel(QAbstractItemModel *model) override;

    QString text() const { return m_text; }
    void setText(const QString &text);
    States states() const { return m_states; }
    void setStates(States states);
    // Only failures of this kind; nothing: any row.
    std::optional<Failure::Kind> failureKind() const { return m_kind; }
    void setFailureKind(std::optional<Failure::Kind> kind);
    // Back to showing every row.
    void clearFilter();
    // Whether any row could be hidden by the filter.
    bool isFiltering() const;

    // The filter remembered between runs, under "downloads/filter/": the text (at most
    // maxTextLength characters), the states (a number) and the kind (its stable type name).
    // restore() takes what is valid and ignores the rest: a damaged file filters nothing away
    // by surprise.
    static constexpr qsizetype maxTextLength = 1000;
    void save(QSettings &settings) const;
    void restore(const QSettings &settings);

    static State stateOf(const Download &download);
    // The kinds offered in the filter bar, in its order (not FailureGroup: no download has it).
    static QList<Failure::Kind> filterableKinds();

    int shownCount() const { return rowCount(); }
    int totalCount() const;
    // "12 of 250 shown"
    QString statusText() const;

Q_SIGNALS:
    // The text, states or kind changed (by any caller: the bar follows the model).
    void filterChanged();
    // shownCount() or totalCount() may have changed: once per turn of the event loop at most.
    void countsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void scheduleCountsChanged();

    const DownloadModel *m_downloads = nullptr;
    QString m_text;
    States m_states = AllStates;
    std::optional<Failure::Kind> m_kind;
    bool m_countsPending = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(DownloadFilterModel::States)
