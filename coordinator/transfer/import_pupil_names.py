"""A class list's school forms and programmes: named in any language or by code, checked row by row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coordinator.form_words import find_form
from coordinator.i18n import _
from coordinator.models import Programme, SchoolForm
from coordinator.settings import school_type_for
from coordinator.transfer.plan import PlanRow


def _cf(text: Any) -> str:
    return str(text or "").strip().casefold()


class PupilNames:
    """Mixed into the pupils' importer: `session` and `problem` come from the Importer."""

    session: Any
    problem: Any

    def prepare_names(self) -> None:
        self.programmes = {_cf(key): pid for pid, code, name in self.session.execute(
            select(Programme.id, Programme.code, Programme.name)) for key in (code, name)}
        self.forms_named: set[int] = set()  # the school forms the file names (a new --school takes its form)

    def resolve_names(self, row: PlanRow) -> bool:
        """The row's school form and programme, named in any language or by code; False after a problem."""
        values = row.values
        if values.get("school_form"):
            form = find_form(self.session, values["school_form"])
            if form is None:
                self.problem(row, "school_form", _("There is no school form called “{name}”.").format(
                    name=values["school_form"]))
                return False
            self.forms_named.add(form.id)
        if values.get("programme"):
            programme_id = self.programmes.get(_cf(values["programme"]))
            if programme_id is None:
                self.problem(row, "programme", _("There is no programme “{name}”; use its code or its name.").format(
                    name=values["programme"]))
                return False
            values["programme_id"] = programme_id
        return True

    def new_school_form(self, grades: set[str]) -> SchoolForm:
        """The form of a school the import creates: the one the file names, else told by its grades."""
        if len(self.forms_named) == 1:
            return self.session.get(SchoolForm, next(iter(self.forms_named)))
        compulsory_type = school_type_for(self.session, compulsory=True)
        upper_type = school_type_for(self.session, compulsory=False)
        compulsory = grades <= set(compulsory_type.grade_list) or not (
            grades <= set(upper_type.grade_list))
        return compulsory_type if compulsory else upper_type
