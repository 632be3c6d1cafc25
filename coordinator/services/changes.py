"""What a mutating service changed, so that each view refreshes only what concerns it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChangeSet:
    """Kinds of record touched (table names) and the ids created, updated or deleted."""

    created: dict[str, frozenset[int]] = field(default_factory=dict)
    updated: dict[str, frozenset[int]] = field(default_factory=dict)
    deleted: dict[str, frozenset[int]] = field(default_factory=dict)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds & set(kinds))

    def merge(self, other: ChangeSet) -> ChangeSet:
        def join(a: dict[str, frozenset[int]], b: dict[str, frozenset[int]]) -> dict[str, frozenset[int]]:
            out = dict(a)
            for key, ids in b.items():
                out[key] = out.get(key, frozenset()) | ids
            return out

        return ChangeSet(join(self.created, other.created), join(self.updated, other.updated),
                         join(self.deleted, other.deleted))

    @staticmethod
    def of(kind: str, *, created: tuple[int, ...] = (), updated: tuple[int, ...] = (),
           deleted: tuple[int, ...] = ()) -> ChangeSet:
        return ChangeSet(
            {kind: frozenset(created)} if created else {},
            {kind: frozenset(updated)} if updated else {},
            {kind: frozenset(deleted)} if deleted else {},
        )
