"""Programmes and occupations with their national codes, and the placement each requires, sourced.

Sweden: the national programmes of the gymnasieskola (Skolverket's programme codes; APL of at least
15 weeks on a vocational programme, Gymnasieförordning (2010:2039) 4 kap. 12 §). Poland: occupations
of vocational education with their 6-digit codes (Rozporządzenie MEN z 15 lutego 2019 r. w sprawie
ogólnych celów i zadań kształcenia w zawodach szkolnictwa branżowego oraz klasyfikacji zawodów,
Dz.U. 2019 poz. 316) and the practice hours of their core curricula (Rozporządzenie MEN z 16 maja
2019 r., Dz.U. 2019 poz. 991). Russia: СПО specialities and professions (Приказ Минпросвещения России
от 17.05.2022 № 336, перечни профессий и специальностей СПО). The days and hours are defaults a
coordinator checks against the school's own plan and edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

SE_SOURCE = "Skolverket, nationella program; Gymnasieförordning (2010:2039) 4 kap. 12 §"
PL_SOURCE = "Dz.U. 2019 poz. 316 (klasyfikacja zawodów); Dz.U. 2019 poz. 991 (podstawy programowe)"
RU_SOURCE = "Приказ Минпросвещения России от 17.05.2022 № 336; ФГОС СПО по специальности (профессии)"


@dataclass(frozen=True)
class ProgrammeSpec:
    country: str
    code: str
    name: str  # in the country's language
    form: str  # the code of the school form that teaches it
    placement: tuple[tuple[str, int, int], ...] = ()  # (grade, days, hours) required in that grade
    source: str = ""


def _apl(*grades: str) -> tuple[tuple[str, int, int], ...]:
    """15 weeks of APL over the three years: 25 days a year."""
    return tuple((g, 25, 0) for g in grades)


_SE_VOCATIONAL = (
    ("BA", "Bygg- och anläggningsprogrammet"), ("BF", "Barn- och fritidsprogrammet"),
    ("EE", "El- och energiprogrammet"), ("FT", "Fordons- och transportprogrammet"),
    ("HA", "Handels- och administrationsprogrammet"), ("HT", "Hotell- och turismprogrammet"),
    ("HV", "Hantverksprogrammet"), ("IN", "Industritekniska programmet"), ("NB", "Naturbruksprogrammet"),
    ("RL", "Restaurang- och livsmedelsprogrammet"), ("VF", "VVS- och fastighetsprogrammet"),
    ("VO", "Vård- och omsorgsprogrammet"),
)
_SE_PREPARATORY = (
    ("EK", "Ekonomiprogrammet"), ("ES", "Estetiska programmet"), ("HU", "Humanistiska programmet"),
    ("NA", "Naturvetenskapsprogrammet"), ("SA", "Samhällsvetenskapsprogrammet"), ("TE", "Teknikprogrammet"),
    ("IMPRE", "Introduktionsprogram: preparandutbildning"),
    ("IMPRO", "Introduktionsprogram: programinriktat val"),
    ("IMYRK", "Introduktionsprogram: yrkesintroduktion"),
    ("IMIND", "Introduktionsprogram: individuellt alternativ"),
    ("IMSPR", "Introduktionsprogram: språkintroduktion"),
)

# (code, occupation, form, hours of praktyka zawodowa in grades 3 and 4 of a technikum)
_PL = (
    ("311504", "technik mechanik", "pl_technikum", 280), ("311303", "technik elektryk", "pl_technikum", 280),
    ("311410", "technik mechatronik", "pl_technikum", 280), ("311408", "technik elektronik", "pl_technikum", 280),
    ("311513", "technik pojazdów samochodowych", "pl_technikum", 280),
    ("311204", "technik budownictwa", "pl_technikum", 280), ("333107", "technik logistyk", "pl_technikum", 280),
    ("331403", "technik ekonomista", "pl_technikum", 280), ("351203", "technik informatyk", "pl_technikum", 140),
    ("351406", "technik programista", "pl_technikum", 140),
    ("343404", "technik żywienia i usług gastronomicznych", "pl_technikum", 280),
    ("422402", "technik hotelarstwa", "pl_technikum", 280),
    ("722307", "operator obrabiarek skrawających", "pl_branzowa", 0), ("722204", "ślusarz", "pl_branzowa", 0),
    ("723103", "mechanik pojazdów samochodowych", "pl_branzowa", 0), ("741103", "elektryk", "pl_branzowa", 0),
    ("742114", "monter mechatronik", "pl_branzowa", 0), ("512001", "kucharz", "pl_branzowa", 0),
    ("514101", "fryzjer", "pl_branzowa", 0), ("522301", "sprzedawca", "pl_branzowa", 0),
    ("432106", "magazynier-logistyk", "pl_branzowa", 0),
)

_RU = (
    ("15.02.16", "Технология машиностроения"), ("09.02.07", "Информационные системы и программирование"),
    ("13.02.11", "Техническая эксплуатация и обслуживание электрического и электромеханического "
                 "оборудования (по отраслям)"),
    ("23.02.07", "Техническое обслуживание и ремонт двигателей, систем и агрегатов автомобилей"),
    ("08.02.01", "Строительство и эксплуатация зданий и сооружений"),
    ("38.02.01", "Экономика и бухгалтерский учет (по отраслям)"), ("43.02.15", "Поварское и кондитерское дело"),
    ("34.02.01", "Сестринское дело"), ("15.01.32", "Оператор станков с программным управлением"),
    ("15.01.05", "Сварщик (ручной и частично механизированной сварки (наплавки))"),
)


def _polish(code: str, name: str, form: str, hours: int) -> ProgrammeSpec:
    placement = (("3", 0, hours // 2), ("4", 0, hours - hours // 2)) if hours else ()
    return ProgrammeSpec("PL", code, name, form, placement, PL_SOURCE)


PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    *(ProgrammeSpec("SE", code, name, "se_gymnasium", _apl("1", "2", "3"), SE_SOURCE)
      for code, name in _SE_VOCATIONAL),
    *(ProgrammeSpec("SE", code, name, "se_gymnasium", (), SE_SOURCE) for code, name in _SE_PREPARATORY),
    *(_polish(*row) for row in _PL),
    # Practice in weeks is set by each ФГОС; 4 weeks a course year from the second is a default to edit.
    *(ProgrammeSpec("RU", code, name, "ru_college", (("2", 20, 0), ("3", 20, 0), ("4", 20, 0)), RU_SOURCE)
      for code, name in _RU),
)


def programmes_of(country: str) -> tuple[ProgrammeSpec, ...]:
    return tuple(p for p in PROGRAMMES if p.country == country.upper())


def seed_programmes(connection: Any, country: str) -> None:
    """Write a country's programmes and their placement requirements (a session or a connection)."""
    forms = sa.table("school_forms", sa.column("id"), sa.column("code"))
    programmes = sa.table("programmes", sa.column("id"), sa.column("country"), sa.column("code"),
                          sa.column("name"), sa.column("school_form_id"), sa.column("source"))
    requirements = sa.table("placement_requirements", sa.column("programme_id"), sa.column("grade"),
                            sa.column("days"), sa.column("hours"), sa.column("source"))
    form_ids = dict(connection.execute(sa.select(forms.c.code, forms.c.id)).all())
    held = set(connection.execute(sa.select(programmes.c.code).where(programmes.c.country == country)).scalars())
    for spec in programmes_of(country):
        if spec.code in held:
            continue
        programme_id = connection.execute(programmes.insert().values(
            country=spec.country, code=spec.code, name=spec.name, school_form_id=form_ids.get(spec.form),
            source=spec.source).returning(programmes.c.id)).scalar_one()
        for grade, days, hours in spec.placement:
            connection.execute(requirements.insert().values(programme_id=programme_id, grade=grade, days=days,
                                                            hours=hours, source=spec.source))
