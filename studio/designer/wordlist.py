"""Words for the typing genre: plain, common, lower-case, grouped by length."""

from __future__ import annotations

WORDS: tuple[str, ...] = (
    "ant", "bee", "cat", "dog", "elk", "fox", "gum", "hat", "ink", "jam", "kit", "log",
    "map", "net", "owl", "pen", "quiz", "rug", "sun", "toy", "urn", "van", "web", "yak",
    "zip", "apple", "brave", "cloud", "dance", "eagle", "flame", "grape", "house", "ivory",
    "jolly", "knife", "lemon", "magic", "night", "ocean", "piano", "queen", "river",
    "storm", "tiger", "ultra", "vivid", "whale", "xenon", "young", "zebra", "bold", "calm",
    "dusk", "echo", "fern", "glow", "hill", "iron", "jump", "kite", "lake", "moon", "nest",
    "opal", "pine", "quip", "rain", "seed", "tide", "vase", "wind", "yarn", "zone",
    "anchor", "bridge", "candle", "dragon", "engine", "forest", "garden", "harbor",
    "island", "jungle", "kettle", "lizard", "meteor", "needle", "orange", "pirate",
    "rocket", "silver", "throne", "velvet", "wizard", "yellow", "blanket", "captain",
    "dolphin", "feather", "giraffe", "horizon", "lantern", "mystery", "octopus", "penguin",
    "rainbow", "sparkle", "thunder", "volcano", "whisper",
)  # fmt: skip


def words_between(shortest: int, longest: int) -> list[str]:
    """The words from ``shortest`` to ``longest`` letters long, in the table's order."""
    return [word for word in WORDS if shortest <= len(word) <= longest]
