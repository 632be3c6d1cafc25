"""A database on a network share or in a synced cloud folder is detected and warned about."""

from __future__ import annotations

from coordinator.safety.locations import storage_warning


def test_network_share_is_warned_about(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/share nfs4 rw 0 0\n"
                      "//nas/skola /mnt/smb cifs rw 0 0\n")
    assert "network share" in storage_warning("/mnt/share/desk.sqlite", mounts)
    assert "network share" in storage_warning("/mnt/smb/x/desk.sqlite", mounts)
    assert storage_warning("/home/anna/desk.sqlite", mounts) is None


def test_cloud_folder_is_warned_about(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n")
    for folder in ("Dropbox", "OneDrive - Kommunen", "Google Drive", "iCloud Drive"):
        warning = storage_warning(tmp_path / folder / "desk.sqlite", mounts)
        assert warning is not None and folder in warning
    assert storage_warning(tmp_path / "Documents" / "desk.sqlite", mounts) is None


def test_store_carries_the_warning_in_the_chosen_language(empty_db, tmp_path):
    import shutil

    from coordinator.i18n import use_language
    from coordinator.store import open_store

    target = tmp_path / "Dropbox" / "desk.sqlite"
    target.parent.mkdir()
    shutil.copyfile(empty_db, target)
    store = open_store(target)
    store.close()
    assert store.warning and "Dropbox" in store.warning
    with use_language("sv"):
        store = open_store(target)
        store.close()
    assert "Dropbox" in store.warning and "synkroniserade" in store.warning
