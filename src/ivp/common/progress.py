"""A terminal progress bar for long commands (tqdm), shaped as the services' progress callback."""

from tqdm import tqdm


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
