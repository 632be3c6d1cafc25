"""The desk: one Qt-free door to the data for the app and the command line; re-exported here."""

from coordinator.changes import NOTHING, Changes, Kind
from coordinator.desk.desk import Desk

__all__ = ["NOTHING", "Changes", "Desk", "Kind"]
