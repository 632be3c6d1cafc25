"""Clusters and money: networks and members, agreements, the contact log, projects and budgets (queries and
writes on a session, below the desk; transfer and documents read them too)."""
