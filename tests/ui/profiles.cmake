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
