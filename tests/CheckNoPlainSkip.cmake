# cmake -DTESTS_DIR=<tests/> -P CheckNoPlainSkip.cmake
cmake_minimum_required(VERSION 3.25)
# Fails when a test skips with a bare QSKIP: tests skip through KEYCARD_SKIP
# (support/TestSkip.h), which is a failure under CI=true, or KEYCARD_REQUIRE_KEYCHAIN.
file(GLOB_RECURSE sources "${TESTS_DIR}/*.cpp" "${TESTS_DIR}/*.h")
set(allowed "support/TestSkip.h" "profiles/KeychainProbe.h")
set(offenders "")
foreach(source IN LISTS sources)
    file(RELATIVE_PATH relative "${TESTS_DIR}" "${source}")
    if(relative IN_LIST allowed)
        continue()
    endif()
    file(STRINGS "${source}" lines REGEX "QSKIP[ \t]*\\(")
    if(lines)
        list(APPEND offenders "${relative}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " text)
    message(FATAL_ERROR "Bare QSKIP (it passes under CI=true; use KEYCARD_SKIP from "
                        "tests/support/TestSkip.h) in:\n  ${text}")
endif()
list(LENGTH sources count)
message(STATUS "No bare QSKIP in ${count} test sources")
