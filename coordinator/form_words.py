"""A school form's words in the language being shown: its name, and what its groups, grades, schools,
teachers in charge and placements are called, as documents and tables print them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.i18n import get_language, pgettext
from coordinator.models import School, SchoolClass, SchoolForm
from coordinator.reference.school_forms import LANGUAGES, column


def _language(language: str | None) -> str:
    found = language or get_language()
    return found if found in LANGUAGES else "en"


def name_column(language: str | None = None) -> Any:
    """SQL for a form's name in the language (its English name where that one is empty)."""
    own = getattr(SchoolForm, column("name", _language(language)))
    return own if own is SchoolForm.name else func.coalesce(func.nullif(own, ""), SchoolForm.name)


def form_name(form: SchoolForm, language: str | None = None) -> str:
    return getattr(form, column("name", _language(language))) or form.name


def capitalised(word: str) -> str:
    """A word as a label: its first letter upper-case, the rest as written (prao → Prao, APL → APL)."""
    return word[:1].upper() + word[1:]


@dataclass(frozen=True)
class FormWords:
    """A form's words in one language, as nouns written the way they stand inside a sentence."""

    group: str
    grade: str
    school: str
    mentor: str
    placement: str

    def label(self, word: str) -> str:
        return capitalised(getattr(self, word))


def generic_words() -> FormWords:
    """The words for a pupil or class whose form says nothing in the language shown."""
    return FormWords(group=pgettext("school form word", "class"), grade=pgettext("school form word", "grade"),
                     school=pgettext("school form word", "school"),
                     mentor=pgettext("school form word", "mentor"),
                     placement=pgettext("school form word", "work placement"))


def words_of(form: SchoolForm | None, language: str | None = None) -> FormWords:
    """The form's words in the language shown; a word the form leaves empty is the generic one."""
    generic = generic_words()
    if form is None:
        return generic
    lang = _language(language)
    return FormWords(**{word: getattr(form, column(word, lang)) or getattr(generic, word)
                        for word in ("group", "grade", "school", "mentor", "placement")})


def words_by_class(session: Session, class_ids: set[int] | None = None) -> dict[int, FormWords]:
    """Class id → the words of its school's form, in the language shown."""
    query = (select(SchoolClass.id, SchoolForm).join(School, School.id == SchoolClass.school_id)
             .join(SchoolForm, SchoolForm.id == School.school_type_id))
    if class_ids is not None:
        query = query.where(SchoolClass.id.in_(class_ids))
    forms: dict[int, FormWords] = {}
    words: dict[int, FormWords] = {}
    for class_id, form in session.execute(query):
        if form.id not in forms:
            forms[form.id] = words_of(form)
        words[class_id] = forms[form.id]
    return words


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def short_of(form: SchoolForm) -> str:
    """A form's short prefix for its grades ("T" for technikum: "T 3" in tables, T3 when typed)."""
    return form.short or form.code.split("_")[-1][:2].title()


def grade_key(form: SchoolForm, grade: str) -> str:
    return f"{short_of(form)} {grade}"


def _name_variants(name: str) -> list[str]:
    """A name as typed in a file: whole, without its note in brackets, and each of "A / B" alone."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    return [name, bare, *bare.split("/")]


def find_form(session: Session, text: str) -> SchoolForm | None:
    """The form whose code, short prefix or name in any language is `text` (case and spaces ignored):
    technikum, gymnasieskola, колледж, "Branżowa szkoła I stopnia" (the grades in brackets may be left out)."""
    wanted = _fold(text)
    names = [column("name", language) for language in LANGUAGES]
    for form in session.scalars(select(SchoolForm).order_by(SchoolForm.id)):
        held = [form.code, form.short or ""]
        for name in names:
            held += _name_variants(getattr(form, name) or "")
        if wanted in {_fold(h) for h in held if h.strip()}:
            return form
    return None


def grades_in_use(session: Session, year_id: int, school_id: int | None = None) -> list[tuple[SchoolForm, str]]:
    """(form, grade) of every grade with a class in the year (in one school, or anywhere)."""
    query = (select(SchoolForm, SchoolClass.grade).distinct().join(School, School.school_type_id == SchoolForm.id)
             .join(SchoolClass, SchoolClass.school_id == School.id).where(SchoolClass.school_year_id == year_id))
    if school_id is not None:
        query = query.where(School.id == school_id)
    return [(form, grade) for form, grade in session.execute(query)]


def matching_grades(pairs: list[tuple[SchoolForm, str]], text: str,
                    form: SchoolForm | None = None) -> list[tuple[SchoolForm, str]]:
    """The (form, grade) pairs a typed grade means: "3" in the named form, a bare "3", or a key "T3"."""
    if form is not None:
        return [(f, g) for f, g in pairs if f.id == form.id and _fold(g) == _fold(text)]
    bare = [(f, g) for f, g in pairs if _fold(g) == _fold(text)]
    return bare or [(f, g) for f, g in pairs if _fold(grade_key(f, g)) == _fold(text)]
