"""A record table shows its first page before every id has come, then appends the rest below it."""

from __future__ import annotations

from coordinator.gui.models.record_table import PAGE, RecordTableModel
from coordinator.services.records import ListQuery
from coordinator.services.records.pupils import PUPILS


def test_first_page_first_then_the_rest_below_it(qtbot, app_context):
    with app_context.store.session() as session:
        every = PUPILS.list_ids(session, ListQuery())
    assert len(every) > PAGE  # the small demo has more pupils than one page

    model = RecordTableModel(app_context, PUPILS)
    model.active = True
    seen: list[tuple[int, bool]] = []
    model.first_rows.connect(lambda: seen.append((model.rowCount(), model.loading)))
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    model.reload()
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)

    assert seen == [(PAGE, True)]  # the first page was on screen while the other ids still came
    assert inserted == [len(every) - PAGE]  # appended, not a reset: the selection and scroll stay
    assert [model.id_at(row) for row in range(model.rowCount())] == every
    assert model.index(0, 0).data()  # the first rows came with their cells


def test_a_short_list_comes_in_one_step(qtbot, app_context):
    from dataclasses import replace

    model = RecordTableModel(app_context, PUPILS)
    model.active = True
    seen: list[bool] = []
    model.first_rows.connect(lambda: seen.append(model.loading))
    model.set_query(replace(model.query, text="zzzz-no-one"))
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert model.rowCount() == 0
    assert seen == [False] and model.rows_ready
