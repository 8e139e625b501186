# Fails when a source file differs from what clang-format (with the project's
# .clang-format) would make of it.
file(GLOB_RECURSE sources "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/ui/*.cpp"
     "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/tests/*.cpp"
     "${SOURCE_DIR}/tests/*.h")
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${sources} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "clang-format would change the files above: run clang-format -i on them")
endif()
list(LENGTH sources count)
message(STATUS "${count} files formatted")
