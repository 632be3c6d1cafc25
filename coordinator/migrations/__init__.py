"""Alembic migrations of the database schema, from the first revision on."""

# The newest revision in versions/. Kept here so that opening an up-to-date database need not load
# Alembic; tests/unit/test_schema.py checks it against the scripts.
HEAD = "0005"
