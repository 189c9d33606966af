"""Every setting the assistant reads, in one place.

Settings come from the environment (or `.env`, loaded by the entry point) and are read
once, at the edge, by `get_settings()`; everything deeper receives the `Settings` object.
Each field's description is what the README and `.env.example` say about it.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.fetch import FetchPolicy

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Settings(BaseSettings):
    """The product's configuration; field names are the environment variables."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False)

    # Slack
    slack_bot_token: SecretStr | None = Field(None, description="Bot token (xoxb-...).")
    slack_signing_secret: SecretStr | None = Field(None, description="Signs Slack's requests.")
    slack_app_token: SecretStr | None = Field(None, description="App token for Socket Mode.")
    slack_api_url: str = Field(DEFAULT_SLACK_API_URL, description="Slack Web API base URL.")
    slack_admin_user_ids: str = Field("", description="Comma-separated Slack user ids.")

    # Language model
    openai_api_key: SecretStr | None = Field(None, description="Enables generated answers.")
    openai_base_url: str | None = Field(None, description="OpenAI-compatible endpoint.")
    openai_model: str = Field("gpt-5-mini", description="Chat model for answers.")
    embeddings: Literal["wordllama", "openai"] = Field(
        "wordllama", description="Embedding model: the offline default or OpenAI."
    )

    # Storage
    lis_data_dir: Path = Field(Path(".lis"), description="Chroma files and SQLite state.")
    knowledge_dir: Path = Field(Path("knowledge"), description="The curated knowledge base.")
    prompts_dir: Path = Field(Path("prompts"), description="Prompt templates for the LLM.")
    ingest_allow_private_urls: bool = Field(
        False, description="Let admins ingest URLs on private networks (on-premises, tests)."
    )
    ingest_max_mb: int = Field(
        25, ge=1, description="Largest document an admin may ingest, in MB (1,000,000 bytes)."
    )
    database_url: SecretStr | None = Field(
        None,
        description="PostgreSQL for the state every process shares "
        "(postgresql://user:password@host/db); unset: SQLite in LIS_DATA_DIR.",
    )
    chroma_host: str | None = Field(None, description="Use a Chroma server at this host.")
    chroma_port: int = Field(8000, description="Port of the Chroma server.")
    chroma_token: SecretStr | None = Field(None, description="Bearer token for the Chroma server.")

    # Microsoft Teams (Agents SDK)
    client_id: str | None = Field(None, description="Azure bot (app registration) client id.")
    client_secret: SecretStr | None = Field(None, description="Its client secret.")
    tenant_id: str | None = Field(None, description="Its Microsoft Entra tenant id.")
    teams_anonymous_allowed: bool = Field(
        False,
        validation_alias=AliasChoices(
            "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED",
            "TEAMS_ANONYMOUS_ALLOWED",
        ),
        description="Accept Teams requests without a token (local development only).",
    )
    teams_admin_ids: str = Field(
        "", description="Comma-separated Microsoft Entra object ids of Teams admins."
    )

    # Privacy (see SECURITY.md)
    retention_days: int = Field(
        90, ge=1, description="Days questions, answers, feedback and thread history are kept."
    )
    audit_retention_days: int = Field(730, ge=1, description="Days the admin audit log is kept.")

    # Digest
    digest_channels: str = Field("", description="Comma-separated channel ids.")
    digest_time: str = Field("08:00", description="Daily digest time, Europe/London.")
    gaps_day: str = Field(
        "monday",
        description="Day of the weekly gaps note to admins (at DIGEST_TIME, Europe/London).",
    )

    @field_validator("gaps_day")
    @classmethod
    def _weekday(cls, value: str) -> str:
        day = value.strip().lower()
        for name in WEEKDAYS:
            if len(day) >= 3 and name.startswith(day):
                return name
        raise ValueError(f"must be a day of the week (Monday to Sunday), not {value!r}")

    @cached_property
    def admin_user_ids(self) -> frozenset[str]:
        return frozenset(_split_list(self.slack_admin_user_ids))

    @cached_property
    def teams_admin_object_ids(self) -> frozenset[str]:
        """Entra object ids compare case-insensitively (they are GUIDs)."""
        return frozenset(item.lower() for item in _split_list(self.teams_admin_ids))

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)

    @property
    def teams_enabled(self) -> bool:
        return bool(self.client_id or self.teams_anonymous_allowed)

    @property
    def fetch_policy(self) -> FetchPolicy:
        """What URL ingests may do: private addresses, size cap. A megabyte is 1,000,000
        bytes here, as in the messages that quote the limit."""
        return FetchPolicy(
            allow_private=self.ingest_allow_private_urls, max_bytes=self.ingest_max_mb * 1_000_000
        )

    @property
    def gaps_weekday(self) -> int:
        """GAPS_DAY as Python counts weekdays (Monday is 0)."""
        return WEEKDAYS.index(self.gaps_day)

    @property
    def digest_channel_ids(self) -> list[str]:
        return _split_list(self.digest_channels)

    @property
    def documents_dir(self) -> Path:
        return self.knowledge_dir / "documents"


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def get_settings(**overrides) -> Settings:
    """Build settings from the environment; keyword overrides win (tests, CLI flags)."""
    return Settings(**overrides)
