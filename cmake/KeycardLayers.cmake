# The layers of keycard-admin, keycardctl and keycard-sandbox (docs/architecture.md), checked at
# configure time: a library that links anything its row does not allow, or a target under app/
# that reaches Qt6::Widgets (directly or through another library), stops the configuration.
#
# Each row: a target, then what it may link (our libraries and Qt modules; keycard_warnings and
# Qt's own helper targets are always allowed). Keep docs/architecture.md in step.
set(KEYCARD_LAYERS
    "keycard_core:Qt6::Core,Qt6::Network"
    "keycard_i18n:Qt6::Core"
    "keycard_sandbox:keycard_core,Qt6::Core,Qt6::Network,Qt6::HttpServer"
    "keycard_profiles:keycard_core,qt6keychain,Qt6::Core,Qt6::Network"
    "keycard_models:keycard_core,Qt6::Core,Qt6::Gui"
    "keycard_session:keycard_profiles,keycard_core,Qt6::Core,Qt6::Network"
    "keycardctl_lib:keycard_profiles,keycard_core,Qt6::Core,Qt6::Network"
    "keycardctl:keycardctl_lib,keycard_core,keycard_i18n"
    "keycard-sandbox:keycard_sandbox,keycard_core"
    "keycard_resources:Qt6::Core"
    "keycard_validators:Qt6::Gui"
    "keycard_ui:keycard_validators,keycard_session,keycard_models,keycard_core,keycard_resources,Qt6::Widgets,Qt6::Gui,Qt6::Network,Qt6::Svg"
    "keycard_sso_validators:keycard_validators,keycard_core,Qt6::Gui"
    "keycard_ui_sso:keycard_ui,keycard_sso_validators,keycard_models,keycard_profiles,keycard_core,Qt6::Gui,Qt6::Widgets"
    "keycard_ui_profiles:keycard_ui,keycard_profiles,keycard_core,Qt6::Widgets,Qt6::Network"
    "keycard-admin:keycard_ui,keycard_ui_sso,keycard_ui_profiles,keycard_i18n"
    # What the tests share (tests/support): a sandbox fixture, no widgets.
    "keycard_test_support:keycard_core,keycard_sandbox,Qt6::Network"
)

# The names a target links, generator expressions such as $<LINK_ONLY:x> unwrapped.
function(_keycard_links target out)
    set(result)
    foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
        get_target_property(links ${target} ${property})
        if(NOT links)
            continue()
        endif()
        foreach(link IN LISTS links)
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(link MATCHES "^\\$<" OR link MATCHES "^::@")
                continue() # other generator expressions (Qt's resource objects), directory ids
            endif()
            list(APPEND result ${link})
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES result)
    set(${out} ${result} PARENT_SCOPE)
endfunction()

# Whether `link` is ours or a Qt module: the links the table rules on.
function(_keycard_ruled link out)
    if(link MATCHES "^(keycard_|keycardctl_lib$|keycard-|Qt6::|qt6keychain$)"
       AND NOT link STREQUAL "keycard_warnings"
       AND NOT link MATCHES "_(resources|autogen)")
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

# Whether `target` reaches `forbidden` through the links of our own libraries.
function(_keycard_reaches target forbidden out)
    set(seen)
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen OR NOT TARGET ${current})
            continue()
        endif()
        list(APPEND seen ${current})
        if(current STREQUAL forbidden)
            set(${out} TRUE PARENT_SCOPE)
            return()
        endif()
        if(current MATCHES "^Qt6::")
            continue() # Qt's own modules: Gui does not bring in Widgets
        endif()
        _keycard_links(${current} next)
        list(APPEND queue ${next})
    endwhile()
    set(${out} FALSE PARENT_SCOPE)
endfunction()

function(keycard_check_layers)
    set(problems)
    set(known)
    foreach(row IN LISTS KEYCARD_LAYERS)
        string(REGEX MATCH "^([^:]+):(.*)$" _ "${row}")
        set(target "${CMAKE_MATCH_1}")
        string(REPLACE "," ";" allowed "${CMAKE_MATCH_2}")
        list(APPEND known ${target})
        if(NOT TARGET ${target})
            continue() # not built in this configuration (KEYCARD_BUILD_GUI=OFF)
        endif()
        _keycard_links(${target} links)
        foreach(link IN LISTS links)
            _keycard_ruled("${link}" ruled)
            if(ruled AND NOT link IN_LIST allowed)
                list(APPEND problems "${target} links ${link}, which its layer does not allow")
            endif()
        endforeach()
    endforeach()

    # Every library of ours has a row, and nothing under app/ reaches Qt6::Widgets.
    get_property(directories DIRECTORY ${PROJECT_SOURCE_DIR} PROPERTY SUBDIRECTORIES)
    set(pending ${directories})
    set(targets)
    while(pending)
        list(POP_FRONT pending directory)
        get_property(children DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
        list(APPEND pending ${children})
        get_property(in_directory DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS in_directory)
            list(APPEND targets "${directory}|${target}")
        endforeach()
    endwhile()
    foreach(entry IN LISTS targets)
        string(REPLACE "|" ";" entry "${entry}")
        list(GET entry 0 directory)
        list(GET entry 1 target)
        get_target_property(type ${target} TYPE)
        if(type STREQUAL "STATIC_LIBRARY" AND target MATCHES "^keycard"
           AND NOT target MATCHES "_(resources|autogen)" AND NOT target IN_LIST known)
            list(APPEND problems "${target} has no row in KEYCARD_LAYERS (cmake/KeycardLayers.cmake)")
        endif()
        if(NOT directory MATCHES "^${PROJECT_SOURCE_DIR}/app(/|$)")
            continue()
        endif()
        _keycard_reaches(${target} Qt6::Widgets reaches)
        if(reaches)
            list(APPEND problems "${target} (under app/) reaches Qt6::Widgets")
        endif()
    endforeach()

    # keycard-admin runs its demo server as a child process (app/session/SandboxProcess): the
    # administrators' program links neither Qt HttpServer (a technology preview without a
    # stable ABI, GPL-3 only) nor the sandbox.
    foreach(forbidden Qt6::HttpServer keycard_sandbox)
        if(TARGET keycard-admin)
            _keycard_reaches(keycard-admin ${forbidden} reaches)
            if(reaches)
                list(APPEND problems "keycard-admin reaches ${forbidden}")
            endif()
        endif()
    endforeach()

    if(problems)
        list(JOIN problems "\n  " text)
        message(FATAL_ERROR "Layering (docs/architecture.md, cmake/KeycardLayers.cmake):\n  ${text}")
    endif()
endfunction()
