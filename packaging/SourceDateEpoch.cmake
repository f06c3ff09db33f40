# Included by the top-level CMakeLists.txt: sets KEYCARD_SOURCE_DATE_EPOCH, the time stamp of
# every file in the packages and of the compiled-in resources (rcc), for reproducible builds.
# Taken, in this order, from the environment at configure time, the commit being built (git), or
# the newest entry of packaging/changelog (a source archive without .git). cpack gets it through
# CPackProjectConfig.cmake, rcc through RULE_LAUNCH_CUSTOM (top-level CMakeLists.txt).
if(DEFINED ENV{SOURCE_DATE_EPOCH} AND NOT "$ENV{SOURCE_DATE_EPOCH}" STREQUAL "")
    set(KEYCARD_SOURCE_DATE_EPOCH "$ENV{SOURCE_DATE_EPOCH}")
else()
    find_package(Git QUIET)
    if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
        execute_process(COMMAND "${GIT_EXECUTABLE}" log -1 --format=%ct
            WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
            OUTPUT_VARIABLE KEYCARD_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
            RESULT_VARIABLE git_status ERROR_QUIET)
        if(NOT git_status EQUAL 0)
            set(KEYCARD_SOURCE_DATE_EPOCH "")
        endif()
    endif()
    if(NOT KEYCARD_SOURCE_DATE_EPOCH)
        file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/changelog" changelog_dates REGEX "^ -- ")
        list(GET changelog_dates 0 changelog_date)
        string(REGEX REPLACE ".*  [A-Za-z]+, ([0-9]+) ([A-Za-z]+) ([0-9]+) ([0-9:]+) .*" "\\3 \\2 \\1 \\4"
            changelog_date "${changelog_date}")
        # CMake cannot parse dates; count the days (the changelog's trailer is UTC).
        string(REGEX MATCHALL "[^ :]+" parts "${changelog_date}")
        list(GET parts 0 y)
        list(GET parts 1 mon)
        list(GET parts 2 d)
        list(GET parts 3 hh)
        list(GET parts 4 mm)
        list(GET parts 5 ss)
        set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
        list(FIND months "${mon}" m)
        math(EXPR m "${m} + 1")
        # Days from civil (Howard Hinnant's algorithm).
        if(m LESS_EQUAL 2)
            math(EXPR y "${y} - 1")
        endif()
        math(EXPR era "${y} / 400")
        math(EXPR yoe "${y} - ${era} * 400")
        if(m GREATER 2)
            math(EXPR mp "${m} - 3")
        else()
            math(EXPR mp "${m} + 9")
        endif()
        math(EXPR doy "(153 * ${mp} + 2) / 5 + ${d} - 1")
        math(EXPR doe "${yoe} * 365 + ${yoe} / 4 - ${yoe} / 100 + ${doy}")
        math(EXPR days "${era} * 146097 + ${doe} - 719468")
        math(EXPR KEYCARD_SOURCE_DATE_EPOCH "${days} * 86400 + ${hh} * 3600 + ${mm} * 60 + ${ss}")
    endif()
endif()
message(STATUS "SOURCE_DATE_EPOCH=${KEYCARD_SOURCE_DATE_EPOCH}")
