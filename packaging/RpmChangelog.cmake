# keycard_rpm_changelog(DEBIAN_CHANGELOG MAINTAINER RELEASE OUTPUT): writes the %changelog of the
# RPM from packaging/changelog, so both formats come from one file. Each Debian entry
#   keycard-admin (0.1.0) unstable; urgency=medium
#     * Text, continued
#       on the next line.
#    -- Name <address>  Sat, 28 Nov 2026 00:00:00 +0000
# becomes
#   * Sat Nov 28 2026 MAINTAINER - 0.1.0-RELEASE
#   - Text, continued on the next line.
# The trailer's name and address are the configured maintainer (packaging/changelog has
# @KEYCARD_PACKAGE_MAINTAINER@ there).
function(keycard_rpm_changelog debian_changelog maintainer release output)
    file(STRINGS "${debian_changelog}" lines)
    set(out "")
    set(items "")
    set(item "")
    set(version "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[a-z0-9.+-]+ \\(([^)]+)\\) ")
            set(version "${CMAKE_MATCH_1}")
        elseif(line MATCHES "^  \\* (.*)$")
            if(item)
                string(APPEND items "- ${item}\n")
            endif()
            set(item "${CMAKE_MATCH_1}")
        elseif(line MATCHES "^    +(.*)$")
            string(APPEND item " ${CMAKE_MATCH_1}")
        elseif(line MATCHES "^ -- .*  ([A-Za-z]+), ([0-9]+) ([A-Za-z]+) ([0-9]+) ")
            if(item)
                string(APPEND items "- ${item}\n")
            endif()
            set(weekday "${CMAKE_MATCH_1}")
            set(day "${CMAKE_MATCH_2}")
            set(month "${CMAKE_MATCH_3}")
            set(year "${CMAKE_MATCH_4}")
            math(EXPR day "${day}") # no leading zero
            string(APPEND out "* ${weekday} ${month} ${day} ${year} "
                "${maintainer} - ${version}-${release}\n${items}\n")
            set(items "")
            set(item "")
        endif()
    endforeach()
    string(STRIP "${out}" out)
    file(WRITE "${output}" "${out}\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${debian_changelog}")
endfunction()
