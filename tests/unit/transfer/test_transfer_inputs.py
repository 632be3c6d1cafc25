"""Import files that are not what they claim: pipes, devices, towering or damaged workbooks, odd encodings."""

from __future__ import annotations

import os
import threading
import zipfile
from pathlib import Path

import pytest
from transfer_files import write_csv, write_tall_xlsx, write_xlsx

from coordinator.transfer import analyse_file
from coordinator.transfer.reading import MAX_COLUMNS


def _only_problem(plan) -> str:
    assert plan.problems and not plan.rows
    return plan.problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "pupils.csv"
    os.mkfifo(fifo)
    result: list = []
    reader = threading.Thread(target=lambda: result.append(analyse_file(fifo, "pupils", profile="se")),
                              daemon=True)
    reader.start()
    reader.join(timeout=60)
    if reader.is_alive():  # unblock the old code's read so the test run can end
        with open(fifo, "wb"):
            pass
        reader.join()
    assert result, "the pipe was waited on"
    assert "pupils.csv" in _only_problem(result[0]) and "pipe" in _only_problem(result[0])


def test_a_device_is_refused_by_what_it_is_not_read_until_memory_runs_out():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    message = _only_problem(analyse_file(Path("/dev/zero"), "pupils", profile="se"))
    assert "zero" in message and "device" in message


def test_a_folder_is_refused(tmp_path):
    assert "folder" in _only_problem(analyse_file(tmp_path, "pupils", profile="se"))


def test_a_file_is_measured_by_reading(tmp_path, monkeypatch):
    from coordinator.transfer import reading

    path = write_csv(tmp_path / "p.csv", [["Förnamn", "Efternamn", "Klass"]] + [["Anna", "Berg", "8A"]] * 200)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((0o100644, 0, 0, 1, 0, 0, 0, 0, 0, 0)))
    assert "larger than" in _only_problem(analyse_file(path, "pupils", profile="se"))


def test_a_million_rows_are_refused_before_the_sheet_is_parsed(tmp_path, monkeypatch):
    import openpyxl

    path = write_tall_xlsx(tmp_path / "tall.xlsx", 1_100_000)
    assert path.stat().st_size < 1_000_000

    def parse(*args, **kwargs):
        raise AssertionError("openpyxl reads a sheet without a stated size through before one row is seen")

    monkeypatch.setattr(openpyxl, "load_workbook", parse)
    plan = analyse_file(path, "pupils", profile="se")
    assert [(p.row, p.message) for p in plan.problems] == [(1_000_001, "The file has more than 1000000 rows.")]


def test_a_short_hand_written_workbook_is_read(tmp_path):
    plan = analyse_file(write_tall_xlsx(tmp_path / "short.xlsx", 3), "pupils", profile="se")
    assert [r.row for r in plan.rows] == [2, 3]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_columns_beyond_the_limit_are_refused_in_xlsx_as_in_csv(tmp_path, suffix):
    header = ["Förnamn", "Efternamn", "Klass"] + [f"x{i}" for i in range(MAX_COLUMNS)]
    rows = [header, ["Anna", "Berg", "8A"]]
    path = (write_xlsx if suffix == ".xlsx" else write_csv)(tmp_path / f"wide{suffix}", rows)
    plan = analyse_file(path, "pupils", profile="se")
    assert [(p.row, p.message) for p in plan.problems] == [(1, f"The row has more than {MAX_COLUMNS} columns.")]


def test_trailing_empty_cells_do_not_count_as_columns(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["Förnamn", "Efternamn", "Klass"] + [""] * (MAX_COLUMNS + 5),
                                          ["Anna", "Berg", "8A"]])
    assert not analyse_file(path, "pupils", profile="se").problems


@pytest.mark.parametrize("codec", ["hex", "rot13", "zlib", "base64"])
def test_a_codec_that_is_not_a_text_encoding_is_named(tmp_path, codec):
    path = write_csv(tmp_path / "p.csv", [["Förnamn", "Efternamn", "Klass"], ["Anna", "Berg", "8A"]])
    message = _only_problem(analyse_file(path, "pupils", profile="se", encoding=codec))
    assert codec in message and "not a text encoding" in message


def _workbook(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "p.xlsx", [["Förnamn", "Efternamn", "Klass"]] + [["Anna", "Berg", "8A"]] * 200)


def test_a_damaged_deflate_stream_is_called_damaged(tmp_path):
    path = _workbook(tmp_path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 4, start + info.compress_size - 4, 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    assert _only_problem(analyse_file(path, "pupils", profile="se")) == "The workbook is damaged or not an XLSX file."


def test_an_encrypted_zip_asks_for_the_workbook_without_a_password(tmp_path):
    path = _workbook(tmp_path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    central = data.index(b"PK\x01\x02")
    for info in infos:
        data[info.header_offset + 6] |= 0x1  # the local header's flag
    position = central
    while (position := data.find(b"PK\x01\x02", position)) >= 0:
        data[position + 8] |= 0x1  # the central directory's flag
        position += 4
    path.write_bytes(bytes(data))
    assert "password" in _only_problem(analyse_file(path, "pupils", profile="se"))
