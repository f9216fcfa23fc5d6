#pragma once

#include <QElapsedTimer>
#include <QStyledItemDelegate>

class QStyleOptionProgressBar;

// Draws a download's progress as a progress bar through QStyle, so that it looks native in
// every theme: busy while the size is unknown, a percentage when the server delivered a poem
// before and that size is the estimate. Reads DownloadModel's roles.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintBusy(QPainter *painter, const QStyleOptionProgressBar &bar, QStyle *style,
                   const QWidget *widget) const;

    // The phase of the busy bars: one clock, so that they all move together, repainted with the
    // model's coalesced updates (no timer of our own).
    QElapsedTimer m_clock;
};
