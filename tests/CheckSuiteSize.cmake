# cmake -DCTEST=<ctest> -DBUILD_DIR=<build dir> -P CheckSuiteSize.cmake
# The suite cannot shrink silently: counts the tests ctest has registered and the QtTest
# functions of every test labelled `qtest` (each executable asked with -functions), and fails
# when either is below the minimum in suite-size.cmake. Other helpers add tests in parallel:
# the check is a floor, not an exact count; raise the floor when the suite grows.
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/suite-size.cmake")
set(ENV{QT_QPA_PLATFORM} offscreen) # GUI tests list their functions without a display

execute_process(COMMAND "${CTEST}" -N --show-only=json-v1
    WORKING_DIRECTORY "${BUILD_DIR}" OUTPUT_VARIABLE listing RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "ctest -N failed (${status})")
endif()
string(JSON test_count LENGTH "${listing}" tests)
set(function_count 0)
set(empty "")
math(EXPR last "${test_count} - 1")
foreach(i RANGE ${last})
    string(JSON name GET "${listing}" tests ${i} name)
    string(JSON property_count ERROR_VARIABLE no_properties LENGTH "${listing}" tests ${i}
           properties)
    set(is_qtest FALSE)
    if(NOT no_properties AND property_count GREATER 0)
        math(EXPR plast "${property_count} - 1")
        foreach(p RANGE ${plast})
            string(JSON pname GET "${listing}" tests ${i} properties ${p} name)
            if(pname STREQUAL "LABELS")
                string(JSON labels GET "${listing}" tests ${i} properties ${p} value)
                if(labels MATCHES "qtest")
                    set(is_qtest TRUE)
                endif()
            endif()
        endforeach()
    endif()
    if(NOT is_qtest)
        continue()
    endif()
    # The test executable: the last word of the command (run-with-keyring.sh takes it last).
    string(JSON words LENGTH "${listing}" tests ${i} command)
    math(EXPR wlast "${words} - 1")
    string(JSON executable GET "${listing}" tests ${i} command ${wlast})
    execute_process(COMMAND "${executable}" -functions
        OUTPUT_VARIABLE functions RESULT_VARIABLE fstatus ERROR_QUIET TIMEOUT 60)
    if(NOT fstatus EQUAL 0)
        message(FATAL_ERROR "${name}: ${executable} -functions failed (${fstatus})")
    endif()
    string(REGEX MATCHALL "[A-Za-z_][A-Za-z0-9_]*\\(\\)" listed "${functions}")
    list(LENGTH listed n)
    if(n EQUAL 0)
        list(APPEND empty "${name}")
    endif()
    math(EXPR function_count "${function_count} + ${n}")
endforeach()

message(STATUS "${test_count} tests registered (minimum ${KEYCARD_MIN_TESTS}), "
               "${function_count} test functions (minimum ${KEYCARD_MIN_TEST_FUNCTIONS})")
if(empty)
    message(FATAL_ERROR "QtTest executables without a single test function: ${empty}")
endif()
if(test_count LESS KEYCARD_MIN_TESTS)
    message(FATAL_ERROR "Only ${test_count} tests are registered, fewer than the "
                        "${KEYCARD_MIN_TESTS} of tests/suite-size.cmake: a test was dropped")
endif()
if(function_count LESS KEYCARD_MIN_TEST_FUNCTIONS)
    message(FATAL_ERROR "Only ${function_count} test functions, fewer than the "
                        "${KEYCARD_MIN_TEST_FUNCTIONS} of tests/suite-size.cmake: tests were dropped")
endif()
