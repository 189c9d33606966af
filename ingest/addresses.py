"""Which network addresses a URL ingest may reach, and how a host name becomes addresses.

Fetching on an admin's behalf must not become a way into the server's own network (cloud
metadata endpoints, internal services). An address is public when Python's `is_global`
says so and, for IPv6 forms that carry an IPv4 address inside them (IPv4-mapped
`::ffff:a.b.c.d`, the old IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
`2002::/16`, Teredo), the IPv4 address inside is public too: a network that translates
these forms delivers the connection to that IPv4 address.

Names are resolved by a `Resolver`, injectable so tests can play a DNS server that
changes its answer (rebinding); the default asks the system's resolver.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

from ingest.errors import IngestError

__all__ = ["Resolver", "system_resolver", "is_public", "checked_addresses"]

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from the system resolver (getaddrinfo), in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet, looking inside IPv6 forms of IPv4."""
    if not address.is_global or address.is_multicast:
        return False
    inner = _embedded_ipv4(address)
    return inner is None or is_public(inner)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it is one of the forms that do."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if int(address) >> 32 == 0 or address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def checked_addresses(
    host: str, port: int, resolver: Resolver = system_resolver, allow_private: bool = False
) -> list[str]:
    """The addresses to connect to for `host`, resolved once; all must be public unless
    private ones are allowed. Connecting to exactly these (not resolving the name again)
    is what makes the check hold against DNS rebinding."""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError) as error:
            raise IngestError(f"unreachable: cannot find the host {host!r}") from error
    if not addresses:
        raise IngestError(f"unreachable: cannot find the host {host!r}")
    if not allow_private and not all(_is_public_text(address) for address in addresses):
        raise IngestError(
            f"refusing {host}: it is a private, local or reserved address "
            "(set INGEST_ALLOW_PRIVATE_URLS=true for on-premises use)"
        )
    return addresses


def _is_public_text(address: str) -> bool:
    """`is_public` for resolver output; anything that is not an IP address is not public."""
    try:
        return is_public(ipaddress.ip_address(address))
    except ValueError:
        return False
