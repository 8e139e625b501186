# hexmap_add_test(NAME SOURCES... LIBRARIES... [BENCH])
# Builds one QTest executable and registers it with CTest. GUI tests need no
# display: every test runs on the offscreen platform. BENCH labels the test
# "bench" so the default presets leave it out.
function(hexmap_add_test name)
    cmake_parse_arguments(ARG "BENCH" "" "SOURCES;LIBRARIES" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
    if(ARG_BENCH)
        set_tests_properties(${name} PROPERTIES LABELS bench RUN_SERIAL TRUE)
    endif()
endfunction()
