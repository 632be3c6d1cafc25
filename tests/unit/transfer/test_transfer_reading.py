"""Reading import files: every encoding and delimiter, names compared character by character."""

from __future__ import annotations

import pytest
from transfer_files import write_csv, write_xlsx

from coordinator.transfer import analyse_file

NAMES = {
    "se": [("Åsa", "Öström-Ärlig"), ("Björn", "Ågren"), ("Émilie", "Lindqvist, d.y.")],
    "pl": [("Łucja", "Świętochowska"), ("Żaneta", "Źrebiec-Ćwik"), ("Grzegorz", "Brzęczyszczykiewicz")],
    "ru": [("Ёлка", "Щербакова"), ("Юрий", "Хмельницкий, мл."), ("Эльвира", "Подъячева")],
}
HEADERS = {
    "se": ["Förnamn", "Efternamn", "Klass", "Kön"],
    "pl": ["Imię", "Nazwisko", "Klasa", "Płeć"],
    "ru": ["Имя", "Фамилия", "Класс", "Пол"],
}
GENDERS = {"se": ["Flicka", "P", "K"], "pl": ["K", "M", "dziewczynka"], "ru": ["Ж", "М", "девочка"]}
CLASSES = {"se": "8B", "pl": "7a", "ru": "8Б"}
CODE_PAGES = {"se": "cp1252", "pl": "cp1250", "ru": "cp1251"}


def _rows(profile: str) -> list[list[str]]:
    return [HEADERS[profile]] + [[first, last, CLASSES[profile], g]
                                 for (first, last), g in zip(NAMES[profile], GENDERS[profile])]


def _assert_names(plan, profile: str) -> None:
    assert plan.problems == []
    assert not plan.needs_encoding_choice
    got = [(r.values["first_name"], r.values["last_name"]) for r in plan.rows]
    for (first, last), (want_first, want_last) in zip(got, NAMES[profile]):
        assert list(first) == list(want_first)
        assert list(last) == list(want_last)
    assert [r.values["gender"] for r in plan.rows] == ["girl", "boy", "girl"]
    assert [r.row for r in plan.rows] == [2, 3, 4]


@pytest.mark.parametrize("profile", ["se", "pl", "ru"])
@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("utf-8", True), ("utf-16", False), ("code page", False)])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_every_encoding_and_delimiter_reads_names_exactly(tmp_path, profile, encoding, bom, delimiter):
    codec = CODE_PAGES[profile] if encoding == "code page" else encoding
    path = write_csv(tmp_path / "list.csv", _rows(profile), encoding=codec, delimiter=delimiter, bom=bom)
    plan = analyse_file(path, "pupils", profile=profile)
    _assert_names(plan, profile)
    assert plan.delimiter == delimiter
    expected = {"utf-8": "utf-8-sig" if bom else "utf-8", "utf-16": "utf-16-le"}.get(encoding, codec)
    assert plan.encoding == expected
    assert plan.rows[0].values["grade"] in ("8", "7")


def test_sep_line_sets_the_delimiter_and_the_header_stays_row_1(tmp_path):
    path = write_csv(tmp_path / "list.csv", _rows("se"), delimiter=",", sep_line=True)
    plan = analyse_file(path, "pupils", profile="se")
    _assert_names(plan, "se")
    assert plan.delimiter == ","


def test_semicolon_file_with_commas_in_values_is_not_split_on_commas(tmp_path):
    rows = [["Förnamn", "Efternamn", "Klass", "Anteckningar"],
            ["Anna", "Berg", "9A", "allergi: nötter, jordnötter, mandel"],
            ["Bo", "Ek", "9A", "a, b, c, d, e, f"]]
    path = tmp_path / "list.csv"
    path.write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
    plan = analyse_file(path, "pupils", profile="se")
    assert plan.delimiter == ";"
    assert plan.rows[0].values["notes"] == "allergi: nötter, jordnötter, mandel"


def test_polish_cp1250_list_read_as_swedish_code_page_asks_for_the_encoding(tmp_path):
    path = write_csv(tmp_path / "list.csv", _rows("pl"), encoding="cp1250")
    plan = analyse_file(path, "pupils", profile="se")
    assert plan.needs_encoding_choice
    assert plan.rows == []
    assert plan.problems and plan.problems[0].row >= 1 and plan.problems[0].column
    chosen = analyse_file(path, "pupils", profile="se", encoding="cp1250")
    assert chosen.mapping == {"Imię": "first_name", "Nazwisko": "last_name", "Klasa": "class_name",
                              "Płeć": "gender"}
    assert [list(r.values["first_name"]) for r in chosen.rows] == [list(n[0]) for n in NAMES["pl"]]


def test_swedish_cp1252_list_under_polish_profile_asks_rather_than_guesses(tmp_path):
    path = write_csv(tmp_path / "list.csv", _rows("se"), encoding="cp1252")
    plan = analyse_file(path, "pupils", profile="pl")
    assert plan.needs_encoding_choice
    assert "ĺ" in plan.encoding_sample or "Ĺ" in plan.encoding_sample


def test_russian_cp1251_under_swedish_profile_asks(tmp_path):
    path = write_csv(tmp_path / "list.csv", _rows("ru"), encoding="cp1251")
    assert analyse_file(path, "pupils", profile="se").needs_encoding_choice


def test_double_encoded_utf8_is_noticed(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("Förnamn;Efternamn;Klass\nÅsa;Öberg;8B\n".encode().decode("cp1252").encode("utf-8"))
    plan = analyse_file(path, "pupils", profile="se")
    assert plan.needs_encoding_choice


def test_bytes_that_the_chosen_encoding_cannot_read_name_their_row(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("Förnamn;Efternamn;Klass\nAnna;Berg;8B\n".encode() + b"Bo;\x81k;8B\n")
    plan = analyse_file(path, "pupils", profile="se", encoding="utf-8")
    assert [(p.row, p.column) for p in plan.problems] == [(3, "A")]
    assert "0x81" in plan.problems[0].message


def test_xlsx_is_read_with_row_numbers_of_the_sheet(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", _rows("ru"))
    plan = analyse_file(path, "pupils", profile="ru")
    _assert_names(plan, "ru")
    assert plan.encoding is None and plan.file_format == "xlsx"


def test_headers_in_english_and_unknown_columns_are_reported_and_mappable(tmp_path):
    rows = [["First name", "Last name", "Class", "Shoe size", "Elevens nr"], ["Anna", "Berg", "9A", "38", "x1"]]
    path = write_csv(tmp_path / "list.csv", rows)
    plan = analyse_file(path, "pupils", profile="se")
    assert plan.unknown_headers == ["Shoe size", "Elevens nr"]
    assert plan.problems == []
    mapped = analyse_file(path, "pupils", profile="se", mapping={"Elevens nr": "external_id"})
    assert mapped.mapping["Elevens nr"] == "external_id"
    assert mapped.rows[0].values["external_id"] == "x1"


@pytest.mark.parametrize("headers", [
    ["Namn", "Organisationsnummer", "Bransch", "Adress", "Postort", "Telefon", "E-post"],
    ["Nazwa", "NIP", "PKD", "Adres", "Miejscowość", "Telefon", "E-mail"],
    ["Наименование", "ИНН", "ОКВЭД", "Адрес", "Город", "Телефон", "Электронная почта"],
])
def test_organisation_headers_in_three_languages(tmp_path, headers):
    path = write_csv(tmp_path / "orgs.csv", [headers])
    plan = analyse_file(path, "organisations", profile="se")
    assert list(plan.mapping.values()) == ["name", "org_number", "sector", "address", "town", "phone", "email"]


def test_date_headers_in_three_languages(tmp_path):
    for start, end in (("Startdatum", "Slutdatum"), ("Data rozpoczęcia", "Data zakończenia"),
                       ("Дата начала", "Дата окончания")):
        path = write_csv(tmp_path / "p.csv", [["Elev-id", "Arbetsplats", start, end]])
        plan = analyse_file(path, "placements", profile="se", mapping={"Elev-id": "external_id"})
        assert plan.mapping[start] == "start_date" and plan.mapping[end] == "end_date"


def test_utf16_without_a_mark_is_recognised(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("\r\n".join(";".join(r) for r in _rows("pl")).encode("utf-16-le"))
    plan = analyse_file(path, "pupils", profile="pl")
    _assert_names(plan, "pl")
    assert plan.encoding == "utf-16-le"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_title_line_above_the_header_is_skipped_and_rows_keep_their_numbers(tmp_path, suffix):
    rows = [["Klasslista 8B, Hagaskolan"], []] + _rows("se")
    path = (write_csv if suffix == "csv" else write_xlsx)(tmp_path / f"list.{suffix}", rows)
    plan = analyse_file(path, "pupils", profile="se")
    assert plan.problems == [] and plan.header_row == 3
    assert [r.row for r in plan.rows] == [4, 5, 6]


def test_repeated_headers_are_told_apart_by_their_letter(tmp_path):
    rows = [["Förnamn", "Efternamn", "Klass", "Klass", ""], ["Anna", "Berg", "8A", "gammal", "x"]]
    plan = analyse_file(write_csv(tmp_path / "l.csv", rows), "pupils", profile="se")
    assert plan.headers == ["Förnamn", "Efternamn", "Klass", "Klass (D)", "E"]
    assert plan.mapping["Klass"] == "class_name" and plan.unknown_headers == ["Klass (D)", "E"]
    assert plan.rows[0].values["class_name"] == "8A"


def test_names_from_elsewhere_in_the_code_page_do_not_raise_doubts(tmp_path):
    rows = [["Förnamn", "Efternamn", "Klass"], ["Jürgen", "Strauß", "8A"], ["Mirza", "Žižek-Šarac", "8A"],
            ["Renée", "Françoise «Fia» Öst–Berg", "8A"]]
    path = tmp_path / "l.csv"
    path.write_bytes("\r\n".join(";".join(r) for r in rows).encode("cp1252"))
    plan = analyse_file(path, "pupils", profile="se")
    assert not plan.needs_encoding_choice, plan.encoding_sample
    assert [r.values["last_name"] for r in plan.rows] == [r[1] for r in rows[1:]]


def test_the_persons_mapping_wins_over_a_recognised_header(tmp_path):
    rows = [["Klass", "Klass 2026/27", "Förnamn", "Efternamn"], ["7A", "8A", "Anna", "Berg"]]
    plan = analyse_file(write_csv(tmp_path / "l.csv", rows), "pupils", profile="se",
                        mapping={"Klass 2026/27": "class_name"})
    assert plan.mapping == {"Klass 2026/27": "class_name", "Förnamn": "first_name", "Efternamn": "last_name"}
    assert plan.unknown_headers == ["Klass"] and plan.rows[0].values["class_name"] == "8A"


def test_a_picture_renamed_csv_is_called_binary_not_a_wrong_code_page(tmp_path):
    path = tmp_path / "list.csv"
    # the start of a real PNG: its bytes 0x90 and 0x98 are no letter of cp1250, and it is full of zero bytes
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04\x00\x00\x00\x02\x90\x08\x06\x98\x00\x00" * 4)
    plan = analyse_file(path, "pupils", profile="pl")
    assert [(p.row, p.column) for p in plan.problems] == [(1, "A")]
    assert "binary" in plan.problems[0].message
