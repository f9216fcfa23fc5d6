// The icons: every icon name the window asks QIcon::fromTheme() for (read from ui/*.cpp, so a
// new name without a bundled icon fails here) has a bundled PNG in every size
// (resources/icons/hicolor/<size>x<size>/actions/); where no desktop theme provides the icon,
// QIcon::fromTheme() returns ours, pixel for pixel; and where an installed theme has it, the
// theme's icon wins (the program looks native), ours filling only the theme's gaps.

#include "bundledicons.h"
#include "displayformat.h"
#include "phasetimeline.h"

#include <QDir>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QImageReader>
#include <QPixmap>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The names the window uses; namesMatchTheSources() fails when ui/ uses one not listed here.
const QStringList usedIconNames = {
        u"application-exit"_s,
        u"content-loading-symbolic"_s,
        u"dialog-close"_s,
        u"dialog-error"_s,
        u"document-edit"_s,
        u"document-open"_s,
        u"document-save"_s,
        u"document-save-as"_s,
        u"edit-clear-all"_s,
        u"edit-copy"_s,
        u"edit-delete"_s,
        u"edit-paste"_s,
        u"emblem-downloads"_s,
        u"emblem-ok-symbolic"_s,
        u"go-down"_s,
        u"help-about"_s,
        u"list-add"_s,
        u"list-remove"_s,
        u"media-playback-pause"_s,
        u"media-playback-start"_s,
        u"network-connect"_s,
        u"preferences-system"_s,
        u"process-stop"_s,
        u"view-refresh"_s,
        u"zoom-in"_s,
        u"zoom-out"_s,
};

const QList<int> bundledSizes = {16, 22, 24, 32, 48};

QString bundledFile(const QString &name, int size)
{
    return u":/icons/hicolor/%1x%1/actions/%2.png"_s.arg(size).arg(name);
}

QImage comparable(const QImage &image)
{
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

QImage bundledImage(const QString &name, int size)
{
    return comparable(QImage(bundledFile(name, size)));
}

// Ours: the PNG of that size or, as Qt picks it when the system's hicolor index.theme (Type=
// Threshold, +-2 px) is the one read, a larger one scaled down (24 px for a 22 px request).
bool isBundled(const QImage &image, const QString &name, int size)
{
    if (image == bundledImage(name, size))
        return true;
    for (int larger : bundledSizes) {
        if (larger > size && larger - size <= 2
            && image
                    == bundledImage(name, larger)
                               .scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
            return true;
    }
    return false;
}

QImage themeImage(const QString &name, int size)
{
    return comparable(QIcon::fromTheme(name).pixmap(QSize(size, size)).toImage());
}

// Every icon name in a QIcon::fromTheme(u"..."_s ...) or themeIcon(u"..."_s, ...) call in ui/.
QSet<QString> iconNamesInSources(QString *error)
{
    static const QRegularExpression call(
            uR"re((?:QIcon::fromTheme|themeIcon|bundledIcon)\(\s*(?:u"([^"]+)"_s|QStringLiteral\("([^"]+)"\)))re"_s);
    QSet<QString> names;
    const QDir ui(QStringLiteral(POETRY_UI_SOURCE_DIR));
    const QStringList files = ui.entryList({u"*.cpp"_s, u"*.h"_s}, QDir::Files);
    if (files.isEmpty())
        *error = u"no sources in "_s + ui.path();
    for (const QString &fileName : files) {
        QFile file(ui.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"cannot read "_s + file.fileName();
            continue;
        }
        const QString source = QString::fromUtf8(file.readAll());
        for (auto it = call.globalMatch(source); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            names.insert(match.captured(1).isEmpty() ? match.captured(2) : match.captured(1));
        }
    }
    return names;
}

// An installed icon theme as Qt 6.4's QIconLoader reads it: the folders its index.theme lists,
// the icon names (file names less .png, or .svg when Qt can draw SVG) in them, and its parents.
struct InstalledTheme
{
    QString name;
    QSet<QString> icons;
    QStringList parents;
};

InstalledTheme readTheme(const QString &root, const QString &name)
{
    InstalledTheme theme{name, {}, {}};
    const QString dir = root + u'/' + name;
    const QSettings index(dir + u"/index.theme"_s, QSettings::IniFormat);
    const bool svg = QImageReader::supportedImageFormats().contains("svg");
    const QStringList keys = index.allKeys();
    for (const QString &key : keys) {
        if (!key.endsWith(u"/Size"_s))
            continue;
        const QDir subdir(dir + u'/' + key.chopped(5));
        const QStringList files = subdir.entryList(QDir::Files);
        for (const QString &file : files) {
            if (file.endsWith(u".png"_s) || (svg && file.endsWith(u".svg"_s)))
                theme.icons.insert(file.chopped(4));
        }
    }
    theme.parents = index.value(u"Icon Theme/Inherits"_s).toStringList();
    theme.parents.removeAll(u"hicolor"_s);
    return theme;
}

// The icon themes installed in the system's icon folder that draw action icons (not cursor themes,
// not hicolor itself).
QStringList installedThemes(const QString &root)
{
    QStringList themes;
    const QStringList dirs = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &dir : dirs) {
        if (dir == u"hicolor"_s || dir == u"locolor"_s || dir == u"default"_s)
            continue;
        if (!QFile::exists(root + u'/' + dir + u"/index.theme"_s))
            continue;
        const InstalledTheme theme = readTheme(root, dir);
        if (theme.icons.contains(u"edit-copy"_s) || theme.icons.contains(u"list-add"_s)
            || theme.icons.contains(u"edit-copy-symbolic"_s))
            themes << dir;
    }
    return themes;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void stateIconsKeepTheirContrast_data();
    void stateIconsKeepTheirContrast();

    void namesMatchTheSources();
    void everyNameIsBundledInEverySize_data();
    void everyNameIsBundledInEverySize();
    void bundledIconWhereNoThemeHasIt_data();
    void bundledIconWhereNoThemeHasIt();
    void programsOwnLookupFindsEveryIcon_data();
    void programsOwnLookupFindsEveryIcon();
    void installedThemeWins_data();
    void installedThemeWins();

private:
    QString m_themeName;
    QStringList m_searchPaths;
};

void TestIcons::initTestCase()
{
    // As the program does after making its application object.
    BundledIcons::install();
    QVERIFY2(!QIcon::themeName().isEmpty(), "BundledIcons::install() leaves no icon theme");
    QVERIFY(QIcon::themeSearchPaths().contains(u":/icons"_s));
    m_themeName = QIcon::themeName();
    m_searchPaths = QIcon::themeSearchPaths();
    qInfo("platform icon theme: %s; search paths: %s", qPrintable(m_themeName),
          qPrintable(m_searchPaths.join(u", "_s)));
}

void TestIcons::cleanup()
{
    QIcon::setThemeSearchPaths(m_searchPaths);
    QIcon::setThemeName(m_themeName);
}

void TestIcons::namesMatchTheSources()
{
    QString error;
    const QSet<QString> inSources = iconNamesInSources(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Guards against a change in how ui/ spells the calls making this check vacuous.
    QVERIFY2(inSources.size() >= 10,
             qPrintable(u"only %1 icon names found in ui/"_s.arg(inSources.size())));

    QStringList missing; // used in ui/, not in the list (so not checked to be bundled)
    for (const QString &name : inSources) {
        if (!usedIconNames.contains(name))
            missing << name;
    }
    QStringList stale; // in the list, no longer used
    for (const QString &name : usedIconNames) {
        if (!inSources.contains(name))
            stale << name;
    }
    missing.sort();
    stale.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"ui/ uses icons this test does not know; add them to usedIconNames and "
                        u"draw them in resources/icons/actions-src/: "_s
                        + missing.join(u", "_s)));
    // Not a failure: an icon the window stopped using (or has not started using yet, while
    // ui/ is being edited) does no harm; it is only dead weight in resources/icons.
    if (!stale.isEmpty())
        qWarning("bundled icons not used in ui/ (remove them here and in resources/icons?): %s",
                 qPrintable(stale.join(u", "_s)));
}

void TestIcons::everyNameIsBundledInEverySize_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : usedIconNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestIcons::everyNameIsBundledInEverySize()
{
    QFETCH(QString, name);
    for (int size : bundledSizes) {
        const QImage image(bundledFile(name, size));
        QVERIFY2(!image.isNull(), qPrintable(bundledFile(name, size) + u" is missing"_s));
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
    }
}

void TestIcons::bundledIconWhereNoThemeHasIt_data()
{
    everyNameIsBundledInEverySize_data();
}

// No desktop theme on the search path: what a machine without an icon theme gets, and what a
// theme lacking the icon falls back to (hicolor, which every theme inherits).
void TestIcons::bundledIconWhereNoThemeHasIt()
{
    QFETCH(QString, name);
    QIcon::setThemeSearchPaths({u":/icons"_s});
    QIcon::setThemeName(u"hicolor"_s);

    const QIcon icon = QIcon::fromTheme(name);
    QVERIFY(!icon.isNull());
    for (int size : bundledSizes) {
        const QImage image = themeImage(name, size);
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY2(image == bundledImage(name, size),
                 qPrintable(u"at %1 px the icon is not "_s.arg(size) + bundledFile(name, size)));
    }
    // The window's own calls give a fallback: it must not be used.
    QVERIFY(QIcon::fromTheme(name, QIcon()).availableSizes().size() >= bundledSizes.size());
}

void TestIcons::programsOwnLookupFindsEveryIcon_data()
{
    everyNameIsBundledInEverySize_data();
}

// The lookup as the program does it on this platform (the theme and search paths that
// BundledIcons::install() left): some icon at 16 and 22 px, never none; ours when the theme is
// only the bundled hicolor.
void TestIcons::programsOwnLookupFindsEveryIcon()
{
    QFETCH(QString, name);
    const QIcon icon = QIcon::fromTheme(name);
    QVERIFY(!icon.isNull());
    for (int size : {16, 22}) {
        const QPixmap pixmap = icon.pixmap(QSize(size, size));
        QVERIFY(!pixmap.isNull());
        QVERIFY(pixmap.width() > 0 && pixmap.width() <= size);
        if (m_themeName == u"hicolor"_s && m_searchPaths == QStringList{u":/icons"_s})
            QVERIFY(themeImage(name, size) == bundledImage(name, size));
    }
}

void TestIcons::installedThemeWins_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("themeHasIt");

    const QString root = u"/usr/share/icons"_s;
    const QStringList themes = installedThemes(root);
    if (themes.isEmpty())
        QSKIP("no icon theme with action icons in /usr/share/icons (e.g. adwaita-icon-theme)");
    for (const QString &themeName : themes) {
        // The theme and the themes it inherits, but not hicolor: the icons that would win.
        QSet<QString> icons;
        QStringList chain{themeName};
        QStringList visited;
        while (!chain.isEmpty()) {
            const QString next = chain.takeFirst();
            if (visited.contains(next) || !QFile::exists(root + u'/' + next + u"/index.theme"_s))
                continue;
            visited << next;
            const InstalledTheme theme = readTheme(root, next);
            icons.unite(theme.icons);
            chain << theme.parents;
        }
        for (const QString &name : usedIconNames) {
            // Qt 6.4 also tries "document-save" for "document-save-as" in the theme before
            // going to hicolor; a name whose shorter forms the theme has is not a clear case.
            bool shorterForm = false;
            for (qsizetype dash = name.lastIndexOf(u'-'); dash > 0;
                 dash = name.lastIndexOf(u'-', dash - 1))
                shorterForm = shorterForm || icons.contains(name.left(dash));
            const bool themeHasIt = icons.contains(name);
            if (!themeHasIt && shorterForm)
                continue;
            QTest::addRow("%s/%s", qPrintable(themeName), qPrintable(name))
                    << root << themeName << name << themeHasIt;
        }
    }
}

// An installed theme, as a desktop would set it: its icons win over ours; ours fill its gaps.
void TestIcons::installedThemeWins()
{
    QFETCH(QString, root);
    QFETCH(QString, theme);
    QFETCH(QString, name);
    QFETCH(bool, themeHasIt);

    QIcon::setThemeSearchPaths({root, u":/icons"_s});
    QIcon::setThemeName(theme);
    const QIcon icon = QIcon::fromTheme(name);
    QVERIFY(!icon.isNull());
    for (int size : {16, 22}) {
        const QImage image = themeImage(name, size);
        QVERIFY(!image.isNull());
        if (themeHasIt) {
            QVERIFY2(!isBundled(image, name, size),
                     qPrintable(u"%1 has %2 but the bundled icon was used at %3 px"_s.arg(
                             theme, name, QString::number(size))));
        } else {
            QVERIFY2(isBundled(image, name, size),
                     qPrintable(u"%1 lacks %2 but the bundled icon was not used at %3 px"_s.arg(
                             theme, name, QString::number(size))));
        }
    }
}

void TestIcons::stateIconsKeepTheirContrast_data()
{
    // The rows a state icon is drawn on: Fusion's light palette and a dark one (Breeze Dark's
    // and Adwaita-dark's colours). Selected rows are not held to it yet: no one colour keeps
    // 3:1 against both highlight blues; that needs the delegate to draw a backing.
    QTest::addColumn<QColor>("row");
    QTest::newRow("light") << QColor(0xff, 0xff, 0xff);
    QTest::newRow("light, alternate") << QColor(0xf7, 0xf7, 0xf7);
    QTest::newRow("dark") << QColor(0x2d, 0x2d, 0x2d);
    QTest::newRow("dark, alternate") << QColor(0x35, 0x35, 0x35);
}

void TestIcons::stateIconsKeepTheirContrast()
{
    // Issue 12, item 7: with a dark desktop theme the Done check mark was dark grey on dark.
    // Each state icon must have a part covering at least a fifth of its opaque pixels with a
    // contrast of at least 3:1 against the row (WCAG's figure for graphics).
    QFETCH(QColor, row);
    for (int s = 0; s <= int(RequestState::Cancelled); ++s) {
        const auto state = RequestState(s);
        const QImage image
                = DisplayFormat::stateIcon(state).pixmap(16, 16).toImage().convertToFormat(
                        QImage::Format_ARGB32);
        QVERIFY2(!image.isNull(), qPrintable(DisplayFormat::stateName(state)));
        int opaque = 0;
        int contrasting = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.alpha() < 200)
                    continue;
                ++opaque;
                if (PhaseTimeline::contrastRatio(pixel, row) >= 3.0)
                    ++contrasting;
            }
        }
        QVERIFY2(opaque > 0 && contrasting * 5 >= opaque,
                 qPrintable(u"%1: %2 of %3 opaque pixels contrast 3:1 with %4"_s
                                    .arg(DisplayFormat::stateName(state))
                                    .arg(contrasting)
                                    .arg(opaque)
                                    .arg(row.name())));
    }
}

QTEST_MAIN(TestIcons)

#include "tst_gui_icons.moc"
