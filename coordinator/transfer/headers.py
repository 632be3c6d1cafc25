"""Recognising column headers in English, Swedish, Polish and Russian, and the user's own mapping."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from coordinator.i18n import LANGUAGES, use_language
from coordinator.transfer.plan import FIELDS

_ORG_NAME = ("organisation", "organization", "company", "workplace", "employer", "host", "organisation name",
             "company name", "organisation namn", "företag", "arbetsplats", "organisation", "praktikplats",
             "nazwa", "firma", "organizacja", "zakład pracy", "pracodawca", "nazwa firmy", "nazwa organizacji",
             "наименование", "организация", "предприятие", "место практики", "работодатель",
             "наименование организации")

# Words people write in the header of a column, by field; compared after `normalise_header`.
ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "given name", "forename", "förnamn", "tilltalsnamn", "imię", "imie",
                   "имя"),
    "last_name": ("last name", "lastname", "surname", "family name", "efternamn", "nazwisko", "фамилия"),
    "class_name": ("class", "class name", "group", "klass", "klassnamn", "grupp", "klasa", "oddział", "класс",
                   "группа", "класс группа"),
    "grade": ("grade", "year group", "årskurs", "åk", "rocznik", "poziom", "klasa poziom", "курс", "параллель",
              "год обучения"),
    "gender": ("gender", "sex", "kön", "płeć", "plec", "пол"),
    "birth_date": ("date of birth", "birth date", "birthday", "born", "födelsedatum", "födelsedag",
                   "data urodzenia", "дата рождения"),
    "external_id": ("pupil id", "student id", "id", "elev id", "elevid", "elevnummer", "identyfikator ucznia",
                    "nr ucznia", "id ucznia", "номер обучающегося", "id обучающегося", "идентификатор"),
    "school": ("school", "skola", "szkoła", "szkola", "школа", "образовательная организация"),
    "protected_identity": ("protected identity", "skyddad identitet", "sekretessmarkering", "dane chronione",
                           "защищённые данные", "защищенные данные"),
    "guardian_name": ("guardian", "parent", "vårdnadshavare", "opiekun", "rodzic", "законный представитель",
                      "родитель"),
    "guardian_phone": ("guardian phone", "guardian's phone", "vårdnadshavares telefon", "telefon opiekuna",
                       "телефон родителя", "телефон законного представителя"),
    "name": _ORG_NAME + ("name", "namn"),
    "organisation": _ORG_NAME,
    "org_number": ("organisation number", "organization number", "org number", "org no", "orgnr",
                   "organisationsnummer", "org nr", "nip", "regon", "inn", "инн", "огрн", "регистрационный номер"),
    "sector": ("sector", "industry", "nace", "bransch", "sni", "sni kod", "branża", "branza", "pkd", "sekcja pkd",
               "отрасль", "оквэд", "раздел оквэд"),
    "kind": ("kind", "type", "typ", "organisationstyp", "rodzaj", "тип", "вид организации"),
    "address": ("address", "street", "street address", "adress", "gatuadress", "besöksadress", "adres", "ulica",
                "адрес"),
    "postal_code": ("postal code", "postcode", "zip", "postnummer", "kod pocztowy", "индекс", "почтовый индекс"),
    "town": ("town", "city", "postort", "ort", "stad", "miejscowość", "miasto", "город", "населённый пункт",
             "населенный пункт"),
    "municipality": ("municipality", "kommun", "gmina", "муниципалитет", "муниципальное образование"),
    "phone": ("phone", "telephone", "phone number", "mobile", "telefon", "telefonnummer", "mobil", "tel",
              "nr telefonu", "телефон", "тел"),
    "email": ("e-mail", "email", "mail", "e-post", "epost", "adres e-mail", "электронная почта", "эл почта"),
    "website": ("website", "web", "url", "webbplats", "hemsida", "strona www", "strona internetowa", "сайт"),
    "places_offered": ("places", "places offered", "platser", "antal platser", "liczba miejsc", "miejsca",
                       "количество мест", "мест"),
    "notes": ("notes", "note", "comment", "comments", "anteckningar", "anteckning", "kommentar", "uwagi",
              "notatki", "примечание", "примечания", "комментарий"),
    "role": ("role", "title", "position", "job title", "roll", "befattning", "titel", "funkcja", "stanowisko",
             "должность", "роль", "rola", "role in the network", "roll i nätverket", "rola w klastrze",
             "роль в кластере"),
    "network": ("network", "cluster", "nätverk", "kluster", "sieć", "siec", "klaster", "кластер", "сеть"),
    "member": ("member", "medlem", "członek", "czlonek", "uczestnik", "участник", "член кластера"),
    "joined": ("joined", "date joined", "gick med", "datum för inträde", "data przystąpienia",
               "data przystapienia", "дата вступления"),
    "left": ("left", "date left", "gick ur", "lämnade", "data wystąpienia", "data wystapienia", "дата выхода"),
    "date": ("date", "datum", "data", "дата", "date of contact", "kontaktdatum", "data kontaktu", "дата контакта"),
    "channel": ("channel", "kanal", "kanał", "sposób kontaktu", "канал", "способ связи"),
    "who": ("who", "vem", "kto", "кто", "contacted by", "kontaktade av"),
    "asked": ("asked", "question", "request", "frågade", "fråga", "prośba", "pytanie", "o co pytano", "просьба",
              "вопрос", "что просили"),
    "promised": ("promised", "promise", "lovade", "löfte", "obiecano", "obietnica", "обещано", "обещание"),
    "answer": ("answer", "reply", "svar", "odpowiedź", "odpowiedz", "ответ"),
    "follow_up": ("follow-up", "follow up", "follow up date", "uppföljning", "följ upp", "data kontaktu ponownego",
                  "przypomnienie", "kontakt ponowny", "напоминание", "повторный контакт", "дата повторного контакта"),
    "start_date": ("start date", "start", "from", "date", "startdatum", "från", "datum", "data rozpoczęcia",
                   "data rozpoczecia", "od", "data", "дата начала", "начало", "с", "дата"),
    "end_date": ("end date", "end", "to", "slutdatum", "till", "data zakończenia", "data zakonczenia", "do",
                 "дата окончания", "окончание", "по"),
    "days": ("days", "number of days", "dagar", "antal dagar", "dni", "liczba dni", "дней", "количество дней"),
    "hours_per_day": ("hours per day", "hours a day", "hours/day", "daily hours", "timmar per dag", "timmar/dag",
                      "tim/dag", "arbetstid per dag", "godziny dziennie", "godzin dziennie",
                      "liczba godzin dziennie", "dzienny wymiar godzin", "часов в день", "часы в день",
                      "количество часов в день", "продолжительность рабочего дня"),
    "daily_start": ("start time", "starting time", "from time", "starttid", "börjar", "arbetsdagen börjar",
                    "godzina rozpoczęcia", "godzina rozpoczecia", "godz rozpoczęcia", "od godziny",
                    "время начала", "начало работы", "начало рабочего дня"),
    "daily_end": ("end time", "finishing time", "to time", "sluttid", "slutar", "arbetsdagen slutar",
                  "godzina zakończenia", "godzina zakonczenia", "godz zakończenia", "do godziny",
                  "время окончания", "окончание работы", "конец рабочего дня"),
    "status": ("status", "state", "статус"),
    "supervisor": ("supervisor", "handledare", "opiekun praktyki", "руководитель практики", "наставник"),
    "places": ("places", "places offered", "platser", "antal platser", "liczba miejsc", "miejsca",
               "количество мест", "мест", "места"),
    "fits": ("programmes", "programs", "sectors", "programmes or sectors", "program", "programinriktning",
             "inriktning", "bransch", "branscher", "zawody", "zawód", "kierunki", "branże", "специальности",
             "профессии", "специальность"),
    "minimum_age": ("minimum age", "min age", "age from", "lägsta ålder", "minimiålder", "ålder från",
                    "wiek minimalny", "minimalny wiek", "wiek od", "минимальный возраст", "возраст от"),
    "contact": ("contact", "contact person", "kontaktperson", "kontakt", "osoba kontaktowa", "kontakt",
                "контактное лицо", "контакт"),
    "rank": ("rank", "priority", "wish", "rang", "prioritet", "önskemål", "ranga", "priorytet", "kolejność",
             "wybór", "приоритет", "ранг", "пожелание", "номер пожелания"),
    "title": ("title", "subject", "activity", "rubrik", "aktivitet", "tytuł", "temat", "название", "тема"),
}


# Words that mean a field only in one kind of file (a personnummer names the pupil in a wish list).
KIND_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("wishes", "external_id"): ("personnummer", "personal number", "pesel", "снилс"),
    **{("wishes", f"wish_{n}"): (f"wish {n}", f"choice {n}", f"önskemål {n}", f"önskan {n}", f"val {n}",
                                 f"wybór {n}", f"wybor {n}", f"пожелание {n}", f"выбор {n}")
       for n in range(1, 11)},
}


def normalise_header(text: str) -> str:
    """Casefold, strip accents' composition differences, punctuation and repeated spaces; keep letters."""
    text = unicodedata.normalize("NFC", str(text or "")).casefold().replace("ё", "е")
    text = re.sub(r"[\s_./\-:;()\[\]*#№]+", " ", text)
    return text.strip()


@cache
def _table(kind: str) -> dict[str, str]:
    """Normalised header → field name for one kind: the aliases and each field's label in every language."""
    table: dict[str, str] = {}
    names = [f.name for f in FIELDS[kind]]
    for name in names:
        table.setdefault(normalise_header(name), name)
        for alias in ALIASES.get(name, ()) + KIND_ALIASES.get((kind, name), ()):
            table.setdefault(normalise_header(alias), name)
    for language in LANGUAGES:
        with use_language(language):
            for spec in FIELDS[kind]:
                table.setdefault(normalise_header(spec.label), spec.name)
    if kind == "contacts":  # "Namn" under contacts is the person's; leave it unmapped rather than guess
        table.pop("namn", None)
    return table


def recognise(kind: str, headers: list[str], mapping: dict[str, str] | None = None) -> tuple[dict[str, str],
                                                                                             list[str]]:
    """Map each header to a field (the user's mapping first); return (header → field, unknown headers).

    A field is taken by its first column only; later columns with the same meaning count as unknown.
    """
    table = _table(kind)
    valid = {f.name for f in FIELDS[kind]}
    user = {normalise_header(k): v for k, v in (mapping or {}).items() if v in valid}
    result: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:  # the person's own choices first: they win over what is recognised by itself
        name = user.get(normalise_header(header))
        if name and name not in taken:
            result[header] = name
            taken.add(name)
    unknown: list[str] = []
    for header in headers:
        if header in result:
            continue
        key = normalise_header(header)
        name = table.get(key)
        if name and name not in taken and key and key not in user:
            result[header] = name
            taken.add(name)
        elif header.strip():
            unknown.append(header)
    result = {h: result[h] for h in headers if h in result}  # in the file's order
    return result, unknown


def repeated_columns(kind: str, headers: list[str], mapping: dict[str, str] | None = None
                     ) -> list[tuple[str, str, str]]:
    """(first header, later header, field) for each later column recognised as a field an earlier one took,
    unless the person mapped that field themselves (then their choice stands and the rest is ignored)."""
    table = _table(kind)
    valid = {f.name for f in FIELDS[kind]}
    chosen = {v for v in (mapping or {}).values() if v in valid}
    user = {normalise_header(k) for k in (mapping or {})}
    first: dict[str, str] = {}
    repeats: list[tuple[str, str, str]] = []
    for header in headers:
        key = normalise_header(header)
        name = table.get(key)
        if not name or name in chosen or key in user:
            continue
        if name in first:
            repeats.append((first[name], header, name))
        else:
            first[name] = header
    return repeats


def known_count(headers: list[str], mapping: dict[str, str] | None = None) -> int:
    """How many of these cells are headers of any kind: used to choose the delimiter."""
    user = {normalise_header(k) for k in (mapping or {})}
    count = 0
    for header in headers:
        key = normalise_header(header)
        if key and (key in user or any(key in _table(kind) for kind in FIELDS)):
            count += 1
    return count
