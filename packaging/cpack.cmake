# CPack settings: a Debian package and a tarball of the installed tree.
#
#   cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DPOETRY_BUILD_TESTS=OFF
#   cmake --build build-package
#   cpack --config build-package/CPackConfig.cmake -B build-package/packages
#
# makes packages/poetry-reader_<version>_<arch>.deb (installed under /usr; its dependencies
# computed from the binaries by dpkg-shlibdeps) and packages/poetry-reader-<version>-Linux.tar.gz
# (bin/, share/: unpack it anywhere). Included from the root CMakeLists.txt, before include(CPack).

set(CPACK_PACKAGE_NAME poetry-reader)
set(CPACK_PACKAGE_VENDOR "The Poetry Reader developers")
set(CPACK_PACKAGE_CONTACT "The Poetry Reader developers <maintainers@poetryreader.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

# Debian. CPack installs the .deb's files under /usr (CPACK_PACKAGING_INSTALL_PREFIX's default
# for DEB), whatever CMAKE_INSTALL_PREFIX the build was configured with.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time too, and needed: QtSql's SQLite driver, the poem library's database
# (dpkg-shlibdeps finds libqt6sql6 itself, not its plugins).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Loaded at run time, so dpkg-shlibdeps cannot see them: the SVG icon engine (the scalable icon,
# themes' SVG action icons) and Qt's own translations of its standard dialogs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, qt6-translations-l10n")
# The synopsis (CPACK_PACKAGE_DESCRIPTION_SUMMARY) becomes the first line; this follows it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"A poetry server writes one poem to every client that connects and closes the
connection. Poetry Reader fetches poems from many such servers at once and
shows every download as it happens: its state, progress, rate and elapsed
time, the poem as it streams in, and for a failed download the kind of
failure, the system's message, the partial poem and a traceback of every step.

This package contains the desktop program, poetry-reader, and two command-line
programs: get-poetry, a client for scripts, and poetry-server, which serves
poems fast, slowly or badly, for demonstrations and tests.")
