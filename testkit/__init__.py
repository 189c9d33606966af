"""Local stand-ins for what lies outside this machine, shared by `tests/` and
`benchmarks/`: a fake Slack Web API, Slack requests signed as Slack signs them, a real
Chroma server run on loopback, and a background aiohttp server. Not part of the product.
"""

__all__: list[str] = []
