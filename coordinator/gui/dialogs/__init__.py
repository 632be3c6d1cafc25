"""Dialogs of the desktop app: import, backups and others opened from the menus."""
