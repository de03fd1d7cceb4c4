"""Progress of long work: the callback type the services take, and a terminal bar (tqdm)."""

from collections.abc import Callable

from tqdm import tqdm

# Called as progress(step, done, total) while a service works.
Progress = Callable[[str, int, int], None]


def no_progress(step: str, done: int, total: int) -> None:
    pass


class ProgressBar:
    def __init__(self, stream, unit: str = "rij"):
        self.stream = stream
        self.unit = unit
        self.bars: dict[str, tqdm] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        bar = self.bars.get(step)
        if bar is None:
            bar = self.bars[step] = tqdm(
                total=total, desc=str(step), file=self.stream, leave=True, unit=self.unit
            )
        bar.update(done - bar.n)
        if done >= total:
            bar.close()


# Background work reports its progress through Django's cache, not the database: the work
# may hold a transaction open until the end, which would hide progress written there.
PROGRESS_SECONDS = 3600


def _cache_key(kind: str, pk: int) -> str:
    return f"ivp:{kind}:{pk}:progress"


def read_cached(kind: str, pk: int) -> dict | None:
    from django.core.cache import cache

    return cache.get(_cache_key(kind, pk))


def cache_writer(kind: str, pk: int) -> Progress:
    from django.core.cache import cache

    def write(step: str, done: int, total: int) -> None:
        cache.set(
            _cache_key(kind, pk),
            {"step": str(step), "done": done, "total": max(total, 1)},
            PROGRESS_SECONDS,
        )

    return write


def clear_cached(kind: str, pk: int) -> None:
    from django.core.cache import cache

    cache.delete(_cache_key(kind, pk))
