#pragma once

namespace keycard {
class MainWindow;
}

namespace keycard::ui {

class SsoWorkflow;

// Connects the SSO write path to the main window: its Enable / Edit / Disable SSO actions (and
// the "Enable SSO" call to action) open the SSO dialogs, and what they change is shown in the
// panes and the organization's SSO badge without reloading the list. Marks the actions as
// available. Returns the workflow (a child of `window`), for tests to reach the open dialog.
SsoWorkflow *installSsoWritePath(MainWindow *window);

} // namespace keycard::ui
