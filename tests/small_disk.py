"""Run commands against a real, tiny filesystem: a tmpfs mounted in a private mount
namespace (`unshare`), so a test can fill the disk or make it read-only without root and
without touching the machine's own disks."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MOUNT = "/mnt"  # only inside the namespace; the real /mnt is untouched


@functools.cache
def _usable() -> str | None:
    """Why small disks cannot be made here, or None when they can."""
    if not shutil.which("unshare"):
        return "unshare is not installed"
    probe = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            f"mount -t tmpfs -o size=1m tmpfs {MOUNT}",
        ],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else f"cannot mount a tmpfs: {probe.stderr.strip()}"


def run_on_small_disk(script: str, size_mb: int, *, read_only: bool = False, **env: str):
    """Run a bash `script` with a `size_mb` tmpfs at $DISK (read-only if asked) and `lis`
    meaning this checkout's CLI; returns the completed process (stdout, stderr, text)."""
    reason = _usable()
    if reason:
        pytest.skip(f"small-disk fault tests need user namespaces: {reason}")
    options = f"size={size_mb}m" + (",ro" if read_only else "")
    prelude = (
        f"set -u\nmount -t tmpfs -o {options} tmpfs {MOUNT}\nexport DISK={MOUNT}\n"
        f'lis() {{ "{sys.executable}" -m bot.cli "$@"; }}\n'
        # fill DISK up to its last N kilobytes
        'fill_leaving_kb() { dd if=/dev/zero of="$DISK/filler" bs=1k '
        'count=$(( $(df -k --output=avail "$DISK" | tail -1) - $1 )) 2>/dev/null || true; }\n'
    )
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "bash", "-c", prelude + script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=300,
    )
