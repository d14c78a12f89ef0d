"""The prompts a bench runs: the built-in suite (``suite.tsv``, shipped with the package) or a
file of one prompt a line (``--suite FILE``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from studio.errors import UsageError
from studio.runlog import slugify

#: A suite longer than this is a mistake (a wrong file), not a bench.
MAX_PROMPTS = 5000


@dataclass(frozen=True)
class Task:
    """One prompt of the suite: ``id`` names its folder, ``genre`` groups the report."""

    id: str
    genre: str
    prompt: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "genre": self.genre, "prompt": self.prompt}


def genre_of(prompt: str) -> str:
    """The designer's genre keys the prompt names (``match3+tetris`` for a hybrid), or
    ``free`` when it names none."""
    from studio.designer.reading import read_prompt

    und = read_prompt(prompt)
    if not und.recognised or not und.genres:
        return "free"
    return "+".join(sorted(dict.fromkeys(und.genres[:2])))


def builtin() -> list[Task]:
    """The built-in suite: every genre of the offline designer, hybrids, free prompts."""
    text = resources.files("studio.bench").joinpath("suite.tsv").read_text(encoding="utf-8")
    tasks = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        id_, genre, prompt = line.split("\t")
        tasks.append(Task(id_, genre, prompt))
    return tasks


def from_file(path: Path) -> list[Task]:
    """One prompt a line; blank lines and lines starting with # are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"--suite: no file {path}; give a file of one prompt a line") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--suite: cannot read {path} ({exc}); give a UTF-8 text file") from None
    prompts = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not prompts:
        raise UsageError(f"--suite: {path} holds no prompt; write one prompt a line")
    if len(prompts) > MAX_PROMPTS:
        raise UsageError(f"--suite: {path} holds {len(prompts)} prompts; at most {MAX_PROMPTS}")
    tasks, seen = [], set()
    for prompt in prompts:
        id_ = slugify(prompt, 32)
        if id_ in seen:  # two prompts with the same slug: a short hash tells them apart
            id_ = f"{id_}-{hashlib.sha1(prompt.encode()).hexdigest()[:6]}"
        if id_ in seen:
            raise UsageError(f"--suite: the prompt {prompt!r} is in {path} twice; keep one")
        seen.add(id_)
        tasks.append(Task(id_, genre_of(prompt), prompt))
    return tasks


def load(spec: str) -> list[Task]:
    """``builtin`` or the path of a prompt file."""
    return builtin() if spec == "builtin" else from_file(Path(spec))
