"""The school forms each country profile ships: grades, typical ages, and the words each form uses.

A school form's words (what a group, a grade, the school, the teacher in charge and the placement
are called) are data per language, so that a college letter says группа, колледж and куратор, and a
Swedish grade-8 letter says prao where a gymnasium letter says APL. Users can edit them and add forms.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "sv", "pl", "ru")
# The words a form has in each language, in the order an editor shows them.
WORDS: tuple[str, ...] = ("name", "group", "grade", "school", "mentor", "placement")


@dataclass(frozen=True)
class SchoolFormSpec:
    code: str
    short: str  # the prefix of its grades where forms share labels ("T 3"), and on the command line ("T3")
    country: str  # ISO 3166 alpha-2
    grades: tuple[str, ...]
    compulsory: bool
    youngest: int  # typical age in the first grade at the start of the school year
    oldest: int  # typical age on leaving
    words: dict[str, tuple[str, str, str, str, str, str]]  # language → the WORDS, in order
    placement_grades: tuple[str, ...] = ()
    required_placement_days: int = 0

    @property
    def name(self) -> str:
        return self.words["en"][0]

    def word(self, language: str, word: str) -> str:
        return self.words[language][WORDS.index(word)]


def _grades(first: int, last: int) -> tuple[str, ...]:
    return tuple(str(g) for g in range(first, last + 1))


SCHOOL_FORMS: tuple[SchoolFormSpec, ...] = (
    SchoolFormSpec(
        "se_grundskola", "Gr", "SE", ("F", *_grades(1, 9)), True, 6, 16, {
            "en": ("Compulsory school (F–9)", "class", "grade", "school", "mentor", "prao"),
            "sv": ("Grundskola (F–9)", "klass", "årskurs", "skola", "mentor", "prao"),
            "pl": ("Grundskola (szkoła podstawowa, F–9)", "klasa", "klasa", "szkoła", "wychowawca", "prao"),
            "ru": ("Грундскула (основная школа, F–9)", "класс", "класс", "школа", "классный руководитель",
                   "практика PRAO"),
        }, ("8", "9"), 10),
    SchoolFormSpec(
        "se_gymnasium", "Gy", "SE", _grades(1, 3), False, 16, 19, {
            "en": ("Upper secondary school (1–3)", "class", "year", "school", "mentor", "APL"),
            "sv": ("Gymnasieskola (1–3)", "klass", "årskurs", "skola", "mentor", "APL"),
            "pl": ("Gymnasieskola (szkoła ponadpodstawowa, 1–3)", "klasa", "klasa", "szkoła", "wychowawca",
                   "praktyka APL"),
            "ru": ("Гимназиескула (старшая школа, 1–3)", "класс", "класс", "школа", "классный руководитель",
                   "практика APL"),
        }, _grades(1, 3), 75),
    SchoolFormSpec(
        "pl_podstawowa", "SP", "PL", _grades(1, 8), True, 7, 15, {
            "en": ("Primary school (1–8)", "class", "grade", "school", "form tutor", "work placement"),
            "sv": ("Szkoła podstawowa (grundskola, 1–8)", "klass", "årskurs", "skola", "mentor", "praktik"),
            "pl": ("Szkoła podstawowa (1–8)", "klasa", "klasa", "szkoła", "wychowawca", "praktyka"),
            "ru": ("Основная школа (1–8)", "класс", "класс", "школа", "классный руководитель", "практика"),
        }),
    SchoolFormSpec(
        "pl_technikum", "T", "PL", _grades(1, 5), False, 15, 20, {
            "en": ("Technical upper secondary school (1–5)", "class", "grade", "school", "form tutor",
                   "vocational placement"),
            "sv": ("Technikum (1–5)", "klass", "årskurs", "skola", "mentor", "yrkespraktik"),
            "pl": ("Technikum (1–5)", "klasa", "klasa", "szkoła", "wychowawca", "praktyka zawodowa"),
            "ru": ("Техникум (1–5)", "класс", "класс", "техникум", "классный руководитель",
                   "производственная практика"),
        }, ("3", "4"), 40),
    SchoolFormSpec(
        "pl_branzowa", "BS", "PL", _grades(1, 3), False, 15, 18, {
            "en": ("Stage I sectoral vocational school (1–3)", "class", "grade", "school", "form tutor",
                   "practical training"),
            "sv": ("Branżowa szkoła I stopnia (yrkesskola, 1–3)", "klass", "årskurs", "skola", "mentor",
                   "praktisk yrkesutbildning"),
            "pl": ("Branżowa szkoła I stopnia (1–3)", "klasa", "klasa", "szkoła", "wychowawca",
                   "zajęcia praktyczne"),
            "ru": ("Отраслевая школа I ступени (1–3)", "класс", "класс", "школа", "классный руководитель",
                   "практическое обучение"),
        }, _grades(1, 3)),
    SchoolFormSpec(
        "pl_liceum", "LO", "PL", _grades(1, 4), False, 15, 19, {
            "en": ("General upper secondary school (1–4)", "class", "grade", "school", "form tutor",
                   "work placement"),
            "sv": ("Liceum ogólnokształcące (gymnasium, 1–4)", "klass", "årskurs", "skola", "mentor", "praktik"),
            "pl": ("Liceum ogólnokształcące (1–4)", "klasa", "klasa", "szkoła", "wychowawca", "praktyka"),
            "ru": ("Общеобразовательный лицей (1–4)", "класс", "класс", "лицей", "классный руководитель",
                   "практика"),
        }),
    SchoolFormSpec(
        "ru_school", "Ш", "RU", _grades(1, 11), True, 7, 18, {
            "en": ("General school (1–11)", "class", "grade", "school", "class teacher", "work placement"),
            "sv": ("Allmänbildande skola (1–11)", "klass", "årskurs", "skola", "klassföreståndare", "praktik"),
            "pl": ("Szkoła ogólnokształcąca (1–11)", "klasa", "klasa", "szkoła", "wychowawca", "praktyka"),
            "ru": ("Общеобразовательная школа (1–11)", "класс", "класс", "школа", "классный руководитель",
                   "практика"),
        }),
    SchoolFormSpec(
        "ru_college", "К", "RU", _grades(1, 4), False, 15, 20, {
            "en": ("College (courses 1–4)", "group", "course year", "college", "group tutor",
                   "work practice"),
            "sv": ("Yrkescollege (kurs 1–4)", "grupp", "kurs", "college", "handledare", "praktik"),
            "pl": ("Kolegium zawodowe (kursy 1–4)", "grupa", "rok", "kolegium", "opiekun grupy",
                   "praktyka zawodowa"),
            "ru": ("Колледж / техникум (1–4 курс)", "группа", "курс", "колледж", "куратор",
                   "производственная практика"),
        }, ("2", "3", "4"), 20),
)


def forms_of(country: str) -> tuple[SchoolFormSpec, ...]:
    """The shipped forms of one country (upper-case ISO code), in the order they are listed."""
    return tuple(f for f in SCHOOL_FORMS if f.country == country.upper())


def form_spec(code: str) -> SchoolFormSpec | None:
    return next((f for f in SCHOOL_FORMS if f.code == code), None)


def column(word: str, language: str) -> str:
    """The column of `school_forms` that holds a word in a language ('name' in English is `name`)."""
    return "name" if (word, language) == ("name", "en") else f"{word}_{language}"


def columns(spec: SchoolFormSpec) -> dict[str, str]:
    """A shipped form's words as the table's column values."""
    return {column(word, language): spec.word(language, word) for language in LANGUAGES for word in WORDS}


def form_values(spec: SchoolFormSpec) -> dict[str, object]:
    """Every column of a shipped form's row in `school_forms`."""
    return {"code": spec.code, "short": spec.short, "country": spec.country, "grades": ";".join(spec.grades),
            "compulsory": spec.compulsory, "placement_grades": ";".join(spec.placement_grades),
            "required_placement_days": spec.required_placement_days, "youngest": spec.youngest,
            "oldest": spec.oldest, **columns(spec)}
