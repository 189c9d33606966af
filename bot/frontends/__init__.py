"""Where people meet the engine: the console, the web server, Slack and Teams.

`assistant` is what every chat front end needs around the engine; `commands` parses and
answers the chat commands once for all of them. `slack/` and `teams/` translate their
platform's requests and render answers and command results; they never import each other.
"""

__all__: list[str] = []
