# Included by the top-level CMakeLists.txt before project(): debian/changelog is the one source of
# the version and the release date. Its newest entry
#   keycard-admin (0.1.0-1) unstable; urgency=medium
#   ...
#    -- Name <address>  Sat, 28 Nov 2026 00:00:00 +0000
# gives
#   KEYCARD_CHANGELOG_VERSION    0.1.0-1      (the Debian version, without a build's ~debNNuN stamp)
#   KEYCARD_UPSTREAM_VERSION     0.1.0        (project(VERSION), --version, man pages, RPM Version)
#   KEYCARD_DEBIAN_REVISION      1            (also the RPM Release's first part)
#   KEYCARD_RELEASE_DATE         2026-11-28   (man pages; the metainfo's <release> is checked)
#   KEYCARD_SOURCE_DATE_EPOCH    1795824000   (every time stamp in the packages and in rcc's output)
#   KEYCARD_CHANGELOG_MAINTAINER "Name <address>"
# SOURCE_DATE_EPOCH is the entry's date and nothing else (no git, no environment), so it is the
# same with or without .git; CMake configures again whenever debian/changelog changes, so it is
# never stale. dpkg-buildpackage exports the same value from the same line.
set(KEYCARD_DEBIAN_CHANGELOG "${CMAKE_CURRENT_LIST_DIR}/../debian/changelog")
get_filename_component(KEYCARD_DEBIAN_CHANGELOG "${KEYCARD_DEBIAN_CHANGELOG}" ABSOLUTE)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${KEYCARD_DEBIAN_CHANGELOG}")

file(STRINGS "${KEYCARD_DEBIAN_CHANGELOG}" keycard_changelog_head LIMIT_COUNT 1)
if(NOT keycard_changelog_head MATCHES "^keycard-admin \\(([0-9]+:)?(([0-9]+\\.[0-9]+\\.[0-9]+)(-([0-9A-Za-z.+]+))?)(~[^)]*)?\\) ")
    message(FATAL_ERROR "debian/changelog: the first line '${keycard_changelog_head}' is not "
        "'keycard-admin (MAJOR.MINOR.PATCH-REVISION) ...'")
endif()
set(KEYCARD_CHANGELOG_VERSION "${CMAKE_MATCH_2}")
set(KEYCARD_UPSTREAM_VERSION "${CMAKE_MATCH_3}")
set(KEYCARD_DEBIAN_REVISION "${CMAKE_MATCH_5}")
if(KEYCARD_DEBIAN_REVISION STREQUAL "")
    set(KEYCARD_DEBIAN_REVISION 1)
endif()

file(STRINGS "${KEYCARD_DEBIAN_CHANGELOG}" keycard_changelog_trailers REGEX "^ -- ")
list(GET keycard_changelog_trailers 0 keycard_changelog_trailer)
if(NOT keycard_changelog_trailer MATCHES "^ -- (.+ <[^>]+>)  [A-Za-z]+, ([0-9]+) ([A-Za-z]+) ([0-9]+) ([0-9]+):([0-9]+):([0-9]+) \\+0000$")
    message(FATAL_ERROR "debian/changelog: the first trailer '${keycard_changelog_trailer}' is not "
        "' -- Name <address>  Day, DD Mon YYYY HH:MM:SS +0000' (UTC)")
endif()
set(KEYCARD_CHANGELOG_MAINTAINER "${CMAKE_MATCH_1}")
set(d "${CMAKE_MATCH_2}")
set(mon "${CMAKE_MATCH_3}")
set(y "${CMAKE_MATCH_4}")
set(hh "${CMAKE_MATCH_5}")
set(mm "${CMAKE_MATCH_6}")
set(ss "${CMAKE_MATCH_7}")
set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(FIND months "${mon}" m)
if(m LESS 0)
    message(FATAL_ERROR "debian/changelog: unknown month '${mon}'")
endif()
math(EXPR m "${m} + 1")
math(EXPR d "${d}")
string(REGEX REPLACE "^0+([0-9])" "\\1" hh "${hh}")
string(REGEX REPLACE "^0+([0-9])" "\\1" mm "${mm}")
string(REGEX REPLACE "^0+([0-9])" "\\1" ss "${ss}")
if(m LESS 10)
    set(KEYCARD_RELEASE_DATE "${y}-0${m}")
else()
    set(KEYCARD_RELEASE_DATE "${y}-${m}")
endif()
if(d LESS 10)
    string(APPEND KEYCARD_RELEASE_DATE "-0${d}")
else()
    string(APPEND KEYCARD_RELEASE_DATE "-${d}")
endif()
# Days from civil (Howard Hinnant's algorithm); CMake cannot parse dates.
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
if(DEFINED ENV{SOURCE_DATE_EPOCH} AND NOT "$ENV{SOURCE_DATE_EPOCH}" STREQUAL ""
        AND NOT "$ENV{SOURCE_DATE_EPOCH}" STREQUAL "${KEYCARD_SOURCE_DATE_EPOCH}")
    message(STATUS "SOURCE_DATE_EPOCH=$ENV{SOURCE_DATE_EPOCH} in the environment is not "
        "debian/changelog's; the build uses debian/changelog's")
endif()
message(STATUS "debian/changelog: version ${KEYCARD_CHANGELOG_VERSION}, released "
    "${KEYCARD_RELEASE_DATE}, SOURCE_DATE_EPOCH=${KEYCARD_SOURCE_DATE_EPOCH}")
