# Profiles UI tests (owned by the profiles engineer): the Connect dialog and the window's profile
# switcher, notice and Profile menu, offscreen against an in-process sandbox. No keychain is
# reachable here (the bus address points nowhere); the real keychain test is in tests/profiles.
keycard_add_test(test_profile_dialog GUI
    SOURCES test_profile_dialog.cpp
    LIBS keycard_ui_profiles keycard_sandbox
    ENV "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/keycard-no-bus")
target_include_directories(test_profile_dialog PRIVATE ${CMAKE_SOURCE_DIR}/tests/profiles)

keycard_add_test(test_profile_window GUI
    SOURCES test_profile_window.cpp
    LIBS keycard_ui_profiles keycard_sandbox
    ENV "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/keycard-no-bus"
    TIMEOUT 180)
target_include_directories(test_profile_window PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
    ${CMAKE_SOURCE_DIR}/tests/profiles)

# The issue's "done" through the real window with a real keychain: save a profile tested
# against a sandbox, restart, signed in from the keychain, no secret in any file. Runs only
# through run-with-keyring.sh (private bus + unlocked gnome-keyring); CI=true fails without one.
add_executable(test_profile_restart test_profile_restart.cpp)
target_link_libraries(test_profile_restart PRIVATE Qt6::Test keycard_ui_profiles keycard_sandbox
    keycard_warnings)
target_include_directories(test_profile_restart PRIVATE ${CMAKE_SOURCE_DIR}/tests/profiles)
set_target_properties(test_profile_restart PROPERTIES KEYCARD_TEST ON)
add_test(NAME test_profile_restart
    COMMAND sh ${CMAKE_SOURCE_DIR}/tests/profiles/run-with-keyring.sh
        $<TARGET_FILE:test_profile_restart>)
set_tests_properties(test_profile_restart PROPERTIES
    TIMEOUT 180
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false;KEYCARD_API_BASE_URL=;KEYCARD_API_CLIENT_ID=;KEYCARD_API_CLIENT_SECRET=;KEYCARD_API_API_KEY=")
