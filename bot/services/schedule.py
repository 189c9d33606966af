"""`lis digest --schedule`: post the digest every morning at DIGEST_TIME, Europe/London.

Other daily jobs run from the same clock at the same time (the weekly gaps note, which
decides itself whether today is its day), so one clock process runs them all.

APScheduler's cron trigger works in the Europe/London zone, so 08:00 stays 08:00 on both
sides of the clock change. The job itself is idempotent per channel and day (see
`bot.services.digest.post_digests`), which is what makes restarts and a second scheduler safe.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.errors import ConfigurationError
from bot.services.digest import LONDON

__all__ = ["digest_trigger", "build_scheduler", "run_schedule"]

log = logging.getLogger(__name__)


def digest_trigger(digest_time: str) -> CronTrigger:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", digest_time.strip())
    if not match:
        raise ConfigurationError(
            f"DIGEST_TIME must be HH:MM (24-hour, Europe/London), not {digest_time!r}."
        )
    return CronTrigger(hour=int(match.group(1)), minute=int(match.group(2)), timezone=LONDON)


def build_scheduler(
    digest_time: str,
    job: Callable[[], object],
    scheduler_class=BlockingScheduler,
    also: dict[str, Callable[[], object]] | None = None,
):
    """A scheduler that runs `job` daily at `digest_time`, Europe/London, and each job in
    `also` (by id) at the same time (not started). A job that fails is logged by the
    scheduler and does not stop the others."""
    scheduler = scheduler_class(timezone=LONDON)
    for job_id, function in {"digest": job, **(also or {})}.items():
        scheduler.add_job(
            function,
            digest_trigger(digest_time),
            id=job_id,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=3600,
        )
    return scheduler


def run_schedule(
    digest_time: str,
    job: Callable[[], object],
    also: dict[str, Callable[[], object]] | None = None,
) -> None:
    """Run `job` (and the jobs in `also`) daily at `digest_time` until interrupted."""
    scheduler = build_scheduler(digest_time, job, also=also)
    names = ", ".join(["digest", *(also or {})])
    log.warning("%s scheduled daily at %s Europe/London", names, digest_time)
    scheduler.start()
