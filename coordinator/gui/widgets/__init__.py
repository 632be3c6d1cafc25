"""Reusable widgets: record pickers, the generic detail form."""
