#pragma once

#include <QString>
#include <QStringList>

// The program's languages: English (the source language), Korean and Japanese, built into the
// program (translations/, ":/i18n/poetryreader_<language>.qm"), with Qt's own translations of its
// standard dialogs and buttons (qtbase_<language>.qm) from Qt's translations directory.
namespace Translations {

// "en", "ja", "ko": what --lang accepts.
QStringList languages();
bool isSupported(const QString &language);

// The first of the system's preferred UI languages that the program speaks; "en" otherwise.
QString systemLanguage();

// Installs the translators for the language on the application (replacing any installed before)
// and, if it is not the system's own, makes it the default locale for numbers and dates. Call after
// the application object exists and before any window is made. Returns false if the language is not
// supported (the translators are then only removed: the program speaks English) or its translation
// could not be loaded.
bool install(const QString &language);

} // namespace Translations
