#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

QStringList languages()
{
    return {u"en"_s, u"ja"_s, u"ko"_s};
}

bool isSupported(const QString &language)
{
    return languages().contains(language);
}

QString systemLanguage()
{
    // uiLanguages() lists the user's preferences in order ("ja-JP", "ja", "en-US", …).
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString language = QLocale(name).name().section(u'_', 0, 0);
        if (isSupported(language))
            return language;
    }
    return u"en"_s;
}

bool install(const QString &language)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    // Translators of an earlier call: the application owns them, and only one language at a time.
    for (QTranslator *old :
         app->findChildren<QTranslator *>(u"poetryTranslator"_s, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (!isSupported(language))
        return false;

    // Numbers, sizes and dates in the language too when it is not the system's choice (--lang):
    // otherwise the system's conventions stay (en_GB is not en_US, and a German desktop that gets
    // English messages keeps its German dates).
    if (language != systemLanguage())
        QLocale::setDefault(QLocale(language));
    const auto load = [app](const QString &fileName, const QString &directory) {
        auto *translator = new QTranslator(app);
        translator->setObjectName(u"poetryTranslator"_s);
        if (!translator->load(fileName, directory)
            || !QCoreApplication::installTranslator(translator)) {
            delete translator;
            return false;
        }
        return true;
    };
    // Qt's own first: the program's translator, installed last, is asked first.
    if (language != u"en")
        load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return load(u"poetryreader_"_s + language, u":/i18n"_s);
}

} // namespace Translations
