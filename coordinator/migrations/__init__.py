"""Alembic migrations of the database schema, from the first revision on."""

# The newest revision in versions/. Kept here so that opening an up-to-date database need not load
# Alembic; tests/unit/test_schema.py checks it against the scripts.
HEAD = "0007"

# Every table of HEAD, so that the read-only check of a file (which runs in a thread beside the window
# being built) proves none is missing without loading the models; the same test keeps it equal to them.
HEAD_TABLES = frozenset({
    "action_activities", "action_plans", "actions", "agreements", "audit_log", "budget_lines", "choices",
    "classes", "contact_log", "contacts", "costs", "destinations", "encounter_classes", "encounter_participants",
    "encounters", "enrolments", "erasure_register", "funding_sources", "goals", "indicator_values", "indicators",
    "meeting_attendees", "meetings", "member_roles", "network_members", "networks", "offers", "organisations",
    "placement_requirements", "placements", "programmes", "projects", "pupils", "school_forms", "school_years",
    "schools", "sector_dominance", "sectors", "settings", "study_visit_classes", "study_visit_participants",
    "study_visit_teachers", "study_visits", "teachers", "training_teachers", "trainings", "wishes",
})
