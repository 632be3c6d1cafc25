"""The desk: one Qt-free door to the data for the app and the command line; re-exported here.

The names are imported on first use (a module `__getattr__`), so that a light part of the desk (its file
helpers, the kinds of document, the check started beside the window) loads without the database layer.
"""

from typing import TYPE_CHECKING

from coordinator.lazy import reexported

if TYPE_CHECKING:
    from coordinator.changes import NOTHING, Changes, Kind
    from coordinator.desk.desk import Desk
    from coordinator.desk.document_scope import DOCUMENT_KINDS, DocumentScope, document_label
    from coordinator.desk.files import (
        CheckReport,
        DemoReport,
        RestoreReport,
        backup_database,
        check_database,
        create_database,
        create_demo,
        database_path,
        restore_database,
        start_logging,
        write_lock,
    )
    from coordinator.desk.records_ops import RECORD_KINDS
    from coordinator.desk.transfer_ops import ImportField, import_fields

__all__ = ["DOCUMENT_KINDS", "NOTHING", "RECORD_KINDS", "Changes", "CheckReport", "DemoReport", "Desk",
           "DocumentScope", "ImportField", "Kind", "RestoreReport", "backup_database", "check_database",
           "create_database", "create_demo", "database_path", "document_label", "import_fields",
           "restore_database", "start_logging", "write_lock"]
_HOMES = {
    **dict.fromkeys(("NOTHING", "Changes", "Kind"), "coordinator.changes"),
    "Desk": "coordinator.desk.desk",
    **dict.fromkeys(("DOCUMENT_KINDS", "DocumentScope", "document_label"), "coordinator.desk.document_scope"),
    **dict.fromkeys(("CheckReport", "DemoReport", "RestoreReport", "backup_database", "check_database",
                     "create_database", "create_demo", "database_path", "restore_database", "start_logging",
                     "write_lock"), "coordinator.desk.files"),
    "RECORD_KINDS": "coordinator.desk.records_ops",
    **dict.fromkeys(("ImportField", "import_fields"), "coordinator.desk.transfer_ops"),
}


def __getattr__(name: str) -> object:
    return reexported(__name__, name, _HOMES)
