"""Packaging files name files that exist and agree on the application id and version."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from defusedxml import ElementTree

import coordinator

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = coordinator.APP_ID


def test_the_application_id_is_reverse_dns():
    assert re.fullmatch(r"[a-z]{2,}\.[a-z0-9]+\.[A-Za-z0-9]+", APP_ID)


def test_desktop_entry_is_named_after_the_id_and_points_at_the_icon_and_binary():
    desktop = PACKAGING / "linux" / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(desktop, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "coordinator"
    assert entry["Name[ru]"]


def test_metainfo_agrees_on_id_version_launchable_and_binary():
    tree = ElementTree.parse(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml")
    root = tree.getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert (PACKAGING / "linux" / root.find("launchable").text).exists()
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == coordinator.__version__
    assert root.find("provides/binary").text == "coordinator"


def test_flatpak_manifest_and_inno_setup_use_the_same_id():
    flatpak = PACKAGING / "flatpak" / f"{APP_ID}.yml"
    assert re.search(rf"^app-id: {re.escape(APP_ID)}$", flatpak.read_text(encoding="utf-8"), re.MULTILINE)
    iss = (PACKAGING / "windows" / "coordinator.iss").read_text(encoding="utf-8")
    assert f'#define AppId "{APP_ID}"' in iss
    for line in flatpak.read_text(encoding="utf-8").splitlines():
        if "$" in line:  # a shell loop over icon sizes; checked in test_icons_exist_in_the_usual_sizes
            continue
        for path in re.findall(r"(?:packaging|resources)/[\w./-]+", line):
            assert (ROOT / path).exists(), path


def test_the_pyinstaller_spec_takes_id_and_version_from_the_package_and_bundles_existing_folders():
    spec = (PACKAGING / "coordinator.spec").read_text(encoding="utf-8")
    assert "coordinator.APP_ID" in spec and "coordinator.__version__" in spec
    assert APP_ID not in spec and coordinator.__version__ not in spec
    for folder in re.findall(r'ROOT / "([\w/]+)"(?:\s*/\s*"([\w.]+)")?', spec):
        path = ROOT.joinpath(*[part for part in folder if part])
        if path.name != "locale":  # compiled catalogs are built, not committed
            assert path.exists(), path
    assert (ROOT / "packaging" / "launcher.py").exists()


def test_icons_exist_in_the_usual_sizes():
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (ROOT / "resources" / "icons" / f"coordinator-{size}.png").stat().st_size > 100
    assert (ROOT / "resources" / "icons" / "coordinator.svg").exists()


def _setup_module():
    """setup.py's build steps, without running setup() (it only runs as __main__)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("coordinator_setup", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_wheel_build_compiles_every_language_into_catalogs_the_app_reads(tmp_path):
    import gettext

    written = _setup_module().compile_catalogs(tmp_path / "locale")
    languages = sorted(path.parents[1].name for path in written)
    assert languages == ["pl", "ru", "sv"]
    ru = gettext.translation("coordinator", tmp_path / "locale", languages=["ru"])
    assert ru.gettext("Cancelled.") == "Отменено."
    assert ru.ngettext("Wrote {n} picture to {folder}.", "Wrote {n} pictures to {folder}.", 5).startswith("Сохранено")


def test_a_wheel_build_copies_the_folders_where_the_app_looks_for_them(tmp_path, monkeypatch):
    from coordinator import resources

    copied = _setup_module().copy_data_folders(tmp_path)
    assert {path.name for path in copied} == set(resources.DATA_FOLDERS.values())
    assert (tmp_path / "_ui" / "main_window.ui").exists()
    assert (tmp_path / "_resources" / "fonts" / "DejaVuSans.ttf").exists()
    # An installed package finds them there (first), before a bundle's or a source tree's.
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path)
    assert resources.data_dir("ui", "main_window.ui") == tmp_path / "_ui"
    assert resources.data_roots("resources")[0] == tmp_path / "_resources"
    # The source distribution carries the folders and the catalogs' sources.
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    for folder in (*resources.DATA_FOLDERS, "i18n"):
        assert re.search(rf"^(graft|recursive-include) {folder}\b", manifest, re.MULTILINE), folder


def test_windows_shortcuts_start_a_program_the_spec_builds():
    spec = (PACKAGING / "coordinator.spec").read_text(encoding="utf-8")
    built = set(re.findall(r'EXE\([^)]*?name="([\w-]+)"', spec, re.DOTALL))
    assert built == {"coordinator", "coordinator-app"}
    iss = (PACKAGING / "windows" / "coordinator.iss").read_text(encoding="utf-8")
    started = set(re.findall(r'\{app\}\\([\w-]+)\.exe', iss))
    assert started and started <= built
