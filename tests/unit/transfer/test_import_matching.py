"""Importing offers and wishes: headers in four languages, problems by row and column, all or nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from transfer_files import write_csv, write_xlsx

from coordinator.models import Offer, Organisation, Wish
from coordinator.transfer import analyse_file, apply_import

PERIOD = (dt.date(2027, 3, 1), dt.date(2027, 3, 5))
CLASS_LIST = [
    ["Förnamn", "Efternamn", "Klass", "Elev-id"],
    ["Åsa", "Öberg", "8B", "P1"],
    ["Per", "Ekström", "8B", "P2"],
    ["Kim", "Nyström", "8A", "P3"],
]
ORGANISATIONS = [
    ["Namn", "Organisationsnummer", "Bransch"],
    ["Bageriet AB", "556036-0793", "C"],
    ["Vårdcentralen", "", "Q"],
    ["Bygg & Co", "", "F"],
]


def _import(store, path, kind, profile="se", **kwargs):
    plan = analyse_file(path, kind, profile=profile)
    with store.session() as session:
        return apply_import(session, plan, **kwargs)


def _grade(store, tmp_path, profile="se"):
    assert _import(
        store, write_csv(tmp_path / "p.csv", CLASS_LIST), "pupils", profile, school="Skolan", year="2026/27"
    ).imported
    organisations = ORGANISATIONS if profile == "se" else [row[:1] + [""] + row[2:] for row in ORGANISATIONS]
    organisations[0][1] = "Organisationsnummer"
    assert _import(store, write_csv(tmp_path / "o.csv", organisations), "organisations", profile).imported


def _count(store, model) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_offers_in_swedish_are_created_then_updated_and_the_places_offered_follow(make_store, tmp_path):
    store = make_store("se")
    _grade(store, tmp_path)
    rows = [
        ["Arbetsplats", "Platser", "Startdatum", "Slutdatum", "Lägsta ålder", "Timmar per dag"],
        ["Bageriet AB", 3, "2027-03-01", "2027-03-05", 15, 6],
        ["556036-0793", 2, "2027-04-05", "2027-04-09", "", ""],
        ["Vårdcentralen", 1, "2027-03-01", "2027-03-05", "", ""],
    ]
    result = _import(store, write_csv(tmp_path / "offers.csv", rows), "offers")
    assert (result.created, result.problems) == (3, [])
    with store.session() as session:
        bakery = session.scalar(select(Organisation).where(Organisation.name == "Bageriet AB"))
        offers = sorted(
            (o.first_day, o.places, o.minimum_age)
            for o in session.scalars(select(Offer).where(Offer.organisation_id == bakery.id))
        )
        assert offers == [(dt.date(2027, 3, 1), 3, 15), (dt.date(2027, 4, 5), 2, None)]
        assert bakery.places_offered == 3
    rows[1][1] = 4
    again = _import(store, write_csv(tmp_path / "offers2.csv", rows), "offers")
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert _count(store, Offer) == 3


def test_a_bad_offer_row_is_named_by_row_and_column_and_nothing_is_imported(make_store, tmp_path):
    store = make_store("pl")
    _grade(store, tmp_path, "pl")
    rows = [
        ["Pracodawca", "Liczba miejsc", "Data rozpoczęcia", "Data zakończenia"],
        ["Bageriet AB", 2, "01.03.2027", "05.03.2027"],
        ["Nieznana Firma", 1, "01.03.2027", "05.03.2027"],
        ["Vårdcentralen", "dwa", "01.03.2027", "05.03.2027"],
    ]
    result = _import(store, write_xlsx(tmp_path / "oferty.xlsx", rows), "offers", "pl")
    assert not result.imported and _count(store, Offer) == 0
    assert [(p.row, p.column) for p in result.problems] == [(3, "Pracodawca"), (4, "Liczba miejsc")]


def test_wishes_in_columns_replace_the_pupils_wishes_for_the_period(make_store, tmp_path):
    store = make_store("se")
    _grade(store, tmp_path)
    rows = [
        ["Elev-id", "Önskemål 1", "Önskemål 2", "Önskemål 3"],
        ["P1", "Bageriet AB", "Vårdcentralen", ""],
        ["P2", "Bygg & Co", "556036-0793", "Vårdcentralen"],
    ]
    result = _import(store, write_csv(tmp_path / "w.csv", rows), "wishes", period=PERIOD)
    assert (result.created, result.problems) == (2, [])
    rows[1] = ["P1", "Vårdcentralen", "", ""]
    again = _import(store, write_csv(tmp_path / "w2.csv", rows), "wishes", period=PERIOD)
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    with store.session() as session:
        wishes = sorted(
            (w.pupil.external_id, w.rank, w.organisation.name) for w in session.scalars(select(Wish))
        )
    assert wishes == [
        ("P1", 1, "Vårdcentralen"),
        ("P2", 1, "Bygg & Co"),
        ("P2", 2, "Bageriet AB"),
        ("P2", 3, "Vårdcentralen"),
    ]


def test_wishes_one_a_row_with_a_rank_in_russian(make_store, tmp_path):
    store = make_store("ru")
    _grade(store, tmp_path, "ru")
    rows = [
        ["Имя", "Фамилия", "Класс", "Организация", "Приоритет"],
        ["Åsa", "Öberg", "8B", "Vårdcentralen", 1],
        ["Åsa", "Öberg", "8B", "Bageriet AB", 2],
    ]
    result = _import(store, write_csv(tmp_path / "w.csv", rows), "wishes", "ru", period=PERIOD)
    assert (result.created, result.problems) == (2, [])
    assert _count(store, Wish) == 2


def test_bad_wishes_are_reported_and_nothing_is_written(make_store, tmp_path):
    store = make_store("se")
    _grade(store, tmp_path)
    rows = [
        ["Wish 1", "Wish 2", "Wish 6", "Pupil id"],
        ["Bageriet AB", "Bageriet AB", "", "P1"],
        ["Okänd AB", "", "", "P2"],
        ["Vårdcentralen", "", "Bygg & Co", "P3"],
        ["Vårdcentralen", "", "", "P9"],
    ]
    result = _import(store, write_csv(tmp_path / "w.csv", rows), "wishes", period=PERIOD)
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "Wish 2"),
        (3, "Wish 1"),
        (4, "Wish 6"),
        (5, "Pupil id"),
    ]
    assert "at most 5" in result.problems[2].message
    assert not result.imported and _count(store, Wish) == 0
