"""Alembic migrations of the database schema, from the first revision on."""
