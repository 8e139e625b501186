cmake_minimum_required(VERSION 3.25)
# Fails when a source file includes a header its layer may not see (DESIGN.md):
#   core/         C++ and POSIX only: no Qt, nothing of ui/
#   ui/text/      core and ui/text; Qt Core only
#   ui/document/  core, ui/text, ui/document; no Qt Widgets header
#   ui/dialogs/   anything but ui/widgets: dialogs are forms over the document layer
#   ui/widgets/   anything
# QT_INCLUDE_ROOT is the folder that holds QtCore/, QtGui/, QtWidgets/.
set(layers core ui/text ui/document ui/dialogs ui/widgets)
set(allowed_core core)
set(allowed_ui/text core ui/text)
set(allowed_ui/document core ui/text ui/document)
set(allowed_ui/dialogs core ui/text ui/document ui/dialogs)
set(allowed_ui/widgets core ui/text ui/document ui/dialogs ui/widgets)
set(qt_ui/text QtCore)
set(qt_ui/document QtCore QtGui QtConcurrent)
# Dialogs that still reach into a widget, each with the reason; the list only shrinks.
set(exceptions
    # Find and Replace selects matches through the view until SearchSession and Editor
    # own the selection.
    ui/dialogs/finddialog.cpp
)

set(failures "")
foreach(layer IN LISTS layers)
    file(GLOB files "${SOURCE_DIR}/${layer}/*.cpp" "${SOURCE_DIR}/${layer}/*.h")
    foreach(file IN LISTS files)
        file(RELATIVE_PATH name "${SOURCE_DIR}" "${file}")
        file(STRINGS "${file}" includes REGEX "^#include ")
        foreach(line IN LISTS includes)
            if(line MATCHES "^#include \"([^\"]+)\"")
                set(header "${CMAKE_MATCH_1}")
                set(home "")
                foreach(other IN LISTS layers)
                    if(EXISTS "${SOURCE_DIR}/${other}/${header}")
                        set(home "${other}")
                    endif()
                endforeach()
                if(home AND NOT home IN_LIST allowed_${layer} AND NOT name IN_LIST exceptions)
                    list(APPEND failures "${name} includes ${header} from ${home}/")
                endif()
            elseif(line MATCHES "^#include <(Qt[A-Za-z]+/)?(Q[A-Za-z]+)>")
                set(header "${CMAKE_MATCH_2}")
                if(layer STREQUAL "core")
                    list(APPEND failures "${name} includes the Qt header ${header}")
                elseif(DEFINED qt_${layer})
                    set(found FALSE)
                    foreach(module IN LISTS qt_${layer})
                        if(EXISTS "${QT_INCLUDE_ROOT}/${module}/${header}")
                            set(found TRUE)
                        endif()
                    endforeach()
                    if(NOT found)
                        list(APPEND failures "${name} includes ${header}, which is not in ${qt_${layer}}")
                    endif()
                endif()
            endif()
        endforeach()
    endforeach()
endforeach()
if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "includes that cross the layers:\n  ${text}")
endif()
message(STATUS "every include stays in its layer")
