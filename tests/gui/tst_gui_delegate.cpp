// The progress delegate draws through QStyle: a recording proxy style sees exactly what it asks
// the style to draw — a percentage when the size is estimated, a busy chunk when it is not.

#include "downloadmodel.h"
#include "progressdelegate.h"

#include <QPainter>
#include <QProxyStyle>
#include <QStandardItemModel>
#include <QStyleOption>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

class RecordingStyle : public QProxyStyle
{
public:
    struct Call
    {
        QStyle::ControlElement element;
        int maximum;
        int progress;
        QString text;
        QRect rect;
    };

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        if (const auto *bar = qstyleoption_cast<const QStyleOptionProgressBar *>(option))
            calls.append({element, bar->maximum, bar->progress, bar->text, bar->rect});
        QProxyStyle::drawControl(element, option, painter, widget);
    }

    QList<Call> callsOf(QStyle::ControlElement element) const
    {
        QList<Call> result;
        for (const Call &call : calls) {
            if (call.element == element)
                result.append(call);
        }
        return result;
    }

    mutable QList<Call> calls;
};

} // namespace

class TestDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimatedSizeShowsPercentage();
    void unknownSizeShowsBusyChunk();
    void doneIsFull();
    void endedWithoutPoemDrawsNoBar();

private:
    // Paints one progress cell for a download in `state` and returns what the style was asked.
    RecordingStyle *paint(RequestState state, qint64 received, qint64 expected,
                          const QString &text = {});

    // Declared in this order so that the view goes first.
    std::unique_ptr<RecordingStyle> m_style;
    std::unique_ptr<QTreeView> m_view;
};

RecordingStyle *TestDelegate::paint(RequestState state, qint64 received, qint64 expected,
                                    const QString &text)
{
    QStandardItemModel model(1, 1);
    const QModelIndex index = model.index(0, 0);
    model.setData(index, QVariant::fromValue(state), DownloadModel::StateRole);
    model.setData(index, received, DownloadModel::BytesReceivedRole);
    model.setData(index, expected, DownloadModel::ExpectedSizeRole);
    model.setData(index, text, Qt::DisplayRole);

    m_view.reset(); // before the style it uses
    m_style = std::make_unique<RecordingStyle>();
    m_view = std::make_unique<QTreeView>();
    m_view->setStyle(m_style.get());
    m_view->setModel(&model);

    ProgressDelegate delegate;
    QStyleOptionViewItem option;
    option.initFrom(m_view.get());
    option.widget = m_view.get();
    option.rect = QRect(0, 0, 200, 24);
    QImage image(200, 24, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    m_view->setModel(nullptr);
    return m_style.get();
}

void TestDelegate::estimatedSizeShowsPercentage()
{
    const RecordingStyle *style = paint(RequestState::Receiving, 250, 1000, u"25%"_s);
    const auto bars = style->callsOf(QStyle::CE_ProgressBar);
    QCOMPARE(bars.size(), 1);
    QCOMPARE(bars.at(0).maximum, 100);
    QCOMPARE(bars.at(0).progress, 25);
    QCOMPARE(bars.at(0).text, u"25%"_s);
}

void TestDelegate::unknownSizeShowsBusyChunk()
{
    const RecordingStyle *style = paint(RequestState::Receiving, 250, -1);
    QVERIFY(style->callsOf(QStyle::CE_ProgressBar).isEmpty());
    const auto grooves = style->callsOf(QStyle::CE_ProgressBarGroove);
    const auto chunks = style->callsOf(QStyle::CE_ProgressBarContents);
    QCOMPARE(grooves.size(), 1);
    QCOMPARE(chunks.size(), 1);
    // A short chunk inside the groove, not a full bar that would read as "complete".
    QVERIFY(grooves.at(0).rect.contains(chunks.at(0).rect));
    QVERIFY(chunks.at(0).rect.width() < grooves.at(0).rect.width() / 2);
}

void TestDelegate::doneIsFull()
{
    const RecordingStyle *style = paint(RequestState::Done, 1000, 1000, u"100%"_s);
    const auto bars = style->callsOf(QStyle::CE_ProgressBar);
    QCOMPARE(bars.size(), 1);
    QCOMPARE(bars.at(0).progress, bars.at(0).maximum);
}

void TestDelegate::endedWithoutPoemDrawsNoBar()
{
    QVERIFY(paint(RequestState::Failed, 0, 1000)->calls.isEmpty());
    QVERIFY(paint(RequestState::Cancelled, 10, -1)->calls.isEmpty());
}

QTEST_MAIN(TestDelegate)
#include "tst_gui_delegate.moc"
