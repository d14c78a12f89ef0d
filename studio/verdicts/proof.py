"""The proof that a game reacts to its player, from the samples of its three runs.

The runs: "input" (the player plays), "idle" (nobody plays, as long) and "idle-check"
(nobody plays, a few seconds). The player acts from the first frame, so there is no
stretch before input to compare; whether the game plays the same way twice is told by the
two idle runs alone.

- **same-seed**: the idle runs match frame for frame (the sandbox controls every clock and
  every source of randomness), and the input run parts from the idle one.
- **outlived**: the runs match, and the idle run's game ended itself (the ball fell, the
  program exited) while the input run was still playing: the player kept it going.
- **beyond-noise**: the idle runs differ (threads, a source of randomness the sandbox
  cannot reach), so identical runs prove nothing. Over the samples all three runs share,
  count the pixels where the input run differs from *both* idle runs while those two agree
  with each other (the reaction: where it parts is where the game is otherwise repeatable),
  against the pixels where the idle runs differ (the noise). A game whose every part is
  random has as much noise as reaction; one that reacts shows far more reaction.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageStat

from studio.verdicts.readback import SAMPLE_MS
from studio.verdicts.report import Divergence

#: the reaction must be this many times the noise, and at least this share of the pixels
NOISE_RATIO = 3.0
MIN_REACTION = 0.0005
#: an idle run that ends this long before the input run was outlived by the player
OUTLIVED_MS = 1000.0


def _strip(samples: list[bytes], width: int) -> Image.Image:
    """Samples laid end to end: one image, a sample's bytes a row (Pillow is fast on it)."""
    data = b"".join(samples)
    return Image.frombuffer("RGB", (width // 3, len(samples)), data, "raw", "RGB", 0, 1)


def _mask(a: Image.Image, b: Image.Image) -> Image.Image:
    """255 where two strips differ in any channel, 0 where they agree."""
    return ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v else 0)


def _share(mask: Image.Image) -> float:
    return ImageStat.Stat(mask).mean[0] / 255


def beyond_noise(inp: list[bytes], idle: list[bytes], check: list[bytes]) -> tuple[float, float]:
    """(reaction, noise) over the samples all three runs share (see the module docstring)."""
    n = min(len(inp), len(idle), len(check))
    width = len(inp[0]) if n else 0
    if not n or not width or any(len(s) != width for s in (*inp[:n], *idle[:n], *check[:n])):
        return 0.0, 0.0
    a, b, c = (_strip(s[:n], width) for s in (inp, idle, check))
    noise = _mask(b, c)
    reaction = ImageChops.multiply(
        ImageChops.multiply(_mask(a, b), _mask(a, c)), noise.point(lambda v: 255 - v)
    )
    return round(_share(reaction), 5), round(_share(noise), 5)


def divergence(
    inp: list[bytes],
    idle: list[bytes],
    check: list[bytes] | None,
    idle_ended: bool = False,
) -> Divergence:
    """Where the input run parts from the idle run, and how that proves a reaction.
    ``idle_ended``: the idle run's game ended itself (not its game time)."""
    n = min(len(inp), len(idle))
    d = Divergence(compared=n)
    if check is not None:
        d.deterministic = idle[: len(check)] == check[: len(idle)]
    if not n:
        return d
    differ = [inp[i] != idle[i] for i in range(n)]
    first = next((i for i in range(n) if differ[i]), None)
    d.share = round(sum(differ) / n, 3)
    if first is None and idle_ended and (len(inp) - len(idle)) * SAMPLE_MS >= OUTLIVED_MS:
        first = len(idle)  # the idle game ended itself there; the played one went on
        d.proof = "outlived" if d.deterministic else ""
    if first is not None:
        d.first_seconds = round(first * SAMPLE_MS / 1000.0, 2)
    if first is None or d.proof:
        return d
    if d.deterministic:
        d.proof = "same-seed"
    elif check is not None:
        d.reaction, d.noise = beyond_noise(inp, idle, check)
        if d.reaction >= max(MIN_REACTION, NOISE_RATIO * d.noise):
            d.proof = "beyond-noise"
    return d
