"""Team mode: the app on a PostgreSQL server for several people (roles, concurrency, copying between engines)."""
