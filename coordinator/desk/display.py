"""How statistics are shown (counts, rates, indices, indicator values, status), for the app and the CLI."""

from coordinator.stats.display import (
    format_count,
    format_index,
    format_indicator_value,
    format_rate,
    format_target,
    status_label,
)

__all__ = ["format_count", "format_index", "format_indicator_value", "format_rate", "format_target",
           "status_label"]
