#include "screenfit.h"

#include <QScreen>
#include <QWidget>

#include <algorithm>

void ScreenFit::fit(QWidget *window)
{
    // A size saved on another screen, or at another scale (1180×760 at QT_SCALE_FACTOR=2 is
    // 2360×1520), must not make a window larger than the screen or place it off it.
    const QScreen *screen = window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size = window->size().boundedTo(available.size());
    if (size != window->size())
        window->resize(size);
    const QRect frame = window->frameGeometry();
    if (!available.contains(frame)) {
        const int x = std::clamp(frame.x(), available.left(),
                                 std::max(available.left(), available.right() - frame.width() + 1));
        const int y
                = std::clamp(frame.y(), available.top(),
                             std::max(available.top(), available.bottom() - frame.height() + 1));
        window->move(x, y);
    }
}
