#include "bundledicons.h"

#include <QIcon>

using namespace Qt::StringLiterals;

namespace BundledIcons {

void install()
{
    // Qt 6.4's QIconLoader::loadIcon() searches QIcon::themeName() and the themes it inherits,
    // and nothing when the name is empty: not hicolor, not QIcon::fallbackThemeName() (Qt 6.5
    // added that step). Setting a theme only when there is none leaves the desktop's own theme,
    // and its platform icon engine, untouched.
    if (QIcon::themeName().isEmpty())
        QIcon::setThemeName(u"hicolor"_s);
}

} // namespace BundledIcons
