"""Demo schools with their teachers, classes for two school years, pupils and enrolments.

A cohort moves up one grade a year: this year's 8B were last year's 7B. Last year's final grade has
left the school (they are still pupils in the database, enrolled last year only); this year's first
grade is new.
"""

from __future__ import annotations

import datetime as dt
import math

from coordinator.demo.context import ClassInfo, DemoContext, pick_gender
from coordinator.demo.country import Programme
from coordinator.demo.identity import ascii_slug, phone
from coordinator.demo.organisations import main_towns, pick_town, postal_code
from coordinator.reference.profiles import SchoolTypeSpec

MAX_CLASS = 28


def _type(ctx: DemoContext, code: str) -> SchoolTypeSpec:
    return next(t for t in ctx.profile.school_types if t.code == code)


def build_schools(ctx: DemoContext) -> None:
    rng = ctx.rng("schools")
    remember_surname_forms(ctx)
    all_towns = main_towns(ctx) if ctx.size == "region" else list(ctx.data.home_towns)
    for name, compulsory, town_index in _school_plan(ctx, rng, all_towns):
        _add_school(ctx, rng, name, compulsory, all_towns[town_index] if town_index < len(all_towns)
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


def _add_school(ctx: DemoContext, rng, name: str, compulsory: bool, town) -> None:  # type: ignore[no-untyped-def]
    data, spec = ctx.data, ctx.spec
    type_code = ctx.profile.default_compulsory_type if compulsory else ctx.profile.default_upper_type
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
    pupils = (
        spec.compulsory_pupils // spec.compulsory_schools
        if compulsory
        else spec.upper_pupils // spec.upper_schools
    )
    _build_school(ctx, rng, school_id, _type(ctx, type_code), pupils)


def _person_name(ctx: DemoContext, rng, gender: str) -> tuple[str, str]:
    data = ctx.data
    girl = gender == "girl" or (gender not in ("girl", "boy") and rng.random() < 0.5)
    first = rng.choice(data.girls if girl else data.boys)
    last = rng.choice(data.surnames)
    return first, data.female_surname(last) if girl else last


def _build_school(ctx: DemoContext, rng, school_id: int, school_type: SchoolTypeSpec, pupils: int) -> None:
    data = ctx.data
    n = len(school_type.grades)
    programmes: list[Programme | None] = (
        [None] if school_type.compulsory else list(data.programmes[: ctx.spec.programmes])
    )
    per_cohort = pupils / (n + 1) / len(programmes)

    # Cohort k is in grade k this year and was in grade k-1 last year; cohort n has left.
    groups: list[tuple[int, Programme | None, list[int]]] = []  # (cohort, programme, pupil sizes per class)
    for k in range(n + 1):
        for programme in programmes:
            size = max(4, round(per_cohort * rng.uniform(0.88, 1.12)))
            n_classes = max(1, math.ceil(size / MAX_CLASS))
            sizes = [size // n_classes + (1 if i < size % n_classes else 0) for i in range(n_classes)]
            groups.append((k, programme, sizes))

    n_classes_year = sum(len(s) for k, _, s in groups if k < n)
    teachers = _add_teachers(ctx, rng, school_id, max(n_classes_year + 2, round(pupils / 11)))
    first_age = data.first_grade_age[school_type.code]
    mentor_cursor = 0
    for k, programme, sizes in groups:
        girl_share = 0.5 if programme is None else programme.girl_share
        for index, size in enumerate(sizes):
            patron = None
            hosts = ctx.org_ids_by_sector.get(programme.sector, []) if programme is not None else []
            if hosts and rng.random() < data.patron_classes:
                patron = rng.choice([h for h in hosts if ctx.org_kind[h] == "company"] or hosts)
            classes = _add_classes(ctx, school_id, school_type, programme, (k, index), patron,
                                   [teachers[(mentor_cursor + y.index) % len(teachers)] for y in ctx.years])
            mentor_cursor += 1
            _add_pupils(ctx, rng, classes, size, girl_share, first_age + k, k == n)


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
    return ctx.programme_ids.get(programme.code.casefold()) or ctx.programme_ids.get(programme.name.casefold())


def _add_classes(ctx: DemoContext, school_id: int, school_type: SchoolTypeSpec, programme: Programme | None,
                 cohort_and_index: tuple[int, int], patron: int | None,
                 mentors: list[int]) -> dict[int, ClassInfo]:
    """One class of a cohort in each demo year it is at school (last year one grade lower)."""
    data, grades = ctx.data, list(school_type.grades)
    k, index = cohort_and_index
    classes: dict[int, ClassInfo] = {}
    for year, mentor in zip(ctx.years, mentors, strict=True):
        grade_index = k - (1 - year.index)  # last year one grade lower
        if not 0 <= grade_index < len(grades):
            continue
        grade = grades[grade_index]
        if programme is None:
            name = f"{grade}{data.class_letters[index]}"
        else:
            name = data.upper_class_name(programme.code, grade, index)
        class_id = ctx.next_id("classes")
        info = ClassInfo(class_id, school_id, year.index, grade, grade_index, name, school_type.code,
                         school_type.compulsory, mentor, None if programme is None else programme.sector)
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


def _add_pupils(
    ctx: DemoContext,
    rng,
    classes: dict[int, ClassInfo],
    size: int,
    girl_share: float,
    age_now: int,
    left: bool,
) -> None:
    data = ctx.data
    birth_year = ctx.current.start_year - age_now
    stamp = ctx.base_stamp
    masculine: dict[str, str] = ctx.cache["masculine"]
    for _ in range(size):
        gender = pick_gender(rng, girl_share)
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
                "birth_date": dt.date(birth_year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                "external_id": f"{data.country}{pupil_id:07d}",
                "protected_identity": rng.random() < 0.005,
                "guardian_consent": rng.random() < 0.96,
                "guardian_name": f"{guardian_first} {guardian_last}",
                "guardian_phone": phone(rng, data.country, mobile=True),
                "left_on": dt.date(ctx.current.start_year, 6, 12) if left else None,
                "anonymised": False,
                "notes": None,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        ctx.gender[pupil_id] = gender
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


def remember_surname_forms(ctx: DemoContext) -> None:
    """Map each feminine surname to its masculine form (Kowalska → Kowalski), for guardians' names."""
    ctx.cache["masculine"] = {ctx.data.female_surname(base): base for base in ctx.data.surnames}
