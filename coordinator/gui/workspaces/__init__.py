"""The workspaces of the navigation list, in the order the coordinator sees them.

Each entry is (key, "module:Class"); the main window imports a workspace when it is first shown.
"""

WORKSPACES: tuple[tuple[str, str], ...] = (
    ("overview", "coordinator.gui.workspaces.overview:OverviewWorkspace"),
    ("organisations", "coordinator.gui.workspaces.organisations:OrganisationsWorkspace"),
    ("contacts", "coordinator.gui.workspaces.contacts:ContactsWorkspace"),
    ("schools", "coordinator.gui.workspaces.schools:SchoolsWorkspace"),
    ("pupils", "coordinator.gui.workspaces.pupils:PupilsWorkspace"),
    ("study_visits", "coordinator.gui.workspaces.study_visits:StudyVisitsWorkspace"),
    ("placements", "coordinator.gui.workspaces.placements:PlacementsWorkspace"),
    ("matching", "coordinator.gui.workspaces.matching:MatchingWorkspace"),
    ("encounters", "coordinator.gui.workspaces.encounters:EncountersWorkspace"),
    ("trainings_meetings", "coordinator.gui.workspaces.trainings_meetings:TrainingsMeetingsWorkspace"),
    ("clusters", "coordinator.gui.workspaces.clusters:ClustersWorkspace"),
    ("action_plan", "coordinator.gui.workspaces.action_plan:ActionPlanWorkspace"),
    ("scorecards", "coordinator.gui.workspaces.scorecards:ScorecardsWorkspace"),
    ("statistics", "coordinator.gui.workspaces.statistics:StatisticsWorkspace"),
    ("documents", "coordinator.gui.workspaces.documents:DocumentsWorkspace"),
)
