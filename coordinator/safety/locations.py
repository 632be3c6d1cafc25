"""Where a database file lives: its default place; network shares and synced cloud folders, unsafe for SQLite."""

from __future__ import annotations

import os
from pathlib import Path

from coordinator import APP_NAME
from coordinator.i18n import _

DEFAULT_FILENAME = "coordinator.sqlite"

NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "ncpfs", "afs", "9p", "fuse.sshfs", "sshfs", "davfs",
    "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "glusterfs", "fuse.glusterfs", "ceph",
    "fuse.ceph", "lustre", "gpfs", "fuse.dropbox", "fuse.onedriver", "fuse.google-drive-ocamlfuse",
})
# Folder names that cloud-sync clients use; a database below one is copied behind SQLite's back.
CLOUD_FOLDER_NAMES = ("dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive",
                      "icloud", "mobile documents", "box sync", "nextcloud", "owncloud", "pcloud drive",
                      "mega", "yandex.disk", "yandexdisk", "sync.com")


def _mounts(mounts_file: Path) -> list[tuple[str, str]]:
    try:
        text = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    result = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mount_point = parts[1].replace("\\040", " ")
            result.append((mount_point, parts[2].lower()))
    return result


def filesystem_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The type of the file system holding `path` (Linux), from the longest matching mount point."""
    target = str(path.resolve())
    best: tuple[int, str] | None = None
    for mount_point, fs_type in _mounts(mounts_file):
        prefix = mount_point.rstrip("/") + "/"
        covers = target == mount_point or target.startswith(prefix) or mount_point == "/"
        if covers and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fs_type)
    return best[1] if best else None


def is_network_path(path: Path, mounts_file: Path = Path("/proc/mounts")) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True  # a UNC path (Windows share)
    fs_type = filesystem_type(path, mounts_file)
    return fs_type is not None and (fs_type in NETWORK_FS_TYPES or fs_type.startswith("nfs"))


def cloud_folder(path: Path) -> str | None:
    """The name of the synced cloud folder above `path`, if any."""
    for part in path.resolve().parts:
        lowered = part.lower()
        for name in CLOUD_FOLDER_NAMES:
            if lowered == name or lowered.startswith((name + " ", name + "-")):
                return part
    env_roots = [os.environ.get(var) for var in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")]
    resolved = str(path.resolve())
    for root in env_roots:
        if root and resolved.startswith(root):
            return Path(root).name
    return None


def storage_warning(path: str | Path | None, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """A translated warning if the database lives where SQLite's locking is unsafe, else None."""
    if path is None:
        return None
    db = Path(path)
    if is_network_path(db, mounts_file):
        return _("The database {name} is on a network share. Two computers writing to it at once can "
                 "damage it; keep it on this computer's own disk and share exported files instead.").format(
            name=db.name)
    folder = cloud_folder(db)
    if folder:
        return _("The database {name} is inside the synced folder “{folder}”. Syncing an open database can "
                 "damage it or lose changes; keep it outside {folder} and rely on the app's backups.").format(
            name=db.name, folder=folder)
    return None


def default_database_path() -> Path:
    """Where the database lives when none is named: the user's data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILENAME
