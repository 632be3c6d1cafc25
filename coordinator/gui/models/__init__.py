"""Qt item models built in code (tables that are data, not forms)."""
