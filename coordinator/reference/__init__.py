"""Reference data shipped with the app: sectors, school types, country profiles."""
