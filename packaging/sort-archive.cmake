# CPACK_POST_BUILD_SCRIPTS, before write-sha256sums.cmake: CPack writes a .tar.gz's entries in
# the order the file system lists the staging directory (which differs between ext4 and tmpfs,
# say), so the archive is written again here with GNU tar: entries sorted by name, owner and
# group 0, every time stamp SOURCE_DATE_EPOCH, then gzip -n (no name or time in the header).
# Other package files are left alone (rpm sorts its payload itself).
foreach(file IN LISTS CPACK_PACKAGE_FILES)
    if(NOT file MATCHES "\\.tar\\.gz$")
        continue()
    endif()
    get_filename_component(dir "${file}" DIRECTORY)
    set(tree "${dir}/sort-archive")
    file(REMOVE_RECURSE "${tree}")
    file(MAKE_DIRECTORY "${tree}")
    execute_process(COMMAND tar -xzf "${file}" -C "${tree}" RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "sort-archive: cannot unpack ${file}")
    endif()
    file(GLOB top RELATIVE "${tree}" "${tree}/*")
    execute_process(
        COMMAND tar --sort=name --owner=0 --group=0 --numeric-owner --format=gnu
            "--mtime=@$ENV{SOURCE_DATE_EPOCH}" -C "${tree}" -cf "${file}.tar" ${top}
        RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "sort-archive: tar failed for ${file}")
    endif()
    execute_process(COMMAND gzip -9 -n -f "${file}.tar" RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "sort-archive: gzip failed for ${file}")
    endif()
    file(RENAME "${file}.tar.gz" "${file}")
    file(REMOVE_RECURSE "${tree}")
    message(STATUS "sort-archive: ${file} written again with sorted entries")
endforeach()
