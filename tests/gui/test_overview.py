"""The Overview shows this week's and next week's events and the year's key numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.overview import OverviewWorkspace
from coordinator.i18n import set_language
from coordinator.models import (
    Enrolment,
    Gender,
    Organisation,
    Placement,
    Pupil,
    School,
    SchoolClass,
    StudyVisit,
)
from coordinator.services.setup import school_type_for, school_year_id

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def overview(qtbot, empty_store):
    with empty_store.session() as s:
        year = school_year_id(s, "2026/27")
        school = School(name="Norra skolan", school_type_id=school_type_for(s, compulsory=True).id)
        host = Organisation(name="Verkstad AB", sector_code="C")
        s.add_all([school, host])
        s.flush()
        klass = SchoolClass(school_id=school.id, school_year_id=year, grade="8", name="8A")
        anna, olle = Pupil(first_name="Anna", last_name="A", gender=Gender.GIRL), Pupil(
            first_name="Olle", last_name="B", gender=Gender.BOY)
        s.add_all([klass, anna, olle])
        s.flush()
        s.add_all([Enrolment(pupil_id=p.id, class_id=klass.id, school_year_id=year) for p in (anna, olle)])
        visit = StudyVisit(school_year_id=year, host_id=host.id, title="Robotverkstan",
                           starts_at=dt.datetime(2026, 11, 26, 9, 30))
        visit.classes = [klass]
        visit.participants = [anna]
        s.add(visit)
        s.add(Placement(school_year_id=year, pupil_id=olle.id, host_id=host.id, start_date=dt.date(2026, 12, 1),
                        end_date=dt.date(2026, 12, 4), days=4, status="confirmed"))
        ids = {"year": year, "host": host.id, "klass": klass.id}
    context = AppContext(empty_store)
    widget = OverviewWorkspace(context)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activated()
    qtbot.waitUntil(lambda: widget.data is not None)
    return widget, context, ids


def group_lines(widget, prefix):
    for i in range(widget.soon.topLevelItemCount()):
        group = widget.soon.topLevelItem(i)
        if group.text(0).startswith(prefix):
            return [group.child(j).text(1) for j in range(group.childCount())]
    raise AssertionError(f"no group {prefix}")


def test_shows_a_visit_happening_this_week(overview):
    widget, _, _ = overview
    assert "24 Nov 2026" in widget.heading.text()
    assert group_lines(widget, "Study visits (1)") == ["Robotverkstan, classes 8A"]
    assert group_lines(widget, "Placements starting (1)") == ["Olle B at Verkstad AB"]
    assert group_lines(widget, "Overdue actions (0)") == ["Nothing planned."]


def test_key_numbers_and_charts(overview):
    widget, _, _ = overview
    assert [t.value.text() for t in widget.tiles] == ["2", "100 %", "1", "1", "0"]
    rate_series = widget.rate_chart.chart().series()[0]
    assert [rate_series.barSets()[0].at(0)] == [100.0]
    sectors = widget.sector_chart.chart().series()[0]
    assert [b.label() for b in sectors.barSets()] == ["Girls", "Boys"]
    assert (sectors.barSets()[0].at(0), sectors.barSets()[1].at(0)) == (0, 1)


def test_a_new_visit_appears_once_saved(qtbot, overview):
    widget, context, ids = overview
    values = {**context.desk.new_record("study_visits").values, "host_id": ids["host"], "title": "Bageriet",
              "starts_at": dt.datetime(2026, 12, 3, 13, 0)}
    context.desk.create_record("study_visits", values)  # the desk announces it; nobody does by hand
    qtbot.waitUntil(lambda: len(group_lines(widget, "Study visits")) == 2)
    assert group_lines(widget, "Study visits (2)")[1] == "Bageriet"


def test_switches_language(qtbot, overview):
    widget, _context, _ = overview
    set_language("ru")
    widget.retranslate()
    qtbot.waitUntil(lambda: widget.soon.topLevelItem(0) is not None
                    and not widget.soon.topLevelItem(0).text(0).startswith("Study"))
    assert widget.title() != "Overview"
    assert "неделя" in widget.heading.text()
    assert ".11.2026" in widget.heading.text()  # a Russian date as its documents write it: 23.11.2026


def test_charts_follow_a_dark_palette(overview):
    from PySide6.QtGui import QColor, QPalette

    widget, _, _ = overview
    dark = QPalette(widget.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#181818"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    widget.setPalette(dark)
    chart = widget.sector_chart.chart()
    assert chart.backgroundBrush().color() == QColor("#181818")
    assert chart.titleBrush().color() == QColor("#eeeeee")
    girls = chart.series()[0].barSets()[0].color()
    assert girls.lightness() > 128  # a light orange that stands out on the dark background
