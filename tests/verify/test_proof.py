"""The proof of reaction on made-up samples: each proof, and what must not pass for one."""

from __future__ import annotations

import random

from studio.verdicts.proof import MIN_REACTION, divergence

W, H = 24, 16  # a small sample: 24 x 16 RGB pixels


def picture(*spots: tuple[int, int], colour: bytes = b"\xff\xff\xff") -> bytes:
    """A dark picture with a few lit pixels."""
    data = bytearray(W * H * 3)
    for x, y in spots:
        i = (y * W + x) * 3
        data[i : i + 3] = colour
    return bytes(data)


def run(length: int, mover: list[int] | None = None, noise: random.Random | None = None):
    """``length`` samples: a ship (three by three pixels) at ``mover[i]`` (or still) and,
    with ``noise``, a random twinkle (one pixel) in the top rows."""
    out = []
    for i in range(length):
        x = mover[i] if mover else 5
        spots = [(x + dx, 11 + dy) for dx in range(3) for dy in range(3)]
        if noise is not None:
            spots.append((noise.randrange(W), noise.randrange(3)))
        out.append(picture(*spots))
    return out


def test_same_seed_runs_parting_where_the_player_acted() -> None:
    idle = run(20)
    played = run(20, mover=[5, 5, 6, 7, 8, 9, 10, 11, 12, 13] * 2)
    d = divergence(played, idle, idle[:15])
    assert d.deterministic and d.proof == "same-seed"
    assert d.first_seconds == 0.4  # the third sample, at 200 ms a sample


def test_identical_runs_prove_nothing() -> None:
    idle = run(20)
    d = divergence(list(idle), idle, idle[:15])
    assert d.first_seconds is None and d.proof == ""


def test_a_game_kept_going_by_the_player_outlived_the_idle_one() -> None:
    idle = run(6)  # the game ended itself after six samples, and nothing showed before
    played = run(40)
    d = divergence(played, idle, idle, idle_ended=True)
    assert d.proof == "outlived" and d.first_seconds == 1.2
    # the same lengths without the idle game ending itself (a crash, the wall clock): no
    assert divergence(played, idle, idle, idle_ended=False).proof == ""


def test_unreproducible_noise_is_not_a_reaction() -> None:
    """A demo that twinkles at random and reads no input: the run with input differs from
    the others only as much as they differ from each other."""
    a, b, c = (run(20, noise=random.Random(k)) for k in (1, 2, 3))
    d = divergence(a, b, c[:15])
    assert not d.deterministic and d.first_seconds is not None
    assert d.proof == "" and d.noise > 0 and d.reaction < 3 * d.noise


def test_a_reaction_far_beyond_the_noise_is_proven() -> None:
    moved = [5 + i % 15 for i in range(20)]
    played = run(20, mover=moved, noise=random.Random(1))
    idle, check = run(20, noise=random.Random(2)), run(15, noise=random.Random(3))
    d = divergence(played, idle, check)
    assert not d.deterministic
    assert d.proof == "beyond-noise" and d.reaction >= max(MIN_REACTION, 3 * d.noise)
