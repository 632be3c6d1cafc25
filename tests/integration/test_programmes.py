"""Programmes with national codes: gender figures per programme, and placement due by programme."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from coordinator.cli.main import main
from coordinator.models import (
    Enrolment,
    Gender,
    Organisation,
    Placement,
    PlacementRequirement,
    PlacementStatus,
    Programme,
    Pupil,
    School,
    SchoolClass,
    SchoolForm,
)
from coordinator.services.checks import pupils_lacking_placement_days
from coordinator.services.setup import initialise, school_year_id
from coordinator.store import open_store

GRADE_ROW = {"pupils", "encounter_rate", "placements", "placements_by_sector", "non_traditional_share",
             "dissimilarity_index"}


def _class(s, form: str, school: str, name: str, grade: str, programme: str | None) -> SchoolClass:
    year = school_year_id(s, "2026/27")
    form_id = s.scalar(select(SchoolForm.id).where(SchoolForm.code == form))
    row = s.scalar(select(School).where(School.name == school)) or School(name=school, school_type_id=form_id)
    s.add(row)
    s.flush()
    programme_id = s.scalar(select(Programme.id).where(Programme.code == programme)) if programme else None
    klass = SchoolClass(school_id=row.id, school_year_id=year, grade=grade, name=name, programme_id=programme_id)
    s.add(klass)
    s.flush()
    return klass


def _pupil(s, klass: SchoolClass, name: str, gender: Gender, days: int = 0, hours: float = 7) -> Pupil:
    first, last = name.split()
    pupil = Pupil(first_name=first, last_name=last, gender=gender)
    s.add(pupil)
    s.flush()
    s.add(Enrolment(pupil_id=pupil.id, class_id=klass.id, school_year_id=klass.school_year_id))
    if days:
        host = s.scalar(select(Organisation)) or Organisation(name="Verkstad AB", sector_code="C")
        s.add(host)
        s.flush()
        start = dt.date(2026, 10, 5)
        s.add(Placement(school_year_id=klass.school_year_id, pupil_id=pupil.id, host_id=host.id, start_date=start,
                        end_date=start + dt.timedelta(days=days - 1), days=days, hours_per_day=hours,
                        status=PlacementStatus.COMPLETED))
    return pupil


@pytest.fixture
def store(tmp_path):
    stores = []

    def make(profile: str):
        opened = open_store(tmp_path / f"{profile}.sqlite", create=True)
        stores.append(opened)
        with opened.session() as s:
            initialise(s, profile_code=profile, today=dt.date(2026, 11, 24))
        return opened
    yield make
    for opened in stores:
        opened.close()


def test_shipped_programmes_carry_their_national_codes_and_sources(store):
    with store("pl").session() as s:
        turner = s.scalar(select(Programme).where(Programme.code == "722307"))
        assert turner.name == "operator obrabiarek skrawających" and "Dz.U. 2019 poz. 316" in turner.source
    with store("ru").session() as s:
        assert s.scalar(select(Programme.name).where(Programme.code == "15.02.16")) == "Технология машиностроения"
    with store("se").session() as s:
        codes = set(s.scalars(select(Programme.code)))
        apl = dict(s.execute(select(Programme.code, PlacementRequirement.days).join(
            PlacementRequirement, PlacementRequirement.programme_id == Programme.id)
            .where(PlacementRequirement.grade == "1")).all())
    assert {"BA", "BF", "EE", "FT", "HA", "HT", "HV", "IN", "NB", "RL", "VF", "VO", "NA", "IMYRK"} <= codes
    assert apl["EE"] == 25 and "NA" not in apl  # 15 weeks of APL on a vocational programme; none on NA


def test_gender_statistics_per_programme(store, capsys):
    opened = store("se")
    with opened.session() as s:
        ee = _class(s, "se_gymnasium", "Hedemora gymnasium", "EE1", "1", "EE")
        bf = _class(s, "se_gymnasium", "Hedemora gymnasium", "BF1", "1", "BF")
        _pupil(s, ee, "Liam Berg", Gender.BOY, days=5)
        _pupil(s, ee, "Maja Lind", Gender.GIRL)
        _pupil(s, bf, "Ebba Holm", Gender.GIRL, days=5)
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(opened.path), "stats", "gender", "--year", "2026/27", "--by", "programme",
              "--format", "json"])
    assert stop.value.code == 0
    stats = json.loads(capsys.readouterr().out)
    assert set(stats) == {"year", "school", "programmes", "total"}
    rows = {row["programme"]: row for row in stats["programmes"]}
    assert list(rows) == ["BF", "EE"]
    assert all(set(row) == GRADE_ROW | {"programme"} for row in stats["programmes"])
    assert rows["EE"]["pupils"]["boy"] == 1 and rows["EE"]["pupils"]["girl"] == 1
    assert rows["BF"]["placements"] == 1 and stats["total"]["placements"] == 2


def test_placement_due_follows_the_programme_not_the_school_form(store):
    opened = store("se")
    with opened.session() as s:
        na = _class(s, "se_gymnasium", "Hedemora gymnasium", "NA2", "2", "NA")
        ee = _class(s, "se_gymnasium", "Hedemora gymnasium", "EE2", "2", "EE")
        _pupil(s, na, "Nora Ek", Gender.GIRL)  # Naturvetenskapsprogrammet has no APL
        _pupil(s, ee, "Liam Berg", Gender.BOY, days=30)  # 50 days due by the end of year 2
        _pupil(s, ee, "Oskar Ström", Gender.BOY, days=50)
        lacking = pupils_lacking_placement_days(s, year="2026/27", grade="2")
    assert [(p.name, p.days_done, p.days_required) for p in lacking] == [("Liam Berg", 30, 50)]


def test_a_technikum_programme_requires_hours(store):
    opened = store("pl")
    with opened.session() as s:
        klass = _class(s, "pl_technikum", "Technikum Mechaniczne", "3TM", "3", "311504")
        _pupil(s, klass, "Piotr Nowak", Gender.BOY, days=10, hours=7)  # 70 of 140 hours
        _pupil(s, klass, "Jan Kowalski", Gender.BOY, days=20, hours=7)
        lacking = pupils_lacking_placement_days(s, year="2026/27", grade="3")
    assert [(p.name, p.hours_done, p.hours_required) for p in lacking] == [("Piotr Nowak", 70, 140)]
