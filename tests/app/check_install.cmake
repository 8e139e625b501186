# Installs the build into PREFIX and checks that every file landed where it should.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(path bin/hexmap share/applications/hexmap.desktop share/icons/hicolor/scalable/apps/hexmap.svg
             share/metainfo/io.github.hexmap.metainfo.xml share/hexmap/translations/hexmap_de.qm)
    if(NOT EXISTS "${PREFIX}/${path}")
        message(FATAL_ERROR "not installed: ${path}")
    endif()
    message(STATUS "installed: ${path}")
endforeach()
