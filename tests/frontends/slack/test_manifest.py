"""`manifest.yaml` works in a real workspace.

Two kinds of check:

* Slack's published manifest JSON schema (a copy under `data/manifest-schema`, source in its
  README) accepts the manifest, offline.
* The scopes, events and commands match the code, both ways. The code is read statically
  (`ast`): every Slack Web API method it calls (`client.chat_postMessage(...)`, bolt's `say`,
  `set_status`, `chat_stream`, ...), every event and command it listens to. Each method needs
  a declared scope (`METHOD_SCOPES`, from Slack's method pages), and each declared scope must
  be needed by some call, event or feature: the app asks for nothing it does not use.

The schema checks shapes, not meanings: scope and event names are free strings there, which
is why the second kind of check exists.
"""

from __future__ import annotations

import ast
import copy
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import slack_sdk.web.async_client
import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

ROOT = Path(__file__).resolve().parents[3]
MANIFEST = ROOT / "manifest.yaml"
CODE = ROOT / "bot"
SCHEMA = Path(__file__).parent / "data" / "manifest-schema"
# The root schema names the versioned schemas by these addresses (tag v0.5.0).
SCHEMA_TAG = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/"

DOCS = "https://docs.slack.dev/reference/methods/"

# Web API method -> the bot scopes that allow it (any one of them), from Slack's method pages
# (DOCS + method name) unless noted. An empty tuple: no scope needed.
METHOD_SCOPES: dict[str, tuple[str, ...]] = {
    "chat.postMessage": ("chat:write",),
    "chat.postEphemeral": ("chat:write",),
    "chat.update": ("chat:write",),
    "chat.delete": ("chat:write",),
    "chat.startStream": ("chat:write",),
    "chat.appendStream": ("chat:write",),
    "chat.stopStream": ("chat:write",),
    "views.open": (),
    "views.publish": (),
    "views.update": (),
    "views.push": (),
    # Page lists chat:write; Slack's changelog of 2026-03-05 ("Set status method scope update")
    # says assistant:write is accepted too, for now.
    "assistant.threads.setStatus": ("chat:write", "assistant:write"),
    "assistant.threads.setSuggestedPrompts": ("assistant:write",),
    "assistant.threads.setTitle": ("assistant:write",),
    "files.info": ("files:read",),
    "files.getUploadURLExternal": ("files:write",),
    "files.completeUploadExternal": ("files:write",),
    "users.info": ("users:read",),
    "conversations.info": ("channels:read", "groups:read", "im:read", "mpim:read"),
    "conversations.open": ("im:write", "mpim:write", "channels:manage", "groups:write"),
    "conversations.history": ("channels:history", "groups:history", "im:history", "mpim:history"),
    "conversations.replies": ("channels:history", "groups:history", "im:history", "mpim:history"),
    "reactions.add": ("reactions:write",),
    "auth.test": (),
    # Not a Web API method: fetching a shared file's `url_private(_download)` with the bot
    # token needs files:read (docs.slack.dev/messaging/working-with-files).
    "(download url_private)": ("files:read",),
    # Not a Web API method: bolt's `respond` posts to the interaction's response_url.
    "(response_url)": (),
}

# Event subscription -> the scope Slack requires for it (docs.slack.dev/reference/events/...).
EVENT_SCOPES: dict[str, tuple[str, ...]] = {
    "app_mention": ("app_mentions:read",),
    "app_home_opened": (),
    "message.channels": ("channels:history",),
    "message.groups": ("groups:history",),
    "message.im": ("im:history",),
    "message.mpim": ("mpim:history",),
    # The event pages say "No scopes required"; the feature below brings assistant:write.
    "assistant_thread_started": (),
    "assistant_thread_context_changed": (),
}
MESSAGE_EVENTS = {"message.channels", "message.groups", "message.im", "message.mpim"}

# What a manifest feature needs. The AI app surface (features.assistant_view, "Agents & AI
# Apps" in the app settings) needs assistant:write and these three events: bolt-python's
# "Using AI in Apps" guide (docs.slack.dev/tools/bolt-python/concepts/ai-apps).
AI_APP_EVENTS = {"assistant_thread_started", "assistant_thread_context_changed", "message.im"}
FEATURE_SCOPES = {"assistant_view": {"assistant:write"}, "slash_commands": {"commands"}}

# bolt's listener helpers and the methods they call (slack_bolt/context/*).
BOLT_HELPERS: dict[str, tuple[str, ...]] = {
    "say": ("chat.postMessage",),
    "respond": ("(response_url)",),
    "set_status": ("assistant.threads.setStatus",),
    "set_title": ("assistant.threads.setTitle",),
    "set_suggested_prompts": ("assistant.threads.setSuggestedPrompts",),
    "say_stream": ("chat.startStream", "chat.appendStream", "chat.stopStream"),
    # bolt's default thread context store finds its own first reply, then updates it.
    "get_thread_context": ("conversations.replies",),
    "save_thread_context": ("conversations.replies", "chat.update"),
}
# slack_sdk client helpers that call several methods rather than one `api_call`, and its
# streaming classes (slack_sdk/web/async_chat_stream.py), should one be built directly.
STREAM_METHODS = ("chat.startStream", "chat.appendStream", "chat.stopStream")
CLIENT_HELPERS: dict[str, tuple[str, ...]] = {
    "chat_stream": STREAM_METHODS,
    "files_upload_v2": ("files.getUploadURLExternal", "files.completeUploadExternal"),
}
SDK_CLASSES: dict[str, tuple[str, ...]] = {
    "AsyncChatStream": STREAM_METHODS,
    "ChatStream": STREAM_METHODS,
}
# bolt's Assistant middleware (app.assistant(...) / app.use(...)) listens to the AI app
# events and, by default, saves the thread context on assistant_thread_context_changed.
ASSISTANT_CLASSES = {"Assistant", "AsyncAssistant"}
ASSISTANT_METHODS = ("conversations.replies", "chat.update")
INTERACTIVE = {"action", "view", "view_submission", "view_closed", "shortcut", "options"}


@dataclass
class Usage:
    """What the code uses of Slack, with where (file:line) for the messages."""

    methods: dict[str, list[str]] = field(default_factory=dict)
    events: dict[str, list[str]] = field(default_factory=dict)
    commands: dict[str, list[str]] = field(default_factory=dict)
    interactive: list[str] = field(default_factory=list)

    def add(self, kind: dict[str, list[str]], name: str, where: str) -> None:
        kind.setdefault(name, []).append(where)


@cache
def client_methods() -> dict[str, str]:
    """slack_sdk client method name -> Web API method, read from its `api_call("...")`."""
    tree = ast.parse(Path(slack_sdk.web.async_client.__file__).read_text())
    methods = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.AsyncFunctionDef):
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "api_call"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    methods[node.name] = call.args[0].value
                    break
    return methods


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _receiver(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return None


def _event_name(arg: ast.expr) -> str | None:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.Dict):  # app.event({"type": "message", "subtype": ...})
        for key, value in zip(arg.keys, arg.values, strict=True):
            if isinstance(key, ast.Constant) and key.value == "type":
                return _event_name(value)
    return None


def scan(source: str, where: str, usage: Usage) -> Usage:
    """Add what one module's source uses of Slack to `usage`."""
    tree = ast.parse(source)
    from_bolt = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("slack_bolt")
        for alias in node.names
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in ("url_private", "url_private_download"):
            usage.add(usage.methods, "(download url_private)", f"{where}:{node.lineno}")
        if not isinstance(node, ast.Call):
            continue
        at, name, receiver = f"{where}:{node.lineno}", _name(node.func), _receiver(node.func)
        if name is None:
            continue
        if isinstance(node.func, ast.Attribute) and name in client_methods():
            usage.add(usage.methods, client_methods()[name], at)
        elif isinstance(node.func, ast.Attribute) and name in CLIENT_HELPERS:
            for method in CLIENT_HELPERS[name]:
                usage.add(usage.methods, method, at)
        elif name == "api_call" and node.args and isinstance(node.args[0], ast.Constant):
            usage.add(usage.methods, node.args[0].value, at)
        elif name in BOLT_HELPERS or name in SDK_CLASSES:
            for method in BOLT_HELPERS.get(name) or SDK_CLASSES[name]:
                usage.add(usage.methods, method, at)
        elif name in ASSISTANT_CLASSES and name in from_bolt:
            for event in AI_APP_EVENTS:
                usage.add(usage.events, event, at)
            for method in ASSISTANT_METHODS:
                usage.add(usage.methods, method, at)
        elif receiver == "app" and name in ("event", "message"):
            event = "message" if name == "message" else _event_name(node.args[0])
            usage.add(usage.events, event or "?", at)
        elif receiver == "app" and name == "command" and node.args:
            usage.add(usage.commands, _event_name(node.args[0]) or "?", at)
        elif receiver == "app" and name in INTERACTIVE:
            usage.interactive.append(at)
    return usage


@cache
def code_usage() -> Usage:
    usage = Usage()
    for path in sorted(CODE.rglob("*.py")):
        scan(path.read_text(), str(path.relative_to(ROOT)), usage)
    return usage


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


def bot_scopes(m: dict) -> set[str]:
    return set(m["oauth_config"]["scopes"]["bot"])


def bot_events(m: dict) -> set[str]:
    return set(m["settings"]["event_subscriptions"]["bot_events"])


# --- Slack's published schema -----------------------------------------------------------


@cache
def schemas() -> tuple[dict, Registry]:
    root = json.loads((SCHEMA / "manifest.schema.json").read_text())
    resources = [(root["$id"], Resource.from_contents(root, default_specification=DRAFT7))]
    for path in sorted((SCHEMA / "schemas").glob("*.json")):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=DRAFT7)
        resources.append((f"{SCHEMA_TAG}schemas/{path.name}", resource))
    return root, Registry().with_resources(resources)


def schema_errors(instance: dict) -> list[str]:
    """Why Slack's schema rejects a manifest, one line per problem, with its path.

    The root schema picks a version schema by `_metadata.major_version`, and its `oneOf`
    error says only "not valid under any"; so the version schema it picks is asked too."""
    root, registry = schemas()
    if Draft7Validator(root, registry=registry).is_valid(instance):
        return []
    major = (instance.get("_metadata") or {}).get("major_version", 1)
    version = registry.contents(f"{SCHEMA_TAG}schemas/manifest.schema.{major}.0.0.json")
    errors = Draft7Validator(version, registry=registry).iter_errors(instance)
    lines = []
    for error in sorted(errors, key=lambda e: list(e.absolute_path)):
        path = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        if error.validator == "additionalProperties":
            lines.append(f"{path}: a field the schema does not know: {error.message}")
        else:
            lines.append(f"{path}: {error.message}")
    return lines or ["rejected by the root schema (oneOf), no error in the version schema"]


def test_the_manifest_is_valid_against_slacks_published_schema():
    problems = schema_errors(manifest())
    assert not problems, "manifest.yaml against Slack's schema:\n" + "\n".join(problems)


def _set(m: dict, path: str, value) -> dict:
    m = copy.deepcopy(m)
    *parents, last = path.split(".")
    target = m
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return m


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("features.assistant_veiw", {"assistant_description": "x"}, "assistant_veiw"),
        ("features.assistant_view.assistant_description", _DELETE, "assistant_description"),
        ("features.assistant_view.suggested_prompts", [{"title": "x"}], "message"),
        ("display_information.name", "LIS Assistant, for NHS leaders in England", "too long"),
        ("settings.event_subscriptions.request_url", "YOUR-HOST/slack/events", "does not match"),
        ("oauth_config.scopes.bots", ["chat:write"], "bots"),
    ],
)
def test_the_schema_copy_rejects_what_slack_would_reject(path, value, expected):
    """The copy is not vacuous: a misspelt or missing field fails, with its path."""
    problems = schema_errors(_set(manifest(), path, value))
    assert any(expected in line for line in problems), problems


def test_the_ai_app_surface_is_declared_with_a_few_prompts():
    m = manifest()
    view = m["features"]["assistant_view"]
    assert view["assistant_description"].strip()
    # Slack shows up to four suggested prompts (assistant.threads.setSuggestedPrompts); the
    # schema sets no limit for assistant_view, so it is checked here.
    assert 3 <= len(view["suggested_prompts"]) <= 4
    assert all(p["title"].strip() and p["message"].strip() for p in view["suggested_prompts"])
    assert "assistant:write" in bot_scopes(m)
    assert bot_events(m) >= AI_APP_EVENTS
    # Direct messages (and AI app threads) need the Messages tab, writable.
    assert m["features"]["app_home"]["messages_tab_enabled"] is True
    assert m["features"]["app_home"]["messages_tab_read_only_enabled"] is False


# --- Scopes, events and commands against the code ----------------------------------------


def test_the_scan_finds_what_the_code_is_known_to_use():
    """Guards the scanner itself: if it silently found nothing, the checks below would pass."""
    usage = code_usage()
    assert {"chat.postMessage", "chat.update", "views.open", "views.publish"} <= set(usage.methods)
    assert "(download url_private)" in usage.methods  # "Add to knowledge base"
    assert {"app_mention", "message", "app_home_opened"} <= set(usage.events)
    assert "/lis" in usage.commands
    assert usage.interactive


def test_the_scan_recognises_the_ai_app_calls():
    """The AsyncAssistant surface, streaming and thread status, as the Slack front end will
    use them: recognised, and covered by the manifest's scopes."""
    source = """
from slack_bolt.async_app import AsyncAssistant
assistant = AsyncAssistant()

@assistant.thread_started
async def start(say, set_suggested_prompts):
    await say("Hello")
    await set_suggested_prompts(prompts=[])

@assistant.user_message
async def answer(client, set_status, set_title, say_stream, payload):
    await set_status("is looking into it...")
    await set_title(payload["text"])
    streamer = await client.chat_stream(channel="D1", thread_ts="1.2")
    await streamer.append(markdown_text="...")
    await streamer.stop()
"""
    usage = scan(source, "example.py", Usage())
    assert set(usage.methods) == {
        "chat.postMessage",
        "assistant.threads.setSuggestedPrompts",
        "assistant.threads.setStatus",
        "assistant.threads.setTitle",
        "chat.startStream",
        "chat.appendStream",
        "chat.stopStream",
        *ASSISTANT_METHODS,
    }
    assert set(usage.events) == AI_APP_EVENTS
    assert not _uncovered(usage.methods, bot_scopes(manifest()))


def _uncovered(methods: dict[str, list[str]], scopes: set[str]) -> list[str]:
    problems = []
    for method, where in sorted(methods.items()):
        if method not in METHOD_SCOPES:
            problems.append(f"{method} ({where[0]}): add it to METHOD_SCOPES, with its source")
        elif METHOD_SCOPES[method] and not scopes & set(METHOD_SCOPES[method]):
            needs = " or ".join(METHOD_SCOPES[method])
            problems.append(f"{method} ({where[0]}) needs {needs}")
    return problems


def test_every_slack_method_the_code_calls_is_covered_by_a_declared_scope():
    problems = _uncovered(code_usage().methods, bot_scopes(manifest()))
    assert not problems, "manifest.yaml lacks scopes:\n" + "\n".join(problems)


def _needed_scopes(m: dict, usage: Usage) -> dict[str, str]:
    """Each scope something needs -> what needs it."""
    needed = {}
    for method in usage.methods:
        for scope in METHOD_SCOPES.get(method, ()):
            needed.setdefault(scope, method)
    for event in bot_events(m):
        for scope in EVENT_SCOPES.get(event, ()):
            needed.setdefault(scope, f"the {event} event")
    for feature, scopes in FEATURE_SCOPES.items():
        if feature in m.get("features", {}):
            for scope in scopes:
                needed.setdefault(scope, f"features.{feature}")
    return needed


def test_every_declared_scope_is_needed():
    m = manifest()
    unneeded = bot_scopes(m) - set(_needed_scopes(m, code_usage()))
    assert not unneeded, f"manifest.yaml asks for scopes nothing uses: {sorted(unneeded)}"
    assert "user" not in m["oauth_config"]["scopes"], "the app acts only as its bot"


def test_every_subscribed_event_has_its_scope():
    m = manifest()
    unknown = bot_events(m) - set(EVENT_SCOPES)
    assert not unknown, f"add these events to EVENT_SCOPES, with their scopes: {unknown}"
    missing = {
        event: EVENT_SCOPES[event]
        for event in bot_events(m)
        if EVENT_SCOPES[event] and not bot_scopes(m) & set(EVENT_SCOPES[event])
    }
    assert not missing, f"events without the scope Slack requires: {missing}"


def test_every_event_the_code_listens_to_is_subscribed():
    m, usage = manifest(), code_usage()
    events = bot_events(m)
    for event, where in usage.events.items():
        if event == "message":  # delivered for each message.* subscription
            assert events & MESSAGE_EVENTS, f"a message listener ({where[0]}) gets no messages"
        else:
            assert event in events, f"{event} is listened to ({where[0]}) but not subscribed"


def test_every_subscribed_event_is_listened_to_or_needed_by_a_feature():
    m, usage = manifest(), code_usage()
    listened = set(usage.events)
    for event in bot_events(m):
        if event in MESSAGE_EVENTS:
            ok = "message" in listened or event in listened
        else:
            ok = event in listened
        # The AI app surface brings its events (AI_APP_EVENTS); the Slack front end's
        # AsyncAssistant listens to them once it is merged.
        ok = ok or ("assistant_view" in m["features"] and event in AI_APP_EVENTS)
        assert ok, f"{event} is subscribed but nothing listens to it"


def test_the_slash_commands_match_the_code():
    m, usage = manifest(), code_usage()
    declared = {c["command"] for c in m["features"]["slash_commands"]}
    assert declared == set(usage.commands)
    assert "commands" in bot_scopes(m)
    for command in m["features"]["slash_commands"]:
        assert command["url"].endswith("/slack/events")


def test_the_surfaces_the_code_uses_are_enabled():
    m, usage = manifest(), code_usage()
    if usage.interactive:  # buttons and modals
        assert m["settings"]["interactivity"]["is_enabled"] is True
    if "views.publish" in usage.methods:  # the App Home tab
        assert m["features"]["app_home"]["home_tab_enabled"] is True
    urls = {
        m["settings"]["event_subscriptions"]["request_url"],
        m["settings"]["interactivity"]["request_url"],
    }
    assert urls == {"https://YOUR-HOST/slack/events"}  # README: replace YOUR-HOST
