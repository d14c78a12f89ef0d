"""The arena screen: two anonymous games for one prompt, play both, vote, see who made them.

In the arcade's style (its colours, fonts, starfield and banner). The person plays "A" and
"B", each in its own process (``launch``, the function ``studio play`` uses), then votes:

    A / click "Play A"        play game A (B / "Play B" for game B)
    1 or Left                 A is better        2 or Right    B is better
    3 or T                    a tie              4 or X        both are bad
    Enter / Space / N         after the vote: the next pair
    Escape                    quit

A vote is refused until both games were played for at least ``min_seconds`` each (the time
a game's window was open, read from ``clock``). After the vote the sources are revealed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pygame

from studio.arena.pairs import NoPairs, Pair
from studio.errors import StudioError
from studio.gallery.arcade import (
    ACCENT,
    BG,
    CARD_BG,
    DIM,
    FPS,
    INK,
    MESSAGE_FRAMES,
    SCREEN_SIZE,
    THUMB_SIZE,
    Card,
    Starfield,
    cut,
    wrap,
)

MIN_SECONDS = 5.0
SIDES = ("A", "B")
VOTES: tuple[tuple[str, str, str], ...] = (
    ("A", "A is better", "1"),
    ("B", "B is better", "2"),
    ("tie", "a tie", "3"),
    ("both_bad", "both are bad", "4"),
)
VOTE_KEYS = {
    pygame.K_1: "A",
    pygame.K_KP1: "A",
    pygame.K_LEFT: "A",
    pygame.K_2: "B",
    pygame.K_KP2: "B",
    pygame.K_RIGHT: "B",
    pygame.K_3: "tie",
    pygame.K_KP3: "tie",
    pygame.K_t: "tie",
    pygame.K_4: "both_bad",
    pygame.K_KP4: "both_bad",
    pygame.K_x: "both_bad",
}
PLAY_KEYS = {pygame.K_a: "A", pygame.K_b: "B"}
NEXT_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_n)
PANEL_TOP = 170
PANEL_SIZE = (420, 300)
BUTTON_TOP = 560
LABELS = {"A": "A better", "B": "B better", "tie": "tie", "both_bad": "both bad"}

#: ``launch(game.py)`` plays a game in its own process; returns a problem to show, or None.
Launch = Callable[[Path], str | None]
#: ``record(pair, vote, seconds_a, seconds_b)`` keeps a vote.
Record = Callable[[Pair, str, float, float], object]


class ArenaScreen:
    """events -> update -> draw, one frame per clock tick (as the arcade)."""

    def __init__(
        self,
        next_pair: Callable[[], Pair],
        launch: Launch,
        record: Record,
        *,
        clock: Callable[[], float] = time.monotonic,
        min_seconds: float = MIN_SECONDS,
        title: str = "Arena",
    ) -> None:
        pygame.display.init()  # no sound: the mixer is left alone for the games
        pygame.font.init()
        pygame.display.set_caption(title)
        self.screen = pygame.display.set_mode(SCREEN_SIZE)
        self.ticker = pygame.time.Clock()
        self.big = pygame.font.Font(None, 44)
        self.font = pygame.font.Font(None, 28)
        self.small = pygame.font.Font(None, 22)
        self.stars = Starfield()
        self.title = title
        self.next_pair, self.launch, self.record = next_pair, launch, record
        self.clock, self.min_seconds = clock, min_seconds
        self.message, self.message_frames = "", 0
        self.playing: threading.Thread | None = None
        self.playing_side = ""
        self._lock = threading.Lock()
        self.pair: Pair | None = None
        self.done = ""  # why there is no pair (left) to show
        self.voted: str | None = None
        self.played: dict[str, float] = {}
        self.pictures: dict[str, pygame.Surface] = {}
        self.votes = 0
        self.t = 0
        self.advance()

    # the session -------------------------------------------------------------------------
    def advance(self) -> None:
        """Show the next pair, or say why there is none."""
        try:
            pair = self.next_pair()
        except NoPairs as exc:
            self.pair, self.done = None, str(exc)
            return
        self.pair, self.voted = pair, None
        self.played = dict.fromkeys(SIDES, 0.0)
        self.pictures = {
            side: Card({"thumb": str(game.thumbnail) if game.thumbnail else None}, i).image
            for i, (side, game) in enumerate(zip(SIDES, (pair.a, pair.b), strict=True))
        }

    def play(self, side: str) -> None:
        if self.pair is None or self.playing is not None:
            return
        game = self.pair.a if side == "A" else self.pair.b
        self.playing_side = side
        self.playing = threading.Thread(target=self._play, args=(side, game.code), daemon=True)
        self.playing.start()

    def _play(self, side: str, code: Path) -> None:
        start = self.clock()
        try:
            problem = self.launch(code)
        except Exception as exc:  # the launcher reports; the arena must survive any failure
            problem = f"could not play game {side}: {exc}"
        with self._lock:
            self.played[side] += max(0.0, self.clock() - start)
        self.say(str(problem) if problem else f"back from game {side}")

    def vote(self, choice: str) -> None:
        """Keep the vote once both games were played long enough; then reveal the sources."""
        if self.pair is None or self.voted is not None:
            return
        short = [s for s in SIDES if self.played[s] < self.min_seconds]
        if short:
            have = ", ".join(f"{s}: {self.played[s]:.0f} s" for s in SIDES)
            self.say(
                f"play {' and '.join(short)} for at least {self.min_seconds:g} s before "
                f"voting ({have})"
            )
            return
        try:
            self.record(self.pair, choice, self.played["A"], self.played["B"])
        except StudioError as exc:
            self.say(f"the vote was not saved: {exc}")
            return
        self.voted = choice
        self.votes += 1

    def say(self, text: str) -> None:
        self.message, self.message_frames = text, MESSAGE_FRAMES

    # events ------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; False means quit."""
        if event.type == pygame.QUIT:
            return False
        if self.playing is not None:
            return True  # the game has the player's attention
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return False
            if self.voted is not None and event.key in NEXT_KEYS:
                self.advance()
            elif event.key in PLAY_KEYS:
                self.play(PLAY_KEYS[event.key])
            elif event.key in VOTE_KEYS:
                self.vote(VOTE_KEYS[event.key])
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.click(event.pos)
        return True

    def click(self, pos: tuple[int, int]) -> None:
        if self.voted is not None:
            if self.next_button().collidepoint(pos):
                self.advance()
            return
        for side in SIDES:
            if self.panel(side).collidepoint(pos):
                self.play(side)
        for choice, rect in self.vote_buttons().items():
            if rect.collidepoint(pos):
                self.vote(choice)

    # layout ------------------------------------------------------------------------------
    def panel(self, side: str) -> pygame.Rect:
        gap = SCREEN_SIZE[0] - 2 * PANEL_SIZE[0]
        x = gap // 3 if side == "A" else SCREEN_SIZE[0] - gap // 3 - PANEL_SIZE[0]
        return pygame.Rect(x, PANEL_TOP, *PANEL_SIZE)

    def vote_buttons(self) -> dict[str, pygame.Rect]:
        width, gap = 200, 20
        left = (SCREEN_SIZE[0] - 4 * width - 3 * gap) // 2
        return {
            choice: pygame.Rect(left + i * (width + gap), BUTTON_TOP, width, 56)
            for i, (choice, _, _) in enumerate(VOTES)
        }

    def next_button(self) -> pygame.Rect:
        return pygame.Rect(SCREEN_SIZE[0] // 2 - 130, BUTTON_TOP, 260, 56)

    # update and draw ---------------------------------------------------------------------
    def update(self) -> None:
        self.t += 1
        self.stars.update()
        if self.message_frames:
            self.message_frames -= 1
        if self.playing is not None and not self.playing.is_alive():
            self.playing = None
            pygame.event.clear()  # keys pressed in the game window are not for the arena

    def draw(self) -> None:
        screen = self.screen
        screen.fill(BG)
        self.stars.draw(screen)
        screen.blit(self.big.render(self.title, True, ACCENT), (24, 20))
        hint = "A/B: play   1-4: vote   Esc: quit"
        count = f"{self.votes} vote{'' if self.votes == 1 else 's'} this session"
        hint_img = self.small.render(f"{count}  -  {hint}", True, DIM)
        screen.blit(hint_img, (SCREEN_SIZE[0] - hint_img.get_width() - 24, 32))
        if self.pair is None:
            for i, line in enumerate(wrap(self.font, self.done, SCREEN_SIZE[0] - 96, 8)):
                screen.blit(self.font.render(line, True, INK), (48, 200 + i * 32))
        else:
            self.draw_pair(screen, self.pair)
        if self.playing is not None:
            self.banner(f"playing game {self.playing_side}... the arena comes back when it ends")
        elif self.message_frames:
            self.banner(self.message)
        pygame.display.flip()

    def draw_pair(self, screen: pygame.Surface, pair: Pair) -> None:
        for i, line in enumerate(wrap(self.font, f'"{pair.prompt}"', SCREEN_SIZE[0] - 48, 2)):
            screen.blit(self.font.render(line, True, INK), (24, 86 + i * 30))
        for side, game in zip(SIDES, (pair.a, pair.b), strict=True):
            rect = self.panel(side)
            pygame.draw.rect(screen, CARD_BG, rect, border_radius=10)
            picture = self.pictures[side]
            screen.blit(picture, picture.get_rect(midtop=(rect.centerx, rect.y + 12)))
            label = self.panel_label(side)
            img = self.big.render(cut(self.big, label, rect.width - 24), True, ACCENT)
            screen.blit(img, img.get_rect(midtop=(rect.centerx, rect.y + THUMB_SIZE[1] + 24)))
            seconds = self.played.get(side, 0.0)
            said = f"played {seconds:.0f} s" if seconds else "not played yet"
            if self.voted is not None:
                said = cut(self.small, f"{game.title}  ({game.key})", rect.width - 24)
            img = self.small.render(said, True, DIM)
            screen.blit(img, img.get_rect(midtop=(rect.centerx, rect.y + THUMB_SIZE[1] + 70)))
        if self.voted is None:
            ready = all(self.played[s] >= self.min_seconds for s in SIDES)
            ask = (
                "Which is the better game for this prompt?"
                if ready
                else f"Play both games (at least {self.min_seconds:g} s each), then vote."
            )
            img = self.font.render(ask, True, INK if ready else DIM)
            screen.blit(img, img.get_rect(midbottom=(SCREEN_SIZE[0] // 2, BUTTON_TOP - 24)))
            buttons = self.vote_buttons()
            for choice, text, key in VOTES:
                rect = buttons[choice]
                pygame.draw.rect(screen, ACCENT if ready else CARD_BG, rect, border_radius=8)
                img = self.font.render(f"{key}: {text}", True, BG if ready else DIM)
                screen.blit(img, img.get_rect(center=rect.center))
        else:
            rect = self.next_button()
            pygame.draw.rect(screen, ACCENT, rect, border_radius=8)
            img = self.font.render("Enter: next pair", True, BG)
            screen.blit(img, img.get_rect(center=rect.center))
            img = self.small.render(f"your vote: {LABELS[self.voted]}", True, INK)
            screen.blit(img, img.get_rect(midtop=(SCREEN_SIZE[0] // 2, BUTTON_TOP + 70)))

    def panel_label(self, side: str) -> str:
        """ "Play A" before the vote; "A: <its source>" after it."""
        if self.pair is None:
            return ""
        game = self.pair.a if side == "A" else self.pair.b
        return f"Play {side}" if self.voted is None else f"{side}: {game.source}"

    def banner(self, text: str) -> None:
        text = cut(self.font, text, SCREEN_SIZE[0] - 80)
        img = self.font.render(text, True, (20, 20, 20))
        box = img.get_rect(center=(SCREEN_SIZE[0] // 2, PANEL_TOP - 24)).inflate(24, 14)
        pygame.draw.rect(self.screen, ACCENT, box, border_radius=8)
        self.screen.blit(img, img.get_rect(center=box.center))

    def step(self) -> bool:
        """One frame: the pending events, an update, a picture. False: the person quit."""
        running = True
        for event in pygame.event.get():
            running = self.handle(event) and running
        self.update()
        self.draw()
        return running

    def run(self) -> None:
        while self.step():
            self.ticker.tick(FPS)
        if self.playing is not None:
            self.playing.join()  # never leave a game process without its launcher
        pygame.quit()
