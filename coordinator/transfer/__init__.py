"""Import of class lists, organisations, contacts, placements and study visits; export to CSV, XLSX and vCard."""

from coordinator.transfer.analyse import analyse_file
from coordinator.transfer.apply import ImportCancelled, apply_import
from coordinator.transfer.export import (
                                         EXPORT_KINDS,
                                         ExportResult,
                                         export_all,
                                         export_kind,
                                         export_table,
                                         export_vcard,
                                         export_vcard_folder,
)
from coordinator.transfer.mappings import layout_key, remember_mapping, remembered_mapping
from coordinator.transfer.plan import (
                                         FIELDS,
                                         KINDS,
                                         FieldSpec,
                                         ImportPlan,
                                         ImportResult,
                                         PlanRow,
                                         Problem,
                                         RowChange,
)

__all__ = [
                                         "EXPORT_KINDS",
                                         "FIELDS",
                                         "KINDS",
                                         "ExportResult",
                                         "FieldSpec",
                                         "ImportCancelled",
                                         "ImportPlan",
                                         "ImportResult",
                                         "PlanRow",
                                         "Problem",
                                         "RowChange",
                                         "analyse_file",
                                         "apply_import",
                                         "export_all",
                                         "export_kind",
                                         "export_table",
                                         "export_vcard",
                                         "export_vcard_folder",
                                         "layout_key",
                                         "remember_mapping",
                                         "remembered_mapping",
]
