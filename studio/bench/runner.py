"""The bench runner: every model × prompt × sample as one attempt of the make pipeline
(``studio.attempts.Attempt``: request, parse, verify, repair rounds), many at once.

Each model has its own workers, as many as its concurrency limit plus the verification
slots, so that replies stream while earlier samples are verified; model calls are bounded by
the model's ``Throttle`` (429s lower it), verdicts by one shared semaphore (one slot per CPU,
or per cluster worker). Every finished sample is written at once (``studio.bench.store``);
Ctrl-C cancels what is in flight and keeps what is done.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from studio.adherence import asked
from studio.attempts import Attempt, Shared, Verifier
from studio.bench import sample, stats
from studio.bench.authors import Author
from studio.bench.store import BenchDir, SampleLog
from studio.bench.suite import Task
from studio.bench.throttle import Throttle, ThrottledModel
from studio.collaborators import default_prompts, default_verifier, safe_default_kill
from studio.errors import ModelError
from studio.lifecycle import AttemptState
from studio.models.base import Request
from studio.progress import NullProgress

DEFAULT_SAMPLES = 5
MAX_SAMPLES = 100


@dataclass
class BenchSettings:
    """What a bench depends on; stored in ``results.json`` so that reports compare."""

    suite: str = "builtin"
    samples: int = DEFAULT_SAMPLES
    repairs: int = 2
    seconds: float = 30.0
    seed: int = 0
    big_brain: bool = False
    cluster: str | None = None

    def public(self) -> dict[str, Any]:
        return asdict(self)


def sample_seed(seed: int, prompt_id: str, n: int) -> int:
    """The seed of sample ``n`` of a prompt: the same for every model, and from run to run."""
    return (seed * 1_000_003 + zlib.crc32(prompt_id.encode()) + n * 7_919) % 2_147_483_647


Job = tuple[Author, Task, int]


class Bench:
    """Runs the samples ``folder`` does not have yet; ``run()`` returns every record."""

    def __init__(
        self,
        folder: BenchDir,
        settings: BenchSettings,
        authors: list[Author],
        tasks: list[Task],
        *,
        verifier: Verifier | None = None,
        verify_slots: int = 1,
        on_sample: Callable[[dict[str, Any]], None] | None = None,
        secrets: tuple[str | None, ...] = (),
        clock: Callable[[], float] = time.monotonic,
        kill: Callable[[], object] | None = None,
    ) -> None:
        self.folder = folder
        self.settings = settings
        self.authors = authors
        self.tasks = tasks
        self.verifier = verifier or default_verifier()
        self.slots = threading.Semaphore(verify_slots)
        self.verify_slots = verify_slots
        self.on_sample = on_sample
        self.secrets = secrets
        self.clock = clock
        self.kill = kill
        self.cancel = threading.Event()
        self.prompts = default_prompts()
        self.throttles = {a.slug: Throttle(a.concurrency) for a in authors}
        self._failures: list[BaseException] = []

    def jobs(self) -> list[Job]:
        """The samples still to run, sample 1 of every prompt first (an interrupted bench
        has covered the suite evenly)."""
        out = []
        for n in range(1, self.settings.samples + 1):
            for task in self.tasks:
                for author in self.authors:
                    if not self.folder.done(author.slug, task.id, n):
                        out.append((author, task, n))
        return out

    def summary(self) -> dict[str, Any]:
        return self._summarise(self.folder.all_records())

    def _summarise(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        return stats.report(records, [a.slug for a in self.authors], self.settings.samples)

    # -- running -------------------------------------------------------------------------

    def run(self) -> list[dict[str, Any]]:
        jobs = self.jobs()
        per_author: dict[str, queue.Queue[Job]] = {a.slug: queue.Queue() for a in self.authors}
        for job in jobs:
            per_author[job[0].slug].put(job)
        done: queue.Queue[str] = queue.Queue()
        threads = []
        for author in self.authors:
            work = per_author[author.slug]
            count = min(work.qsize(), author.concurrency + self.verify_slots)
            for i in range(count):
                thread = threading.Thread(
                    target=self._worker,
                    args=(work, done),
                    name=f"bench-{author.slug}-{i}",
                    daemon=True,
                )
                threads.append(thread)
        for thread in threads:
            thread.start()
        try:
            ended = 0
            while ended < len(threads):
                with contextlib.suppress(queue.Empty):  # the timeout keeps Ctrl-C deliverable
                    done.get(timeout=0.25)
                    ended += 1
        except KeyboardInterrupt:
            self.stop()
            raise
        if self._failures:
            raise self._failures[0]
        self.folder.write(self.summary())
        return self.folder.all_records()

    def stop(self) -> None:
        """Cancel every sample in flight: streams abandoned, sandboxes killed."""
        self.cancel.set()
        for author in self.authors:
            abandon = getattr(author.model, "cancel", None)
            if callable(abandon):
                abandon()
        kill = self.kill if self.kill is not None else safe_default_kill()
        if kill is not None:
            kill()

    def _worker(self, work: queue.Queue[Job], done: queue.Queue[str]) -> None:
        try:
            while not self.cancel.is_set():
                try:
                    author, task, n = work.get_nowait()
                except queue.Empty:
                    return
                self.run_sample(author, task, n)
        except BaseException as exc:  # a bug: stop the bench and say it, keep what is done
            self._failures.append(exc)
            self.cancel.set()
        finally:
            done.put(threading.current_thread().name)

    def run_sample(self, author: Author, task: Task, n: int) -> dict[str, Any] | None:
        """Sample ``n`` of ``task`` by ``author``, recorded; None when it was cancelled."""
        s = self.settings
        folder = self.folder.fresh_sample_dir(author.slug, task.id, n)
        log = SampleLog(folder, self.secrets)
        model = ThrottledModel(author.model, self.throttles[author.slug], self.cancel)
        seed = sample_seed(s.seed, task.id, n)
        effort = "high" if s.big_brain else None
        design, design_tokens, design_error = None, (0, 0), None
        if s.big_brain and not author.offline:
            design, design_tokens, design_error = self._design(model, task, seed, effort, log)
        shared = Shared(
            prompt=task.prompt,
            model=model,
            verifier=self.verifier,
            runlog=log,
            progress=NullProgress(),
            prompts=self.prompts,
            verify_slots=self.slots,
            cancel=self.cancel,
            clock=self.clock,
            seconds=s.seconds,
            verify_seed=s.seed,
            repairs=s.repairs,
            reasoning_effort=effort,
            design=design,
            asked=asked(task.prompt),
        )
        attempt = Attempt(shared, n, seed)
        if design_error is not None:  # the endpoint failed before any program was asked for
            res = attempt.result
            res.status, res.error_kind, res.reason = AttemptState.FAILED, "ModelError", design_error
        else:
            res = attempt.run()
        if res.status == AttemptState.CANCELLED or self.cancel.is_set():
            return None
        rec = sample.record(author, task, n, res, folder, self.folder.root, design_tokens)
        if rec["status"] == "done":
            sample.write_files(rec, author, task, res, folder, s.seconds)
        self.folder.add(rec, self._summarise)
        if self.on_sample is not None:
            self.on_sample(rec)
        return rec

    def _design(
        self, model: Any, task: Task, seed: int, effort: str | None, log: SampleLog
    ) -> tuple[str | None, tuple[int, int], str | None]:
        """Big Brain's design step for one sample: (design, tokens, endpoint error)."""
        messages = self.prompts.design(task.prompt)
        request = Request(
            task.prompt, messages, seed=seed, purpose="design", reasoning_effort=effort
        )
        try:
            reply = model.execute(request, on_event=None)
        except ModelError as exc:
            return None, (0, 0), f"design step: {exc}"
        log.write_text(log.path / "log" / "design.md", reply.text)
        usage = reply.usage
        return reply.text.strip() or None, (usage.prompt_tokens, usage.completion_tokens), None
