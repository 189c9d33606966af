"""Every setting is documented where a newcomer looks: .env.example and the README."""

from pathlib import Path

import pytest

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _names() -> list[str]:
    names = []
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.append(alias.choices[0] if alias is not None else field_name.upper())
    return names


@pytest.mark.parametrize("name", _names())
def test_setting_is_documented(name):
    assert f"{name}=" in (ROOT / ".env.example").read_text()
    assert f"`{name}`" in (ROOT / "README.md").read_text()


def test_comma_separated_lists_are_read():
    settings = Settings(slack_admin_user_ids=" U1, U2 ,", digest_channels="C1,C2")
    assert settings.admin_user_ids == frozenset({"U1", "U2"})
    assert settings.digest_channel_ids == ["C1", "C2"]
