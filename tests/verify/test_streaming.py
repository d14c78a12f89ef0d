"""The sandbox's channels and read-back: the order, the preview stream, untrusted files."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from PIL import Image

import studio
from studio.verdicts import artifacts, readback, sandbox

GAME = Path(__file__).parent / "games" / "good_keyboard.py"


def _frame(i: int, size: tuple[int, int] = (32, 24)) -> bytes:
    """A distinct RGBX frame: a bar that moves with ``i``."""
    w, h = size
    image = Image.new("RGB", size, (20, 20, 40))
    image.paste((200, 80 + i % 100, 40), (i % w, 0, i % w + 4, h))
    return image.convert("RGBX").tobytes()


def _results(tmp_path: Path, run: str = "input") -> tuple[str, Path]:
    folder = tmp_path / "work" / "results" / run
    folder.mkdir(parents=True)
    return str(tmp_path / "work"), folder


def _stream(tmp_path: Path, frames: list[bytes], records: list[tuple], max_frames=10):
    work, folder = _results(tmp_path)
    (folder / "preview.bin").write_bytes(b"".join(frames))
    r, w = os.pipe()
    os.write(w, b"".join(struct.pack("<5I", *rec) for rec in records))
    os.close(w)
    return readback.PreviewStream(r, work, "input", max_frames)


def test_preview_stream_gives_each_frame_its_record_announces(tmp_path):
    frames = [_frame(i) for i in range(3)]
    stream = _stream(tmp_path, frames, [(i, 32, 24, 3, 2) for i in range(3)])
    got = list(stream)
    assert [f.index for f in got] == [0, 1, 2]
    assert [f.data for f in got] == frames and {f.raw_mode for f in got} == {"RGBX"}
    assert list(stream) == []  # read once; the pipe is closed by the reader


@pytest.mark.parametrize(
    "records, expected",
    [
        ([(0, 32, 24, 3, 2), (2, 32, 24, 3, 2)], 1),  # a frame skipped
        ([(0, 32, 24, 3, 2), (1, 64, 24, 3, 2)], 1),  # the size changed
        ([(0, 5000, 24, 3, 2)], 0),  # too big to be a preview
        ([(0, 32, 24, 99, 2)], 0),  # more frames than the run can have
        ([(0, 32, 24, 3, 7)], 0),  # a layout nobody knows
    ],
)
def test_preview_stream_stops_at_the_first_record_that_breaks_the_rules(
    tmp_path, records, expected
):
    stream = _stream(tmp_path, [_frame(i) for i in range(3)], records)
    assert len(list(stream)) == expected


def test_a_record_for_a_frame_not_written_ends_the_stream(tmp_path):
    stream = _stream(tmp_path, [_frame(0)], [(0, 32, 24, 3, 2), (1, 32, 24, 3, 2)])
    assert len(list(stream)) == 1


def test_result_files_are_read_without_following_links_or_fifos(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text('{"stop_reason": "from the user\'s files"}')
    work, folder = _results(tmp_path)
    (folder / "result.json").symlink_to(secret)
    (folder / "samples.bin").symlink_to(secret)
    os.mkfifo(folder / "output.txt")  # opening it for reading would wait for a writer
    raw = readback.read_run(work, "input", 30.0)
    assert raw.result is None and raw.samples == [] and raw.output == ""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "result.json").write_text('{"stop_reason": "time_up"}')
    (Path(work) / "results" / "idle").symlink_to(tmp_path / "elsewhere")
    assert readback.read_run(work, "idle", 30.0).result is None  # a linked folder too


def _synthetic(n: int, expected: int) -> list[readback.PreviewFrame]:
    return [readback.PreviewFrame(i, 32, 24, expected, "RGBX", _frame(i)) for i in range(n)]


def test_the_writer_encodes_frames_as_they_come(tmp_path):
    writer = artifacts.PreviewWriter(_synthetic(12, 12), tmp_path, 500.0)
    paths = writer.finish()
    assert writer.streamed
    with Image.open(paths["preview"]) as preview:
        assert preview.format == "WEBP" and preview.n_frames == 12
    with Image.open(paths["thumbnail"]) as thumb:
        assert thumb.format == "PNG" and thumb.size == (32, 24)


def test_a_run_that_ends_early_still_gets_a_preview_of_what_it_drew(tmp_path):
    writer = artifacts.PreviewWriter(_synthetic(5, 60), tmp_path, 500.0)
    paths = writer.finish()
    assert not writer.streamed
    with Image.open(paths["preview"]) as preview:
        assert preview.n_frames == 5


@pytest.mark.slow
def test_a_full_verdict_encodes_the_preview_while_the_game_plays(tmp_path, monkeypatch):
    writers: list[artifacts.PreviewWriter] = []
    real_finish = artifacts.PreviewWriter.finish

    def finish(self):
        writers.append(self)
        return real_finish(self)

    monkeypatch.setattr(artifacts.PreviewWriter, "finish", finish)
    verdict = studio.verify(GAME, out=tmp_path, seconds=5)
    assert verdict.playable and len(writers) == 1 and writers[0].streamed
    with Image.open(verdict.artifacts["preview"]) as preview:
        assert 2 < preview.n_frames <= 10  # 2 a second of game time, equal ones merged


@pytest.mark.slow
def test_the_sandbox_is_stopped_unplayed_when_the_source_fails_its_checks(tmp_path):
    with sandbox.Sandbox(GAME, seconds=5, seed=0) as box:
        box.stop()
        proc = box.proc
        assert proc is not None and proc.wait(timeout=30) == 0
        assert not (box.root / "work" / "results" / "input").exists()


@pytest.mark.slow
def test_the_sandbox_compiles_the_game_itself_when_not_given_it(tmp_path):
    with sandbox.Sandbox(GAME, seconds=3, seed=0) as box:
        result = box.play()
        assert box.spare_core.is_set()
    assert [r.result["stop_reason"] for r in result.runs] == ["time_up"] * 3


def test_long_plays_take_preview_frames_further_apart():
    assert readback.preview_ms(30) == readback.PREVIEW_MS
    assert readback.preview_ms(600) * readback.MAX_PREVIEW_FRAMES >= 600_000


def test_frames_after_a_failed_encoding_still_make_the_preview(tmp_path, monkeypatch):
    monkeypatch.setattr(artifacts, "WEBP", {"method": 99})  # a setting libwebp refuses
    writer = artifacts.PreviewWriter(_synthetic(12, 12), tmp_path, 500.0)
    paths = writer.finish()
    assert not writer.streamed
    with Image.open(paths["preview"]) as preview:  # the GIF the fallback falls back to
        assert preview.format == "GIF" and preview.n_frames == 12


def test_a_sandbox_that_does_not_start_says_what_it_printed(monkeypatch):
    script = "import sys; sys.stderr.write('no pygame in here'); sys.exit(3)"
    monkeypatch.setattr(sandbox, "LAUNCH", script)
    fails = pytest.raises(sandbox.SandboxError, match="did not start: no pygame in here")
    with fails, sandbox.Sandbox(GAME, seconds=3, seed=0) as box:
        box.play()


def test_the_thumbnail_shows_play_not_a_busy_still_screen(tmp_path):
    # 20 frames of play (a moving bar), then a game-over screen that never changes, busier
    # than any frame of play (noise): the thumbnail is a moment of play all the same.
    size = (64, 48)
    play = [_frame(i * 5, size) for i in range(20)]
    still = Image.effect_noise(size, 90).convert("RGBX").tobytes()
    frames = [*play, *[still] * 20]
    stream = [readback.PreviewFrame(i, *size, 40, "RGBX", f) for i, f in enumerate(frames)]
    paths = artifacts.PreviewWriter(stream, tmp_path, 500.0).finish()
    with Image.open(paths["thumbnail"]) as thumb:
        picked = thumb.convert("RGBX").tobytes()
    assert picked in play[8:19]  # the middle of the run, where the picture moves
    busiest = max(range(8, 32), key=lambda i: Image.frombytes("RGBX", size, frames[i]).entropy())
    assert frames[busiest] == still  # which the old pick (the busiest frame) would have been


def test_the_thumbnail_skips_a_game_over_that_comes_and_goes(tmp_path):
    # The random player loses and starts again: play, a game-over screen over all of the
    # picture (busier than play), the same with one more line of text, then a new game.
    # The second game-over frame differs from both neighbours, yet it is not a moment of play.
    size = (64, 48)
    play = [_frame(i * 5, size) for i in range(30)]
    over = Image.effect_noise(size, 90).convert("RGB")
    again = over.copy()
    again.paste((255, 255, 255), (10, 40, 54, 44))
    shown = [over.convert("RGBX").tobytes(), again.convert("RGBX").tobytes()]
    frames = [*play[:15], *shown, *play[15:]]
    stream = [readback.PreviewFrame(i, *size, 32, "RGBX", f) for i, f in enumerate(frames)]
    writer = artifacts.PreviewWriter(stream, tmp_path, 500.0)
    paths = writer.finish()
    with Image.open(paths["thumbnail"]) as thumb:
        picked = thumb.convert("RGBX").tobytes()
    assert picked in play
    assert max(range(6, 25), key=lambda i: writer.scores[i]) in (15, 16)  # the old pick
