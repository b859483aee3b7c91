# App interface: menus, panels, dialogs, status bar (issue 20, UI side).
