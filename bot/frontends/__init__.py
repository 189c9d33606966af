"""Where people meet the engine: the console, the web server, Slack and Teams.

`assistant` is what every chat front end needs around the engine, `replies` the shared
command replies; `slack/` and `teams/` translate their platform's requests and render
answers, and never import each other."""

__all__: list[str] = []
