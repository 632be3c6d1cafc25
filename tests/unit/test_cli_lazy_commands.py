"""The command line loads only a command's own modules: a command found that way has all its subcommands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coordinator.cli.main import COMMAND_HOMES

_PROBE = """
import json, sys
import click
from coordinator.cli.main import cli, LazyGroup
name = sys.argv[1]
ctx = click.Context(cli)
command = cli.get_command(ctx, name)
def subcommands(command):
    return sorted(command.list_commands(ctx)) if isinstance(command, click.Group) else []
lazily = subcommands(command)
LazyGroup._load_all(cli)
print(json.dumps([lazily, subcommands(cli.get_command(ctx, name))]))
"""


@pytest.mark.parametrize("name", sorted(COMMAND_HOMES))
def test_a_command_loaded_by_itself_has_every_subcommand_it_has_with_all_modules_loaded(name):
    done = subprocess.run([sys.executable, "-c", _PROBE, name], capture_output=True, text=True, check=True)
    lazily, fully = json.loads(done.stdout)
    assert lazily == fully, f"'coordinator {name}' misses {sorted(set(fully) - set(lazily))} unless every module loads"
