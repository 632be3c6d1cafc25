"""Projects, their budget lines and costs, funding sources and member roles as record kinds for the app.

Money is typed as text ('1 234,50', '100000000') and kept in integer minor units of the project's
currency; tables show it formatted in that currency. A cost paid from a budget line adds to the
line's spent amount, and taking it back (an edit or a delete) takes it off again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from coordinator.changes import Changes, Kind
from coordinator.clusters.networks import country
from coordinator.errors import UserError
from coordinator.i18n import N_, _
from coordinator.models import (
    BudgetLine,
    Cost,
    FundingKind,
    FundingSource,
    Goal,
    MemberRole,
    Network,
    NetworkMember,
    NetworkRole,
    Organisation,
    Project,
)
from coordinator.money import CURRENCY_OF_COUNTRY, parse_amount, to_decimal
from coordinator.services.records.base import (
    CHOICE,
    DATE,
    INT,
    LONGTEXT,
    REF,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    Row,
    _label_choices,
)

COUNTRIES = (("SE", "SE"), ("PL", "PL"), ("RU", "RU"))


@dataclass(frozen=True)
class Amount:
    """Money in a table cell: minor units and their currency, shown as the language writes money."""

    minor: int
    currency: str

    @property
    def label(self) -> str:
        from coordinator.formatting import format_money

        return format_money(self.minor, self.currency)

    def __str__(self) -> str:
        return self.label


def _projects(session: Session) -> list[tuple[Any, str]]:
    return [(i, name) for i, name in session.execute(select(Project.id, Project.name).order_by(Project.name))]


def _optional(choices):
    return lambda session: [(None, "—"), *choices(session)]


def _networks(session: Session) -> list[tuple[Any, str]]:
    return [(i, name) for i, name in session.execute(select(Network.id, Network.name).order_by(Network.name))]


def _goals(session: Session) -> list[tuple[Any, str]]:
    return [(i, title) for i, title in session.execute(select(Goal.id, Goal.title).order_by(Goal.title))]


def _sources(session: Session) -> list[tuple[Any, str]]:
    from coordinator.clusters.projects import funding_sources

    return [(s.id, s.name) for s in funding_sources(session)]


def _lines(session: Session) -> list[tuple[Any, str]]:
    financier = aliased(Organisation)
    rows = session.execute(
        select(BudgetLine.id, Project.name, FundingSource.name, financier.name)
        .join(Project, Project.id == BudgetLine.project_id)
        .join(FundingSource, FundingSource.id == BudgetLine.funding_source_id)
        .outerjoin(financier, financier.id == BudgetLine.financier_id).order_by(Project.name, FundingSource.position))
    return [(None, "—")] + [(i, f"{project}: {source}" + (f" ({who})" if who else ""))
                            for i, project, source, who in rows]


def editable(minor: int, currency: str) -> str:
    """Minor units as a person types the amount in the language in force: '1 250,50', '1,250.50'."""
    from babel.numbers import format_decimal

    from coordinator.formatting import locale_code

    return format_decimal(to_decimal(minor, currency), format="#,##0.00", locale=locale_code())


def _amount(values: dict[str, Any], problems: dict[str, str], name: str, label: str, currency: str) -> int | None:
    """The field's text as minor units; a problem on the field when it is not an amount."""
    text = values.get(name)
    if text in (None, ""):
        return None
    try:
        minor = parse_amount(str(text), currency)
    except UserError as exc:
        problems[name] = f"{_(label)}: {exc}"
        return None
    if minor < 0:
        problems[name] = _("An amount of money cannot be negative.")
    return minor


class MoneyCells(RecordKind):
    """Columns named in `money_columns` hold minor units, shown in the currency `currency_expr` gives."""

    money_columns: tuple[str, ...] = ()

    def currency_expr(self) -> Any:
        return Project.currency

    def fetch_rows(self, session, ids, q=None) -> dict[int, Row]:
        rows = super().fetch_rows(session, ids, q)
        if not rows:
            return rows
        currencies = dict(session.execute(self.base_select(self.currency_expr())
                                          .where(self.model.id.in_(list(rows)))).all())
        places = [i for i, c in enumerate(self.columns()) if c.name in self.money_columns]
        out = {}
        for record_id, row in rows.items():
            cells = list(row.cells)
            for i in places:
                if cells[i] is not None:
                    cells[i] = Amount(int(cells[i]), currencies.get(record_id) or "EUR")
            out[record_id] = Row(record_id, tuple(cells))
        return out


class ProjectKindSpec(MoneyCells):
    key = "projects"
    model = Project
    title = N_("Projects")
    singular = N_("Project")
    money_columns = ("planned", "spent")
    guarded_by = ((BudgetLine.__table__, "project_id"), (Cost.__table__, "project_id"))
    fields = (
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("starts_on", N_("Start date"), DATE),
        FieldSpec("ends_on", N_("End date"), DATE),
        FieldSpec("network_id", N_("Network"), CHOICE, choices=_optional(_networks)),
        FieldSpec("owner_organisation_id", N_("Owner"), REF, ref="organisations"),
        FieldSpec("goal_id", N_("Goal of the action plan"), CHOICE, choices=_optional(_goals)),
        FieldSpec("currency", N_("Currency"), required=True,
                  default=lambda s: CURRENCY_OF_COUNTRY.get(country(s), "EUR")),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )

    def columns(self):
        def total(column):
            return (select(func.coalesce(func.sum(column), 0)).where(BudgetLine.project_id == Project.id)
                    .correlate(Project).scalar_subquery())

        return (ColumnSpec("name", N_("Name"), Project.name, searchable=True),
                ColumnSpec("starts_on", N_("Start date"), Project.starts_on, DATE),
                ColumnSpec("ends_on", N_("End date"), Project.ends_on, DATE),
                ColumnSpec("planned", N_("Planned"), total(BudgetLine.planned_minor), INT),
                ColumnSpec("spent", N_("Spent"), total(BudgetLine.spent_minor), INT),
                ColumnSpec("currency", N_("Currency"), Project.currency))

    def check(self, session, values, problems, record_id) -> None:
        twin = session.scalar(select(Project.id).where(func.lower(Project.name) == (values.get("name") or "").lower(),
                                                       Project.id != (record_id or 0)))
        if twin is not None:
            problems["name"] = _("There is already a project with this name.")
        currency = (values.get("currency") or "").upper()
        if currency and not _known_currency(currency):
            problems["currency"] = _("“{code}” is not a currency code like SEK, PLN or RUB.").format(code=currency)
        values["currency"] = currency
        self.check_order(values, problems, "starts_on", "ends_on")

    def display_expr(self):
        return Project.name


def _known_currency(code: str) -> bool:
    from babel.numbers import get_currency_name

    return len(code) == 3 and code.isalpha() and get_currency_name(code, locale="en") != code


class BudgetLineKindSpec(MoneyCells):
    key = "budget_lines"
    model = BudgetLine
    title = N_("Budget lines")
    singular = N_("Budget line")
    choice_filter = ("project_id", N_("Project"), _projects)
    money_columns = ("planned", "spent")
    fields = (
        FieldSpec("project_id", N_("Project"), CHOICE, required=True, choices=_projects),
        FieldSpec("funding_source_id", N_("Funding source"), CHOICE, required=True, choices=_sources),
        FieldSpec("financier_id", N_("Financier"), REF, ref="organisations"),
        FieldSpec("planned", N_("Planned"), required=True),
        FieldSpec("spent", N_("Spent")),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(BudgetLine.id, *exprs).join(Project, Project.id == BudgetLine.project_id)
                .join(FundingSource, FundingSource.id == BudgetLine.funding_source_id)
                .outerjoin(Organisation, Organisation.id == BudgetLine.financier_id))

    def columns(self):
        return (ColumnSpec("project", N_("Project"), Project.name, searchable=True),
                ColumnSpec("source", N_("Funding source"), FundingSource.name, searchable=True),
                ColumnSpec("financier", N_("Financier"), Organisation.name, searchable=True),
                ColumnSpec("planned", N_("Planned"), BudgetLine.planned_minor, INT),
                ColumnSpec("spent", N_("Spent"), BudgetLine.spent_minor, INT))

    def extra_values(self, session, obj):
        currency = session.get(Project, obj.project_id).currency
        return {"planned": editable(obj.planned_minor, currency), "spent": editable(obj.spent_minor, currency)}

    def check(self, session, values, problems, record_id) -> None:
        project = session.get(Project, values.get("project_id") or 0)
        if project is None:
            return
        for name, label in (("planned", N_("Planned")), ("spent", N_("Spent"))):
            values[f"{name}_minor"] = _amount(values, problems, name, label, project.currency) or 0
        financier = values.get("financier_id")
        twin = session.scalar(select(BudgetLine.id).where(
            BudgetLine.project_id == project.id, BudgetLine.funding_source_id == values.get("funding_source_id"),
            BudgetLine.financier_id.is_(None) if financier is None else BudgetLine.financier_id == financier,
            BudgetLine.id != (record_id or 0)))
        if twin is not None:
            problems["funding_source_id"] = _("The project already has a line for this source and financier.")

    def column_values(self, session, values):
        return {k: values.get(k) for k in ("project_id", "funding_source_id", "financier_id", "planned_minor",
                                           "spent_minor")}

    def display_expr(self):
        return select(Project.name).where(Project.id == BudgetLine.project_id).scalar_subquery()


class CostKindSpec(MoneyCells):
    key = "costs"
    model = Cost
    title = N_("Costs")
    singular = N_("Cost")
    newest_first = True
    money_columns = ("amount",)
    fields = (
        FieldSpec("date", N_("Date"), DATE),
        FieldSpec("project_id", N_("Project"), CHOICE, required=True, choices=_projects),
        FieldSpec("budget_line_id", N_("Paid from"), CHOICE, choices=_lines),
        FieldSpec("description", N_("What for"), required=True),
        FieldSpec("amount", N_("Amount"), required=True),
    )

    def base_select(self, *exprs, year_id=None):
        return select(Cost.id, *exprs).join(Project, Project.id == Cost.project_id)

    def columns(self):
        return (ColumnSpec("date", N_("Date"), Cost.date, DATE),
                ColumnSpec("project", N_("Project"), Project.name, searchable=True),
                ColumnSpec("description", N_("What for"), Cost.description, searchable=True),
                ColumnSpec("amount", N_("Amount"), Cost.amount_minor, INT))

    def extra_values(self, session, obj):
        return {"amount": editable(obj.amount_minor, session.get(Project, obj.project_id).currency)}

    def check(self, session, values, problems, record_id) -> None:
        project = session.get(Project, values.get("project_id") or 0)
        if project is None:
            return
        values["amount_minor"] = _amount(values, problems, "amount", N_("Amount"), project.currency) or 0
        line = session.get(BudgetLine, values.get("budget_line_id") or 0)
        if line is not None and line.project_id != project.id:
            problems["budget_line_id"] = _("The budget line is not one of this project's.")

    def column_values(self, session, values):
        return {k: values.get(k) for k in ("date", "project_id", "budget_line_id", "description", "amount_minor")}

    # A cost paid from a line is part of the line's spent amount: written, changed and removed with it.
    def create(self, session, values, *, record_id=None) -> Changes:
        changes = super().create(session, values, record_id=record_id)
        cost = session.get(Cost, next(iter(changes.created[Kind.COSTS])))
        return changes.merge(_spend(session, cost.budget_line_id, cost.amount_minor))

    def update(self, session, record_id, values, *, version=None) -> Changes:
        cost = session.get(Cost, record_id)
        before = (cost.budget_line_id, cost.amount_minor) if cost is not None else (None, 0)
        changes = super().update(session, record_id, values, version=version)
        undone = _spend(session, before[0], -before[1])
        return changes.merge(undone).merge(_spend(session, cost.budget_line_id, cost.amount_minor))

    def delete(self, session, record_id) -> Changes:
        cost = session.get(Cost, record_id)
        line, amount = (cost.budget_line_id, cost.amount_minor) if cost is not None else (None, 0)
        return super().delete(session, record_id).merge(_spend(session, line, -amount))

    def display_expr(self):
        return Cost.description


def _spend(session: Session, line_id: int | None, amount: int) -> Changes:
    line = session.get(BudgetLine, line_id) if line_id is not None else None
    if line is None or amount == 0:
        return Changes()
    line.spent_minor = max(0, line.spent_minor + amount)
    session.flush()
    return Changes.of(Kind.BUDGET_LINES, updated=(line.id,))


class _CountryListSpec(RecordKind):
    """A user-editable list named per country (roles, funding sources): country, name, kind, order."""

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["kind"] = self.kind_enum(out["kind"])
        out["position"] = 0 if out.get("position") is None else out["position"]
        return out

    def check(self, session, values, problems, record_id) -> None:
        model = self.model
        twin = session.scalar(select(model.id).where(model.country == values.get("country"),
                                                     model.name == values.get("name"), model.id != (record_id or 0)))
        if twin is not None:
            problems["name"] = _("This name is already in the list of that country.")


class FundingSourceKindSpec(_CountryListSpec):
    key = "funding_sources"
    model = FundingSource
    kind_enum = FundingKind
    title = N_("Funding sources")
    singular = N_("Funding source")
    guarded_by = ((BudgetLine.__table__, "funding_source_id"),)
    fields = (
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("kind", N_("Kind"), CHOICE, required=True, choices=_label_choices(FundingKind),
                  default=lambda s: FundingKind.STATE.value),
        FieldSpec("country", N_("Country"), CHOICE, required=True, choices=lambda s: list(COUNTRIES),
                  default=country),
        FieldSpec("position", N_("Order"), INT, minimum=0, maximum=999),
    )

    def columns(self):
        return (ColumnSpec("name", N_("Name"), FundingSource.name, searchable=True),
                ColumnSpec("kind", N_("Kind"), FundingSource.kind, CHOICE),
                ColumnSpec("country", N_("Country"), FundingSource.country),
                ColumnSpec("position", N_("Order"), FundingSource.position, INT))

    def display_expr(self):
        return FundingSource.name


class MemberRoleKindSpec(_CountryListSpec):
    key = "member_roles"
    model = MemberRole
    kind_enum = NetworkRole
    title = N_("Roles in networks")
    singular = N_("Role in networks")
    guarded_by = ((NetworkMember.__table__, "role_id"),)
    fields = (
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("kind", N_("Kind"), CHOICE, required=True, choices=_label_choices(NetworkRole),
                  default=lambda s: NetworkRole.MEMBER.value),
        FieldSpec("country", N_("Country"), CHOICE, required=True, choices=lambda s: list(COUNTRIES),
                  default=country),
        FieldSpec("position", N_("Order"), INT, minimum=0, maximum=999),
    )

    def columns(self):
        return (ColumnSpec("name", N_("Name"), MemberRole.name, searchable=True),
                ColumnSpec("kind", N_("Kind"), MemberRole.kind, CHOICE),
                ColumnSpec("country", N_("Country"), MemberRole.country),
                ColumnSpec("position", N_("Order"), MemberRole.position, INT))

    def display_expr(self):
        return MemberRole.name


PROJECTS = ProjectKindSpec()
BUDGET_LINES = BudgetLineKindSpec()
COSTS = CostKindSpec()
FUNDING_SOURCES = FundingSourceKindSpec()
MEMBER_ROLES = MemberRoleKindSpec()
