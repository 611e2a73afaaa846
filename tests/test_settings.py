"""The settings table is the one source of defaults and allowed values, for the library and the CLI."""

from dataclasses import fields

import pytest

from eventscope.cli import build_parser
from eventscope.settings import SETTINGS, Settings


def _code_action(dest: str):
    code = build_parser()._subparsers._group_actions[0].choices["code"]
    return next(a for a in code._actions if a.dest == dest)


def test_settings_defaults_are_the_tables():
    defaults = Settings()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default, setting.name
    assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}


def test_values_outside_a_settings_choices_are_refused():
    for setting in SETTINGS:
        if setting.choices is None:
            continue
        for allowed in setting.choices:
            assert getattr(Settings(**{setting.name: allowed}), setting.name) == allowed
        with pytest.raises(ValueError, match=setting.name):
            Settings(**{setting.name: "no-such-value"})


def test_cli_flags_take_defaults_and_choices_from_the_table():
    for setting in SETTINGS:
        try:
            action = _code_action(setting.name)
        except StopIteration:
            continue  # a setting without its own flag (model, geoparse via --no-geo)
        if setting.choices is not None:
            assert tuple(action.choices) == setting.choices, setting.name
        if action.default not in (None, []):
            assert action.default == setting.default, setting.name
    args = build_parser().parse_args(["code", "in.txt"])
    assert (args.favor, args.batch_size, args.n_process) == (
        Settings().favor,
        Settings().batch_size,
        Settings().n_process,
    )
