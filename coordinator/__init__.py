"""The coordinator's desk: schools and working life, planned and measured."""

__version__ = "0.1.0"
APP_ID = "se.coordinatorsdesk.Coordinator"
APP_NAME = "Coordinator's Desk"
