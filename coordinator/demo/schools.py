"""Demo schools with their teachers, classes for two school years, pupils and enrolments.

A cohort moves up one grade a year: this year's 8B were last year's 7B. Last year's final grade has
left the school (they are still pupils in the database, enrolled last year only); this year's first
grade is new.
"""

from __future__ import annotations

import datetime as dt
import math

from coordinator.demo.context import ClassInfo, DemoContext, pick_gender
from coordinator.demo.country import Programme, SchoolPlan
from coordinator.demo.identity import ascii_slug, phone
from coordinator.demo.organisations import main_towns, pick_town, postal_code
from coordinator.reference.profiles import SchoolTypeSpec

MAX_CLASS = 28


def _type(ctx: DemoContext, code: str) -> SchoolTypeSpec:
    return next(t for t in ctx.profile.school_types if t.code == code)


def build_schools(ctx: DemoContext) -> None:
    rng = ctx.rng("schools")
    remember_surname_forms(ctx)
    if ctx.size == "municipality" and ctx.data.municipality:
        for plan in ctx.data.municipality:
            _add_school(ctx, rng, plan.name, plan.form, ctx.data.home_towns[plan.town], plan)
        return
    all_towns = main_towns(ctx) if ctx.size == "region" else list(ctx.data.home_towns)
    for name, compulsory, town_index in _school_plan(ctx, rng, all_towns):
        type_code = ctx.profile.default_compulsory_type if compulsory else ctx.profile.default_upper_type
        _add_school(ctx, rng, name, type_code, all_towns[town_index] if town_index < len(all_towns)
                    else pick_town(ctx, rng))


def _school_plan(ctx: DemoContext, rng, all_towns: list) -> list[tuple[str, bool, int]]:  # type: ignore[no-untyped-def]
    """(name, compulsory, town index) of every school, in creation order."""
    data, spec = ctx.data, ctx.spec
    used: set[str] = set()
    plan: list[tuple[str, bool, int]] = []

    def region_name(template: str, n: int) -> tuple[str, int]:
        for attempt in range(30):
            town_index = rng.randrange(len(all_towns))
            name = template.format(
                B=rng.choice(data.school_patrons or data.brands), T=all_towns[town_index].name, n=n
            )
            if attempt > 15:
                name = f"{name} {n}"
            if name not in used:
                return name, town_index
        raise AssertionError("no free school name")  # pragma: no cover - 30 attempts always suffice

    for compulsory, count, fixed, template in (
        (True, spec.compulsory_schools, data.compulsory_schools, data.region_school),
        (False, spec.upper_schools, data.upper_schools, data.region_upper_school),
    ):
        for n in range(count):
            if n < len(fixed) and ctx.size != "region":
                name, town_index = fixed[n]
            else:
                name, town_index = region_name(template, n + 1)
            used.add(name)
            plan.append((name, compulsory, town_index))
    return plan


def _add_school(ctx: DemoContext, rng, name: str, type_code: str, town,  # type: ignore[no-untyped-def]
                plan: SchoolPlan | None = None) -> None:
    data, spec = ctx.data, ctx.spec
    school_id = ctx.next_id("schools")
    head_first = rng.choice(data.girls if rng.random() < 0.6 else data.boys)
    head_last = rng.choice(data.surnames)
    if head_first in data.girls:
        head_last = data.female_surname(head_last)
    ctx.add(
        "schools",
        {
            "id": school_id,
            "name": name,
            "school_type_id": ctx.type_ids[type_code],
            "address": data.address(rng.choice(data.streets), rng.randint(1, 40)),
            "postal_code": postal_code(rng, town),
            "town": town.name,
            "phone": phone(rng, data.country, mobile=False, area=town.area_code),
            "email": f"{ascii_slug(name)[:24]}@{data.school_email_domain}",
            "headteacher": f"{head_first} {head_last}",
            "contact_teacher_id": None,
            "created_at": ctx.base_stamp,
            "updated_at": ctx.base_stamp,
        },
    )
    ctx.school_names[school_id] = name
    ctx.school_towns[school_id] = town.name
    school_type = _type(ctx, type_code)
    pupils = (
        spec.compulsory_pupils // spec.compulsory_schools
        if school_type.compulsory
        else spec.upper_pupils // spec.upper_schools
    )
    _build_school(ctx, rng, school_id, school_type, pupils, plan)


def _person_name(ctx: DemoContext, rng, gender: str) -> tuple[str, str]:
    data = ctx.data
    girl = gender == "girl" or (gender not in ("girl", "boy") and rng.random() < 0.5)
    first = rng.choice(data.girls if girl else data.boys)
    last = rng.choice(data.surnames)
    return first, data.female_surname(last) if girl else last


def _span(school_type: SchoolTypeSpec, plan: SchoolPlan | None) -> tuple[int, int]:
    """The indexes of the first and last grade a school teaches among its form's grades."""
    grades = list(school_type.grades)
    if plan is None or plan.grades is None:
        return 0, len(grades) - 1
    return grades.index(plan.grades[0]), grades.index(plan.grades[1])


def _programmes(ctx: DemoContext, school_type: SchoolTypeSpec, plan: SchoolPlan | None) -> list[Programme | None]:
    if school_type.compulsory:
        return [None]
    if plan is None:
        return list(ctx.data.programmes[: ctx.spec.programmes])
    return [p for p in ctx.data.programmes if p.code in plan.programmes]


def _cohorts(ctx: DemoContext, rng, n: int, programmes: list[Programme | None], per_cohort: float,  # type: ignore[no-untyped-def]
             arriving: int) -> list[tuple[int, Programme | None, list[int]]]:
    """(cohort, programme, pupil sizes per class) of a school; `arriving` pupils make up cohort 0 if any."""
    groups: list[tuple[int, Programme | None, list[int]]] = []
    spread = (0.9, 1.1) if ctx.data.municipality and ctx.size == "municipality" else (0.88, 1.12)
    for k in range(n + 1):
        for programme in programmes:
            size = arriving if k == 0 and arriving else max(4, round(per_cohort * rng.uniform(*spread)))
            n_classes = max(1, math.ceil(size / ctx.data.max_class))
            sizes = [size // n_classes + (1 if i < size % n_classes else 0) for i in range(n_classes)]
            groups.append((k, programme, sizes))
    return groups


def _build_school(ctx: DemoContext, rng, school_id: int, school_type: SchoolTypeSpec, pupils: int,  # type: ignore[no-untyped-def]
                  plan: SchoolPlan | None = None) -> None:
    """Classes and pupils of a school. Cohort k is in the school's k-th grade this year and was one grade
    lower last year; cohort n has left, or moved on to the next stage (F–6 to 7–9) of the municipality."""
    data = ctx.data
    first, last = _span(school_type, plan)
    n = last - first + 1
    programmes = _programmes(ctx, school_type, plan)
    per_cohort = plan.cohort if plan else pupils / (n + 1) / len(programmes)
    movers: list[int] = ctx.cache.setdefault("movers", [])
    arriving = list(movers) if first > 0 and school_type.compulsory else []
    moving_on = last < len(school_type.grades) - 1 and school_type.compulsory
    if arriving:
        movers.clear()
    groups = _cohorts(ctx, rng, n, programmes, per_cohort, len(arriving))
    n_classes_year = sum(len(s) for k, _, s in groups if k < n)
    pupils = sum(sum(s) for _, _, s in groups)
    teachers = _add_teachers(ctx, rng, school_id, max(n_classes_year + 2, round(pupils / 11)))
    first_age = data.first_grade_age[school_type.code] + first
    mentor_cursor = 0
    for k, programme, sizes in groups:
        girl_share = 0.5 if programme is None else programme.girl_share
        for index, size in enumerate(sizes):
            patron = None
            hosts = ctx.org_ids_by_sector.get(programme.sector, []) if programme is not None else []
            companies = [h for h in hosts if ctx.org_kind[h] == "company"] or hosts
            if hosts and programme.patron:  # type: ignore[union-attr]
                patron = companies[0]  # the programme's partner, the sector's first-named company
            elif hosts and rng.random() < data.patron_classes:
                patron = rng.choice(companies)
            classes = _add_classes(ctx, school_id, school_type, programme, (k, index, first, n), patron,
                                   [teachers[(mentor_cursor + y.index) % len(teachers)] for y in ctx.years])
            mentor_cursor += 1
            if k == 0 and arriving:
                _enrol(ctx, classes, arriving[:size])
                arriving = arriving[size:]
                continue
            _add_pupils(ctx, rng, classes, size, girl_share, (first_age + k, school_type),
                        "moving" if k == n and moving_on else k == n)


def _add_teachers(ctx: DemoContext, rng, school_id: int, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    data = ctx.data
    teachers = []
    for _ in range(count):
        first, last = _person_name(ctx, rng, "girl" if rng.random() < 0.7 else "boy")
        teacher_id = ctx.next_id("teachers")
        ctx.add(
            "teachers",
            {
                "id": teacher_id,
                "school_id": school_id,
                "first_name": first,
                "last_name": last,
                "subject": rng.choice(data.subjects),
                "email": f"{ascii_slug(first)}.{ascii_slug(last)}@{data.school_email_domain}",
                "phone": phone(rng, data.country, mobile=True),
                "created_at": ctx.base_stamp,
                "updated_at": ctx.base_stamp,
            },
        )
        teachers.append(teacher_id)
    ctx.teachers_by_school[school_id] = teachers
    ctx.add("school_contacts", {"school_id": school_id, "teacher_id": teachers[0]})
    return teachers


def _programme_id(ctx: DemoContext, programme: Programme | None) -> int | None:
    """The shipped programme a demo class follows: by its national code (EE) or its name (technik logistyk)."""
    if programme is None:
        return None
    code = programme.national or programme.code
    return ctx.programme_ids.get(code.casefold()) or ctx.programme_ids.get(programme.name.casefold())


def _add_classes(ctx: DemoContext, school_id: int, school_type: SchoolTypeSpec, programme: Programme | None,
                 place: tuple[int, int, int, int], patron: int | None,
                 mentors: list[int]) -> dict[int, ClassInfo]:
    """One class of a cohort in each demo year it is at school (last year one grade lower)."""
    data, grades = ctx.data, list(school_type.grades)
    k, index, first, span = place  # cohort, class of the cohort, the school's first grade and its count
    classes: dict[int, ClassInfo] = {}
    for year, mentor in zip(ctx.years, mentors, strict=True):
        grade_index = first + k - (1 - year.index)  # last year one grade lower
        if not first <= grade_index < min(len(grades), first + span):
            continue
        grade = grades[grade_index]
        if programme is None:
            name = f"{grade}{data.class_letters[index]}"
        else:
            name = data.upper_class_name(programme.code, grade, index)
        class_id = ctx.next_id("classes")
        info = ClassInfo(class_id, school_id, year.index, grade, grade_index, name, school_type.code,
                         school_type.compulsory, mentor, None if programme is None else programme.sector,
                         programme is None or programme.placement)
        ctx.classes.append(info)
        classes[year.index] = info
        ctx.add(
            "classes",
            {
                "id": class_id,
                "school_id": school_id,
                "school_year_id": year.id,
                "grade": grade,
                "name": name,
                "vocational_profile": None if programme is None else programme.name,
                "programme_id": _programme_id(ctx, programme),
                "patron_organisation_id": patron,
                "mentor_id": mentor,
                "created_at": year.stamp,
                "updated_at": year.stamp,
            },
        )
    return classes


def _enrol(ctx: DemoContext, classes: dict[int, ClassInfo], pupils: list[int]) -> None:
    for pupil_id in pupils:
        for year_index, info in classes.items():
            info.pupils.append(pupil_id)
            ctx.add(
                "enrolments",
                {
                    "id": ctx.next_id("enrolments"),
                    "pupil_id": pupil_id,
                    "class_id": info.id,
                    "school_year_id": ctx.years[year_index].id,
                },
            )


def _birth_date(ctx: DemoContext, rng, age_now: int, school_type: SchoolTypeSpec) -> dt.date:  # type: ignore[no-untyped-def]
    """A birth date for the cohort's age, some years earlier for those who began the form later."""
    for form, years, share in ctx.data.older_students:
        if form == school_type.code and rng.random() < share:
            age_now += max(0, min(years, school_type.oldest - 1 - age_now))  # `oldest` by the year's end
            break
    birth_year = ctx.current.start_year - age_now
    return dt.date(birth_year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _add_pupils(
    ctx: DemoContext,
    rng,
    classes: dict[int, ClassInfo],
    size: int,
    girl_share: float,
    age_and_form: tuple[int, SchoolTypeSpec],
    left: bool | str,
) -> None:
    """New pupils of a class; `left` last year, or "moving" on to the municipality's next stage."""
    data = ctx.data
    stamp = ctx.base_stamp
    masculine: dict[str, str] = ctx.cache["masculine"]
    for _ in range(size):
        gender = pick_gender(rng, girl_share, data.legal_sex_only)
        first, last = _person_name(ctx, rng, gender)
        pupil_id = ctx.next_id("pupils")
        guardian_first, _guardian_last = _person_name(ctx, rng, "girl" if rng.random() < 0.6 else "boy")
        guardian_last = (
            data.female_surname(last)
            if guardian_first in data.girls
            else masculine.get(last, last)
        )
        ctx.add(
            "pupils",
            {
                "id": pupil_id,
                "first_name": first,
                "last_name": last,
                "gender": gender,
                "birth_date": _birth_date(ctx, rng, *age_and_form),
                "external_id": f"{data.country}{pupil_id:07d}",
                "protected_identity": rng.random() < 0.005,
                "guardian_consent": rng.random() < 0.96,
                "guardian_name": f"{guardian_first} {guardian_last}",
                "guardian_phone": phone(rng, data.country, mobile=True),
                "left_on": dt.date(ctx.current.start_year, 6, 12) if left is True else None,
                "anonymised": False,
                "notes": None,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        ctx.gender[pupil_id] = gender
        if left == "moving":
            ctx.cache["movers"].append(pupil_id)
        _enrol(ctx, classes, [pupil_id])


def remember_surname_forms(ctx: DemoContext) -> None:
    """Map each feminine surname to its masculine form (Kowalska → Kowalski), for guardians' names."""
    ctx.cache["masculine"] = {ctx.data.female_surname(base): base for base in ctx.data.surnames}
