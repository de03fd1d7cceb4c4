"""Progress of long work: the callback type the services take, and a terminal bar (tqdm)."""

from collections.abc import Callable

from tqdm import tqdm

# Called as progress(step, done, total) while a service works.
Progress = Callable[[str, int, int], None]


def no_progress(step: str, done: int, total: int) -> None:
    pass


class ProgressBar:
    def __init__(self, stream):
        self.stream = stream
        self.bars: dict[str, tqdm] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        bar = self.bars.get(step)
        if bar is None:
            bar = self.bars[step] = tqdm(
                total=total, desc=str(step), file=self.stream, leave=True, unit="rij"
            )
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
