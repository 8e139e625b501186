# The Debian package: `cpack -G DEB` in a build folder (scripts/package) makes
# hexmap_<version>_<arch>.deb of what `cmake --install` puts under /usr, with the
# copyright, changelog and manual page Debian asks for. Depends comes from
# dpkg-shlibdeps (dpkg-dev): the Qt, RE2, xxHash, libb2… runtime packages the binary links.
install(FILES resources/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The changelog and the manual page, compressed as Debian wants them (gzip -9n: no name
# or time in the header, so the same bytes every build).
foreach(name changelog hexmap.1)
    set(gz ${PROJECT_BINARY_DIR}/${name}.gz)
    add_custom_command(OUTPUT ${gz}
                       COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/resources/debian/${name} > ${gz}
                       DEPENDS resources/debian/${name})
    list(APPEND compressed ${gz})
endforeach()
add_custom_target(hexmap_compressed_docs ALL DEPENDS ${compressed})
install(FILES ${PROJECT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_BINARY_DIR}/hexmap.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hexmap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "hexmap developers <hexmap@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "hex viewer and editor built on memory mapping")
# The package's extended description, under the summary.
set(CPACK_PACKAGE_DESCRIPTION "hexmap shows, searches and patches the bytes of files of any size. Opening a
file maps it into memory, so a 64 GiB disk image opens as fast as a small
file, and the map's own operations (find, resize, memory advice, flush to
disk) are what it offers. Files open in place, copy-on-write or read-only; a
file truncated by another program never crashes it.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/hexmap/hexmap")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
