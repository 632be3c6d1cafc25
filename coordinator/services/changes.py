"""The old name of the change value: `ChangeSet` is `coordinator.changes.Changes` (use that)."""

from coordinator.changes import Changes as ChangeSet
from coordinator.changes import Kind

__all__ = ["ChangeSet", "Kind"]
