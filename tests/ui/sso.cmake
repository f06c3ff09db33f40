# Tests of the SSO write path (ui/sso), included by tests/ui/CMakeLists.txt.
keycard_add_test(test_sso_validators
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_validators.cpp
    LIBS keycard_sso_validators)
keycard_add_test(test_sso_dialog GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_dialog.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_sandbox keycard_core)
keycard_add_test(test_sso_edit GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_edit.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_sandbox keycard_core)
keycard_add_test(test_sso_main_window GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_main_window.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_ui keycard_sandbox keycard_core
    TIMEOUT 180)
# One organization state for list, details, actions and dialogs (issue 10).
keycard_add_test(test_window_state GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_window_state.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
            ${CMAKE_CURRENT_LIST_DIR}/WindowTestSupport.h
    LIBS keycard_ui_sso keycard_ui keycard_sandbox keycard_core
    TIMEOUT 180)
target_include_directories(test_window_state PRIVATE ${CMAKE_CURRENT_LIST_DIR})
keycard_add_test(test_window_behaviour GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_window_behaviour.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
            ${CMAKE_CURRENT_LIST_DIR}/WindowTestSupport.h
    LIBS keycard_ui_sso keycard_ui keycard_sandbox keycard_core
    TIMEOUT 180)
target_include_directories(test_window_behaviour PRIVATE ${CMAKE_CURRENT_LIST_DIR})
keycard_add_test(test_sso_setup GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_setup.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_sandbox keycard_core)
keycard_add_test(test_sso_setup_window GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_setup_window.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_ui keycard_sandbox keycard_core)
# The Enable SSO wizard, keyboard only (issue 20).
keycard_add_test(test_sso_wizard GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_wizard.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_sandbox keycard_core)
# The sign-in safety check in Edit SSO and the Enable SSO wizard (issue 21).
keycard_add_test(test_sso_impact GUI
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sso_impact.cpp ${CMAKE_CURRENT_LIST_DIR}/test_sso_support.h
    LIBS keycard_ui_sso keycard_ui keycard_sandbox keycard_core)
