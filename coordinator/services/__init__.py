"""Services: the one door to data for the GUI and the command line.

Each public function takes a SQLAlchemy session first and keyword-only arguments, returns plain
dataclasses (never ORM objects), and raises `UserError`/`ValidationError` with translated text.
"""
