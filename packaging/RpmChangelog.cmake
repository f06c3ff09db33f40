# keycard_rpm_changelog(DEBIAN_CHANGELOG RELEASE OUTPUT): writes the %changelog of the RPM from
# debian/changelog, so both formats come from one file. Each Debian entry
#   keycard-admin (0.1.0-1) unstable; urgency=medium
#     * Text, continued
#       on the next line.
#    -- Name <address>  Sat, 28 Nov 2026 00:00:00 +0000
# becomes
#   * Sat Nov 28 2026 Name <address> - 0.1.0-RELEASE
#   - Text, continued on the next line.
# (the upstream part of the Debian version, and the RPM's own release).
function(keycard_rpm_changelog debian_changelog release output)
    file(STRINGS "${debian_changelog}" lines)
    set(out "")
    set(items "")
    set(item "")
    set(version "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[a-z0-9.+-]+ \\(([0-9]+:)?([^)-]+)(-[^)]*)?\\) ")
            set(version "${CMAKE_MATCH_2}")
        elseif(line MATCHES "^  \\* (.*)$")
            if(item)
                string(APPEND items "- ${item}\n")
            endif()
            set(item "${CMAKE_MATCH_1}")
        elseif(line MATCHES "^    +(.*)$")
            string(APPEND item " ${CMAKE_MATCH_1}")
        elseif(line MATCHES "^ -- (.+ <[^>]+>)  ([A-Za-z]+), ([0-9]+) ([A-Za-z]+) ([0-9]+) ")
            if(item)
                string(APPEND items "- ${item}\n")
            endif()
            set(maintainer "${CMAKE_MATCH_1}")
            set(weekday "${CMAKE_MATCH_2}")
            set(day "${CMAKE_MATCH_3}")
            set(month "${CMAKE_MATCH_4}")
            set(year "${CMAKE_MATCH_5}")
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
