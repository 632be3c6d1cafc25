"""Every document in every language, read back from the PDF: headings, names, numbers, fonts, privacy."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from coordinator.documents import KINDS, DocumentCancelled, kind_label, render_document, write_schedule_ics
from coordinator.errors import UserError
from coordinator.formatting import format_school_year
from coordinator.i18n import _, use_language

from .conftest import PROTECTED

LANGUAGES = ("en", "sv", "pl", "ru")
GENDER_WORDS = {
    "en": ("girl", "boy"),
    "sv": ("flick", "pojk"),
    "pl": ("dziewcz", "chłop"),
    "ru": ("девоч", "мальчик"),
}


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def fonts_embedded(path: Path) -> list[str]:
    """The names of fonts used by any page that do not carry their font file."""
    missing = []
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                missing.append(str(font.get("/BaseFont")))
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_document_renders_in_every_language(doc_store, tmp_path, kind, language):
    out = render_document(doc_store, kind, tmp_path / f"{kind}.pdf", language=language)
    text = "\n".join(pages_text(out))
    with use_language(language):
        assert kind_label(kind) in text
        assert _("Page {page} of {pages}").format(page=1, pages=len(PdfReader(str(out)).pages)) in text
        assert _("School year {year}").format(year=format_school_year("2026/27")) in text
    assert "Hedemora kommun" in text
    assert fonts_embedded(out) == []
    assert PROTECTED[1] not in text and PROTECTED[0] not in text


def test_letters_name_pupils_hosts_and_hours_but_never_the_protected_pupil(doc_store, tmp_path):
    out = render_document(doc_store, "letters", tmp_path / "letters.pdf", language="sv")
    pages = pages_text(out)
    # 11 pupils' pages and 3 hosts' pages.
    assert len(pages) == 14
    text = "\n".join(pages)
    for name in ("Åsa Öberg", "Zofia Łukasiewicz", "Дарья Смирнова", "Paweł Żółkowski"):
        assert name in text
    assert "Sågverket i Långshyttan AB" in text and "ООО «Камский кабель»" in text
    assert "08:00–14:30" in text and "6,5" in text
    assert "Elev (skyddad identitet)" in text or "Pupil (protected identity)" in text
    assert "Hemlig" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_host_pages_say_nothing_about_gender(doc_store, tmp_path, language):
    out = render_document(doc_store, "letters", tmp_path / "letters.pdf", language=language)
    with use_language(language):
        heading = _("Pupils on placement with {host}").format(host="")
    host_pages = [p for p in pages_text(out) if heading.strip() in p]
    assert len(host_pages) == 3
    for page in host_pages:
        lowered = page.lower()
        for word in GENDER_WORDS[language]:
            assert word not in lowered
        assert "Hemlig" not in page


def test_scorecard_shows_indicators_values_and_status_symbols(doc_store, tmp_path):
    out = render_document(doc_store, "scorecard", tmp_path / "scorecard.pdf", language="sv")
    first = pages_text(out)[0]
    assert "Styrkort" in first or "Scorecard" in first
    assert "✓" in first and "✗" in first
    assert "36 %" in first  # non-traditional share: 4 of 11 placements


def test_schedule_for_a_teacher_lists_only_her_classes(doc_store, tmp_path):
    out = render_document(doc_store, "schedule", tmp_path / "s.pdf", language="en", teacher="Karin Dahlström")
    text = "\n".join(pages_text(out))
    assert "Rundvandring i sågen" in text and "Åsa Öberg" in text
    assert "Vården som arbetsplats" not in text and "Maja Lind" not in text  # 9B is another mentor's class
    assert "Week by week" in text


def test_unknown_scope_and_empty_scope_are_refused_in_the_chosen_language(doc_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(UserError, match="Ingen skola"):
        render_document(doc_store, "scorecard", tmp_path / "x.pdf", language="sv", school="Nowhere")
    with pytest.raises(UserError):
        render_document(doc_store, "letters", tmp_path / "x.pdf", date_from=dt.date(2026, 8, 1),
                        date_to=dt.date(2026, 8, 31))
    with pytest.raises(UserError):
        render_document(doc_store, "schedule", tmp_path / "x.pdf", teacher="Nobody Atall")
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_batch_leaves_no_file_and_keeps_the_old_one(doc_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "letters.pdf"
    target.write_bytes(b"old")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    with pytest.raises(DocumentCancelled):
        render_document(doc_store, "letters", target, progress=progress, cancelled=lambda: len(seen) >= 3)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["letters.pdf"]
    assert seen[:3] == [(1, 14), (2, 14), (3, 14)]


def test_schedule_calendar_has_one_event_per_visit_and_placement_period(doc_store, tmp_path):
    out = write_schedule_ics(doc_store, tmp_path / "s.ics", language="sv")
    calendar = Calendar.from_ical(out.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 2 + 6  # two visits; three hosts × two placement periods
    visit = next(e for e in events if "Rundvandring" in str(e["summary"]))
    assert visit.decoded("dtstart") == dt.datetime(2027, 2, 3, 9, 0)
    assert "Bruksgatan 3" in str(visit["location"])
    assert "070-200 00 00" in str(visit["description"])
    placement = next(e for e in events if str(e["uid"]).startswith("placement-") and
                     e.decoded("dtstart") == dt.date(2027, 3, 8) and "Sågverket" in str(e["location"]))
    assert placement.decoded("dtend") == dt.date(2027, 3, 13)
    assert "Åsa Öberg" in str(placement["description"])
    assert all("Hemlig" not in str(e.get("description", "")) for e in events)


def test_one_teacher_and_one_class_are_named_in_the_singular(doc_store, tmp_path):
    out = render_document(doc_store, "schedule", tmp_path / "s.pdf", language="pl", teacher="Karin Dahlström")
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Nauczyciel: Karin Dahlström" in text and "Nauczyciele:" not in text
    calendar = Calendar.from_ical(write_schedule_ics(doc_store, tmp_path / "s.ics", language="ru").read_bytes())
    visit = next(e for e in calendar.walk("VEVENT") if "Rundvandring" in str(e["summary"]))
    description = str(visit["description"])
    assert "Класс: " in description and "Преподаватель: Karin Dahlström" in description
    assert "Классы:" not in description and "Преподаватели:" not in description


@pytest.mark.parametrize(("language", "thanks"), [("pl", "Hedemora kommun dziękuje Państwu za otwarcie drzwi"),
                                                   ("ru", "Hedemora kommun благодарит вас за то, что вы открыли")])
def test_a_certificate_does_not_put_the_hosts_name_where_the_grammar_wants_another_case(doc_store, tmp_path,
                                                                                       language, thanks):
    # Polish and Russian decline a name after "thank"; a name from the register stays as written, in the title
    out = render_document(doc_store, "certificate", tmp_path / "c.pdf", language=language)
    text = " ".join(" ".join(pages_text(out)).split())
    assert thanks in text and "Hedemora vårdcentral" in text
    assert "dziękuje Hedemora vårdcentral" not in text and "благодарит Hedemora vårdcentral" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_gender_column_headers_are_never_broken_inside_a_word(doc_store, tmp_path, language):
    import re

    from coordinator.documents.gender import gender_headers
    out = render_document(doc_store, "gender", tmp_path / "g.pdf", language=language)
    text = "\n".join(pages_text(out))
    with use_language(language):
        words = [word for header in gender_headers() for word in header.split()]
    for word in words:  # "Dziewczęt" on one line and "a" on the next was the sector table's header in Polish
        broken = [word[:k] + r"\s+" + word[k:] for k in range(1, len(word))]
        assert not re.search("|".join(broken), text), word


@pytest.mark.parametrize(("language", "per_day"), [("pl", "(6,5 godziny dziennie)"), ("ru", "(6,5 часа в день)"),
                                                   ("sv", "(6,5 timmar per dag)")])
def test_half_hours_a_day_take_the_fraction_form_not_the_form_of_six(doc_store, tmp_path, language, per_day):
    out = render_document(doc_store, "letters", tmp_path / "letters.pdf", language=language)
    text = " ".join(" ".join(pages_text(out)).split())
    assert per_day in text


@pytest.mark.parametrize(("language", "gift", "nominative"), [("pl", "• 1 wizytę studyjną", "1 wizyta studyjna"),
                                                              ("ru", "• 1 экскурсию", "1 экскурсия")])
def test_what_a_host_gave_is_in_the_accusative_after_gave_us(doc_store, tmp_path, language, gift, nominative):
    out = render_document(doc_store, "certificate", tmp_path / "c.pdf", language=language)
    text = " ".join(" ".join(pages_text(out)).split())
    assert gift in text and nominative not in text
    schedule = render_document(doc_store, "schedule", tmp_path / "s.pdf", language=language,
                               teacher="Karin Dahlström")
    assert nominative in " ".join(" ".join(pages_text(schedule)).split())  # a count in a heading stays nominative


def test_a_hosts_page_names_one_school_once_not_in_every_row(doc_store, tmp_path):
    out = render_document(doc_store, "letters", tmp_path / "l.pdf", language="en", school="Vasaskolan")
    host_pages = [" ".join(page.split()) for page in pages_text(out) if "Pupils on placement with" in page]
    assert host_pages
    for page in host_pages:
        assert "School and class" not in page and "Vasaskolan, 8A" not in page
        assert page.count("Vasaskolan") == 1  # under "The school", with its phone
    everyone = [" ".join(page.split()) for page in pages_text(render_document(
        doc_store, "letters", tmp_path / "all.pdf", language="en")) if "Pupils on placement" in page]
    assert any("School and class" in page for page in everyone)  # two schools at one host: each row says which


@pytest.mark.parametrize(("language", "due"),
                         [("ru", "15.01.2027"), ("pl", "15.01.2027"), ("sv", "15 jan. 2027")])
def test_an_actions_due_date_stays_on_one_line(doc_store, tmp_path, language, due):
    out = render_document(doc_store, "action-plan", tmp_path / "plan.pdf", language=language)
    assert due in "\n".join(pages_text(out))  # "15 янв. 2027" above a lone "г." was the Russian plan


def test_a_placement_period_in_the_schedule_breaks_after_the_dash_not_inside_a_date(doc_store, tmp_path):
    out = render_document(doc_store, "schedule", tmp_path / "s.pdf", language="ru", teacher="Karin Dahlström")
    lines = [line.strip() for line in "\n".join(pages_text(out)).splitlines()]
    assert any(line.startswith("Пн, 08.03.2027 –") for line in lines)
    assert any(line.startswith("Пт, 12.03.2027") for line in lines)  # not "– 12" above ".03.2027"


@pytest.mark.parametrize(("language", "monday", "week", "missing"), [
    ("sv", "Mån 8 mars 2027 –", "Vecka 10: 8 mars – 12 mars", "Om en elev inte kommer, ring:"),
    ("ru", "Пн, 08.03.2027 –", "Неделя 10: 08.03 – 12.03", "Если обучающийся не пришёл, звоните:"),
])
def test_the_teachers_schedule_reads_by_week_and_weekday_and_says_whom_to_call(doc_store, tmp_path, language,
                                                                              monday, week, missing):
    out = render_document(doc_store, "schedule", tmp_path / "s.pdf", language=language, teacher="Karin Dahlström")
    text = "\n".join(pages_text(out))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert monday in lines and week in lines
    assert missing in " ".join(text.split())
    phones = [line for line in lines if "070-" in line]
    assert phones and all(re.search(r"070-\d{3} \d{2} \d{2}", line) for line in phones)  # never broken


def test_a_visit_titled_study_visit_is_not_called_study_visit_twice():
    from coordinator.documents.schedule import _study_visit_what
    with use_language("pl"):
        assert _study_visit_what("Wizyta studyjna – Odlewnia Granit S.A.") == "Wizyta studyjna – Odlewnia Granit S.A."
        assert _study_visit_what("Robotverkstan") == "Wizyta studyjna: Robotverkstan"
        assert _study_visit_what(None) == "Wizyta studyjna"


def test_calendar_summaries_do_not_repeat_the_visit_and_one_pupil_is_singular(doc_store, tmp_path):
    from coordinator.documents.ics import _visit_summary
    with use_language("pl"):
        assert _visit_summary("Gmina Wałbrzych", "Wizyta studyjna – Gmina Wałbrzych") == \
            "Wizyta studyjna – Gmina Wałbrzych"
        assert _visit_summary("Odlewnia", "Odlewnia od środka") == "Wizyta studyjna: Odlewnia od środka"
        assert _visit_summary("Odlewnia", "Piec") == "Wizyta studyjna: Odlewnia – Piec"
    calendar = Calendar.from_ical(write_schedule_ics(doc_store, tmp_path / "s.ics", language="en").read_bytes())
    placements = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("placement-")]
    for event in placements:
        one = "(1 pupil)" in str(event["summary"])
        assert str(event["description"]).startswith("Pupil: " if one else "Pupils: ")
