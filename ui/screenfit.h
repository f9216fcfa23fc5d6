#pragma once

class QWidget;

namespace ScreenFit {

// Shrinks and moves a top-level window, if it must, to lie within its screen's available area.
void fit(QWidget *window);

} // namespace ScreenFit
