"""The desk: one Qt-free door to the data for the app and the command line; re-exported here."""

from coordinator.changes import NOTHING, Changes, Kind
from coordinator.desk.desk import Desk
from coordinator.desk.documents_ops import DOCUMENT_KINDS, DocumentScope, document_label
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
