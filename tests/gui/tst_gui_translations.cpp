// The translations: the real window, started offscreen in Korean and in Japanese as main() does,
// speaks the language of its .ts file (title, menus, main actions) with Qt's own buttons
// translated too; English gets its plural forms; and lupdate, run over the sources into a copy of
// each committed .ts file, finds nothing new and nothing unfinished: no user-visible string is
// missing a translation.

#include "downloadmodel.h"
#include "downloadspanel.h"
#include "failure.h"
#include "failurepane.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "poetryserver.h"
#include "serverlistmodel.h"
#include "translations.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// One <message> of a .ts file.
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one, or one per plural form

    QString key() const
    {
        return context + u'\x1f' + source + u'\x1f' + comment + (numerus ? u"\x1fn" : u"");
    }
};

struct TsFile
{
    QString language;
    QList<Message> messages;
    QString error;

    std::optional<Message> find(const QString &context, const QString &source) const
    {
        for (const Message &message : messages) {
            if (message.context == context && message.source == source)
                return message;
        }
        return std::nullopt;
    }
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = path + u": "_s + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            message.unfinished = type == u"unfinished";
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations.append(xml.readElementText());
            }
            // Obsolete and vanished entries are gone with -no-obsolete; a message ends here.
            ts.messages.append(message);
        }
    }
    if (xml.hasError())
        ts.error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QString committedTs(const QString &language)
{
    return QDir(QStringLiteral(POETRY_TS_DIR)).filePath(u"poetryreader_%1.ts"_s.arg(language));
}

QString withoutMnemonic(QString text)
{
    return text.remove(u'&');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void languages();
    void windowSpeaksTheLanguage_data();
    void windowSpeaksTheLanguage();
    void failurePaneSpeaksTheLanguage_data();
    void failurePaneSpeaksTheLanguage();
    void englishPluralForms();
    void translatedMessageKeepsItsFullStop();
    void tsFilesAreComplete_data();
    void tsFilesAreComplete();

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestTranslations::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
}

void TestTranslations::cleanup()
{
    // Back to the source language and the system's locale for the next test.
    Translations::install(QString());
    QLocale::setDefault(QLocale::system());
}

void TestTranslations::languages()
{
    QCOMPARE(Translations::languages(), (QStringList{u"en"_s, u"ja"_s, u"ko"_s}));
    QVERIFY(Translations::isSupported(u"ko"_s));
    QVERIFY(Translations::isSupported(u"ja"_s));
    QVERIFY(Translations::isSupported(u"en"_s));
    QVERIFY(!Translations::isSupported(u"xx"_s));
    QVERIFY(!Translations::isSupported(u"ko_KR"_s));
    QVERIFY(!Translations::isSupported(QString()));
    QVERIFY(Translations::isSupported(Translations::systemLanguage()));
    QVERIFY(!Translations::install(u"xx"_s));
}

void TestTranslations::windowSpeaksTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Korean") << u"ko"_s;
    QTest::newRow("Japanese") << u"ja"_s;
}

void TestTranslations::windowSpeaksTheLanguage()
{
    QFETCH(QString, language);
    const TsFile ts = readTs(committedTs(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, language);

    QVERIFY(Translations::install(language)); // as main() does, before the window exists
    QCOMPARE(QLocale().language(), QLocale(language).language());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // What the window shows must be what the .ts file says, and not the English.
    const auto expect
            = [&ts](const QString &context, const QString &english, const QString &shown) {
                  const std::optional<Message> message = ts.find(context, english);
                  if (!message)
                      return u"“%1” (%2) is not in the .ts file"_s.arg(english, context);
                  if (message->translations.value(0).isEmpty())
                      return u"“%1” (%2) has no translation"_s.arg(english, context);
                  if (shown == english)
                      return u"“%1” is shown untranslated"_s.arg(english);
                  if (shown != message->translations.value(0))
                      return u"“%1” is shown as “%2”, not as “%3”"_s.arg(
                              english, shown, message->translations.value(0));
                  return QString();
              };
    const auto check = [&](const QString &context, const QString &english, const QString &shown) {
        const QString problem = expect(context, english, shown);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    };

    check(u"MainWindow"_s, u"Poetry Reader"_s, window.windowTitle());

    const QStringList menus{u"&Servers"_s, u"&Downloads"_s, u"&View"_s, u"S&ettings"_s, u"&Help"_s};
    const QList<QAction *> menuActions = window.menuBar()->actions();
    QCOMPARE(menuActions.size(), menus.size());
    for (qsizetype i = 0; i < menus.size(); ++i) {
        check(u"WindowActions"_s, menus.at(i), menuActions.at(i)->text());
        QVERIFY(menuActions.at(i)->menu());
        QVERIFY(!menuActions.at(i)->menu()->actions().isEmpty());
    }

    const QList<std::pair<QString, QString>> actions{
            {u"fetchAction"_s, u"&Fetch"_s},        {u"fetchAllAction"_s, u"Fetch &All"_s},
            {u"cancelAction"_s, u"&Cancel"_s},      {u"cancelAllAction"_s, u"Cancel A&ll"_s},
            {u"retryAction"_s, u"&Retry"_s},        {u"addServerAction"_s, u"&Add Server…"_s},
            {u"settingsAction"_s, u"&Settings…"_s}, {u"quitAction"_s, u"&Quit"_s},
    };
    for (const auto &[objectName, english] : actions) {
        const auto *action = window.findChild<QAction *>(objectName);
        QVERIFY2(action, qPrintable(objectName));
        check(u"WindowActions"_s, english, action->text());
        // The mnemonic survives translation: the keyboard still reaches every menu entry.
        QVERIFY2(action->text().contains(u'&'), qPrintable(action->text()));
    }

    // Views' headers and the status bar's counts come from the models and the window.
    check(u"DownloadModel"_s, u"Server"_s,
          window.downloadModel()->headerData(0, Qt::Horizontal).toString());
    const auto *counts = window.findChild<QLabel *>(u"counts"_s);
    QVERIFY(counts);
    QVERIFY2(!counts->text().contains(u"active"), qPrintable(counts->text()));

    // Qt's own translations: a standard button is not in English.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Save);
    const QString cancel = withoutMnemonic(buttons.button(QDialogButtonBox::Cancel)->text());
    const QString save = withoutMnemonic(buttons.button(QDialogButtonBox::Save)->text());
    QVERIFY2(cancel != u"Cancel" && !cancel.isEmpty(), qPrintable(cancel));
    QVERIFY2(save != u"Save" && !save.isEmpty(), qPrintable(save));
}

void TestTranslations::failurePaneSpeaksTheLanguage_data()
{
    windowSpeaksTheLanguage_data();
}

void TestTranslations::failurePaneSpeaksTheLanguage()
{
    // Issue 12, items 8 and 9: the traceback in the user's language (its header, the unit of
    // the step times, the message; the type name stays), wrapped, and opening with what the
    // user did.
    QFETCH(QString, language);
    const TsFile ts = readTs(committedTs(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    const auto translation = [&ts](const char *context, const char *english) {
        const std::optional<Message> message
                = ts.find(QString::fromLatin1(context), QString::fromUtf8(english));
        return message ? message->translations.value(0) : QString();
    };
    PoetryServer::Options options;
    options.fault = PoetryServer::Fault::Refuse;
    PoetryServer server(options);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    QSettings().clear(); // no servers from the row before
    QVERIFY(Translations::install(language));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.serverModel()->addServer(u"door"_s, server.address().toString());
    window.fetchAll(); // as Fetch All does
    QTRY_COMPARE_WITH_TIMEOUT(window.downloadModel()->failedCount(), 1, 20'000);
    window.downloadsPanel()->showRow(0);
    QPlainTextEdit *view = window.downloadsPanel()->failurePane()->tracebackView();
    QVERIFY(view->isVisible());
    const QString traceback = view->toPlainText();

    const QString header = translation("FailurePane", "Traceback (most recent call last):");
    QVERIFY(!header.isEmpty());
    QVERIFY2(traceback.startsWith(header + u'\n'), qPrintable(traceback));
    const QStringList lines = traceback.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 4);
    // What the user did, before where the request was made (which stays: it is the traceback).
    const QString fetchAll = translation("MainWindow", "Fetch All");
    QCOMPARE(lines.at(1).trimmed(), translation("RequestTrace", "user action: %1").arg(fetchAll));
    QVERIFY2(lines.at(2).contains(u"MainWindow::fetchServerRows"_s), qPrintable(lines.at(2)));
    // Step times in the language's unit, not "s".
    const QString stepFormat = translation("RequestTrace", "+%1 s  %2");
    QVERIFY(!stepFormat.isEmpty() && !stepFormat.contains(u" s "));
    QVERIFY2(!traceback.contains(QRegularExpression(u"\\+\\d+\\.\\d{3} s "_s)),
             qPrintable(traceback));
    QVERIFY(lines.at(3).trimmed().startsWith(stepFormat.arg(u"0.000"_s, QString()).trimmed()));
    // The stable type name, then the message in the language.
    QVERIFY2(lines.last().startsWith(u"ConnectionRefusedError: "_s), qPrintable(lines.last()));
    const QString message = translation("PoetryProtocol", "Connection was refused by other side");
    QVERIFY(!message.isEmpty());
    QVERIFY2(lines.last().contains(message), qPrintable(lines.last()));

    // Wrapped: no horizontal scroll bar, however narrow the pane.
    QCOMPARE(view->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    window.resize(700, 500);
    QTest::qWait(50);
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
}

void TestTranslations::englishPluralForms()
{
    // Without a translator, the source text; with English, proper plurals.
    QCOMPARE(MainWindow::tr("Added %n server(s).", "", 2), u"Added 2 server(s)."_s);
    QVERIFY(Translations::install(u"en"_s));
    QCOMPARE(MainWindow::tr("Added %n server(s).", "", 1), u"Added 1 server."_s);
    QCOMPARE(MainWindow::tr("Added %n server(s).", "", 2), u"Added 2 servers."_s);
    QCOMPARE(MainWindow::tr("Started %n demo server(s) on this computer.", "", 10),
             u"Started 10 demo servers on this computer."_s);
    // Only plurals: everything else is the source text.
    QCOMPARE(MainWindow::tr("&Fetch"), u"&Fetch"_s);

    const TsFile ts = readTs(committedTs(u"en"_s));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.messages.isEmpty());
    for (const Message &message : ts.messages) {
        QVERIFY2(message.numerus, qPrintable(message.source));
        QCOMPARE(message.translations.size(), 2); // one, other
    }
}

void TestTranslations::translatedMessageKeepsItsFullStop()
{
    // Failure::errorMessage() ends a sentence with a period, unless it has one already.
    QCOMPARE(Failure(Failure::Kind::Timeout, u"タイムアウトしました。"_s).errorMessage(),
             u"タイムアウトしました。"_s);
    QCOMPARE(Failure(Failure::Kind::Timeout, u"시간이 초과되었습니다"_s).errorMessage(),
             u"시간이 초과되었습니다."_s);
}

void TestTranslations::tsFilesAreComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Korean") << u"ko"_s;
    QTest::newRow("Japanese") << u"ja"_s;
    QTest::newRow("English plurals") << u"en"_s;
}

void TestTranslations::tsFilesAreComplete()
{
    QFETCH(QString, language);
    const QString lupdate = QStringLiteral(POETRY_LUPDATE);
    QVERIFY2(QFileInfo(lupdate).isExecutable(), qPrintable(lupdate));

    const TsFile committed = readTs(committedTs(language));
    QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));
    for (const Message &message : committed.messages) {
        QVERIFY2(!message.unfinished, qPrintable(u"unfinished: "_s + message.source));
        QVERIFY2(!message.translations.isEmpty(), qPrintable(message.source));
        for (const QString &translation : message.translations)
            QVERIFY2(!translation.isEmpty(), qPrintable(u"empty: "_s + message.source));
    }

    // What `cmake --build … --target update_translations` would make of it (translations/
    // CMakeLists.txt): the same folders, the same options.
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString copy = directory.filePath(QFileInfo(committedTs(language)).fileName());
    QVERIFY(QFile::copy(committedTs(language), copy));
    const QDir sources(QStringLiteral(POETRY_TRANSLATED_SOURCE_DIR));
    QStringList arguments{sources.filePath(u"app/poetry"_s), sources.filePath(u"app/library"_s),
                          sources.filePath(u"app/poetry-reader"_s), sources.filePath(u"ui"_s)};
    if (language == u"en")
        arguments << u"-pluralonly"_s;
    arguments << u"-no-obsolete"_s << u"-locations"_s << u"none"_s << u"-silent"_s << u"-ts"_s
              << copy;
    QProcess process;
    process.start(lupdate, arguments);
    QVERIFY2(process.waitForFinished(60'000), qPrintable(process.errorString()));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

    const TsFile updated = readTs(copy);
    QVERIFY2(updated.error.isEmpty(), qPrintable(updated.error));
    QSet<QString> known;
    for (const Message &message : committed.messages)
        known.insert(message.key());
    QStringList problems;
    QSet<QString> current;
    for (const Message &message : updated.messages) {
        current.insert(message.key());
        if (!known.contains(message.key()))
            problems.append(u"new in the sources: %1 “%2”"_s.arg(message.context, message.source));
        else if (message.unfinished)
            problems.append(u"unfinished: %1 “%2”"_s.arg(message.context, message.source));
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"translations/poetryreader_%1.ts is out of date; run the "
                        "update_translations target and translate:\n"_s.arg(language)
                        + problems.join(u'\n')));
    // Strings no longer in the sources do no harm, but should go at the next update.
    for (const Message &message : committed.messages) {
        if (!current.contains(message.key()))
            qWarning("no longer in the sources: %s “%s”", qPrintable(message.context),
                     qPrintable(message.source));
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_gui_translations.moc"
