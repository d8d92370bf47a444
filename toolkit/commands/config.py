"""`toolkit config`: the settings that apply, each with where it comes from; or the file's path."""

from __future__ import annotations

from toolkit import config
from toolkit.environment import Environment
from toolkit.output import terminal
from toolkit.output.config import FORMATS, ConfigView, SettingRow


def show(format: str, env: Environment) -> None:
    render = FORMATS.renderer(format)
    settings = config.load()
    rows = [
        SettingRow(setting.name, setting.value, setting.origin, setting.help)
        for setting in settings.settings.values()
    ]
    render(ConfigView(str(settings.path), settings.exists, rows), env)


def path() -> None:
    """The config file's path, whether it exists or not: `$EDITOR "$(toolkit config --path)"`."""
    terminal.write_stdout(f"{config.config_path()}\n")
