// FilterBar's real widgets (offscreen) over a DownloadFilterModel: typing, the clear button, the
// state menu and the kind box edit the model; a filter set on the model shows in the bar.

#include "downloadfiltermodel.h"
#include "downloadmodel.h"
#include "filterbar.h"
#include "guitestsupport.h"
#include "poetryfetcher.h"
#include "translations.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 20'000;

} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT

public:
    TestFilterBar() { m_filter.setSourceModel(&m_downloads); }

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void barEditsTheModel();
    void barFollowsTheModel();
    void barControlsHaveAccessibleNames();
    void focusTextSelectsIt();

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    PoetryFetcher m_fetcher;
    DownloadModel m_downloads{&m_fetcher};
    DownloadFilterModel m_filter;
};

void TestFilterBar::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
    QVERIFY(Translations::install(u"en"_s)); // as main() installs it
}

void TestFilterBar::cleanup()
{
    m_filter.clearFilter();
}

void TestFilterBar::barEditsTheModel()
{
    FilterBar bar(&m_filter);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));

    QTest::keyClicks(bar.textEdit(), u"Ode"_s);
    QCOMPARE(m_filter.text(), u"Ode"_s);
    // The clear button inside the field.
    QToolButton *clear = nullptr;
    for (auto *button : bar.textEdit()->findChildren<QToolButton *>()) {
        if (button->isVisibleTo(bar.textEdit()))
            clear = button;
    }
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(bar.textEdit()->text(), QString());
    QCOMPARE(m_filter.text(), QString());

    // From "all", a pick shows that state alone; the next ones add or remove one.
    bar.stateAction(DownloadFilterModel::Failed)->trigger();
    QCOMPARE(m_filter.states(), DownloadFilterModel::States(DownloadFilterModel::Failed));
    bar.stateAction(DownloadFilterModel::Cancelled)->trigger();
    QCOMPARE(m_filter.states(), DownloadFilterModel::Failed | DownloadFilterModel::Cancelled);
    bar.stateAction(DownloadFilterModel::Failed)->trigger();
    QCOMPARE(m_filter.states(), DownloadFilterModel::States(DownloadFilterModel::Cancelled));
    QCOMPARE(bar.stateButton()->text(), u"Cancelled"_s);
    QVERIFY(!bar.stateAction(DownloadFilterModel::Failed)->isChecked());
    QVERIFY(bar.stateAction(DownloadFilterModel::Cancelled)->isChecked());

    QComboBox *kind = bar.kindCombo();
    kind->setCurrentIndex(kind->findText(u"TimeoutError"_s));
    QCOMPARE(m_filter.failureKind(), std::optional(Failure::Kind::Timeout));
    kind->setCurrentIndex(0);
    QCOMPARE(m_filter.failureKind(), std::nullopt);
}

void TestFilterBar::barFollowsTheModel()
{
    FilterBar bar(&m_filter);
    QCOMPARE(bar.stateButton()->text(), u"All States"_s);
    m_filter.setText(u"abc"_s);
    m_filter.setStates(DownloadFilterModel::Done | DownloadFilterModel::Failed);
    m_filter.setFailureKind(Failure::Kind::DNSLookup);
    QCOMPARE(bar.textEdit()->text(), u"abc"_s);
    QCOMPARE(bar.stateButton()->text(), u"Done, Failed"_s);
    QVERIFY(bar.stateAction(DownloadFilterModel::Done)->isChecked());
    QVERIFY(!bar.stateAction(DownloadFilterModel::Active)->isChecked());
    QCOMPARE(bar.kindCombo()->currentText(), u"DNSLookupError"_s);

    m_filter.setStates({});
    QCOMPARE(bar.stateButton()->text(), u"No States"_s);
    m_filter.clearFilter();
    QCOMPARE(bar.textEdit()->text(), QString());
    QCOMPARE(bar.stateButton()->text(), u"All States"_s);
    QCOMPARE(bar.kindCombo()->currentIndex(), 0);
}

void TestFilterBar::barControlsHaveAccessibleNames()
{
    FilterBar bar(&m_filter);
    const QStringList names{bar.textEdit()->accessibleName(), bar.stateButton()->accessibleName(),
                            bar.kindCombo()->accessibleName()};
    for (const QString &name : names)
        QVERIFY(!name.isEmpty());
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 3);
    QVERIFY(bar.textEdit()->isClearButtonEnabled());
}

void TestFilterBar::focusTextSelectsIt()
{
    QWidget window;
    auto *other = new QLineEdit(&window);
    auto *bar = new FilterBar(&m_filter, &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(other);
    layout->addWidget(bar);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    other->setFocus();
    m_filter.setText(u"typed before"_s);

    bar->focusText();
    QTRY_VERIFY_WITH_TIMEOUT(bar->textEdit()->hasFocus(), timeoutMs);
    QCOMPARE(bar->textEdit()->selectedText(), u"typed before"_s);
}

QTEST_MAIN(TestFilterBar)
#include "tst_gui_filterbar.moc"
