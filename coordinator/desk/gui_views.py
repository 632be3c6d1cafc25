"""The desk's operations for the desktop app (the GUI side's part of the door), gathered in one base."""

from coordinator.desk.gui_checks import GuiChecks
from coordinator.desk.gui_choices import GuiChoices
from coordinator.desk.gui_database import GuiDatabase
from coordinator.desk.gui_overview import GuiOverview
from coordinator.desk.gui_plans import GuiPlans
from coordinator.desk.gui_records import GuiRecords
from coordinator.desk.gui_reports import GuiReports
from coordinator.desk.gui_settings import GuiSettings


class GuiViews(GuiRecords, GuiPlans, GuiReports, GuiSettings, GuiChoices, GuiChecks,
               GuiDatabase, GuiOverview):
    """Reads and writes the desktop app needs beyond the command line's; owned by the GUI side."""
