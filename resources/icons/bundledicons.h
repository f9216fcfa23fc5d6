#pragma once

// The icons built into the program (resources/icons): the application icon and the action icons
// as a hicolor icon theme in Qt's resources, ":/icons/hicolor".
namespace BundledIcons {

// Makes QIcon::fromTheme() find the bundled icons on every platform. Where the platform names an
// icon theme (a Linux desktop, or hicolor on plain X11 and Wayland) nothing changes: that theme's
// icons win, and ours are found through hicolor, which every theme inherits. Where it names none
// (the offscreen platform, Windows, macOS) Qt 6.4 looks in no theme at all, so the bundled
// hicolor becomes the theme. Call after the application object exists and before any icon is
// made.
void install();

} // namespace BundledIcons
