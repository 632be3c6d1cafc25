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
    assert re.search(rf"^app-id: {re.escape(APP_ID)}$", flatpak.read_text(encoding="utf-8"), re.M)
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
