"""The player: a seeded script of keys and clicks, delivered on virtual time.

Real games start at once and end fast when nobody plays (the ball falls past the paddle
within a second or two), so the player acts from the first frame: Enter at once (title
screens), then a tour of every control, the game's own keys first (what its source handles,
``controls`` below), interleaved with Space and a centre click. Then it explores the way
a curious person would: arrows, WASD, Space, the game's keys, keys held for a while, mouse
moves, clicks (on the game's buttons too), drags and the wheel. It never presses Escape, Q
or a key the source binds to quitting. When the picture has stood still for a while (a
"game over, press R" screen) it presses the game's other keys, Enter, Space and clicks in
turn until something changes; every few seconds it does the same anyway.

Events go into pygame's real queue; ``key.get_pressed`` and the ``mouse`` getters report the
script's state, since SDL's own keyboard state never sees posted events.
"""

from __future__ import annotations

import bisect
import random
from collections import namedtuple

OPENING = ((0, "key", "return"), (450, "click", (0.5, 0.5)), (900, "key", "space"))
REOPEN_EVERY_MS = 5000
MOVE_KEYS = ("up", "down", "left", "right", "w", "a", "s", "d")
NEVER = frozenset({"escape", "q", "f4", "lalt", "ralt", "lctrl", "rctrl", "lmeta", "rmeta"})
TOUR_HOLD_MS, TOUR_STEP_MS = 200.0, 240.0
STILL_MS = 600.0  # a picture unchanged this long is waiting for something
RESCUE_GAP_MS = 500.0
TEXT = {"space": " ", "return": "\r", "tab": "\t"}


#: One scripted input at virtual time ``t`` (ms); ``kind`` is "down" | "up" (a key),
#: "move" (a window fraction), "at" (a window position in pixels), "press" | "release"
#: (a mouse button), "wheel" (notches). Sorted by (t, order).
Action = namedtuple("Action", "t order kind arg")


class Controls:
    """What the studio read in the game's source (all optional): ``moves`` and ``actions``,
    key names (``K_`` constants without the prefix, e.g. "left", "r", "f2", "kp4") with the
    text each types; ``quit``, keys bound to quitting; ``buttons``, mouse buttons it checks;
    ``targets``, centres of rectangles it tests clicks against, in pixels."""

    def __init__(self, data: dict | None = None) -> None:
        data = data if isinstance(data, dict) else {}
        self.quit = NEVER | {str(k) for k in data.get("quit") or ()}
        self.texts: dict[str, str] = {}
        self.moves = self._keys(data.get("moves"))
        self.actions = [k for k in self._keys(data.get("actions")) if k not in self.moves]
        self.buttons = [int(b) for b in data.get("buttons") or () if int(b) in (1, 2, 3)]
        self.targets = [(int(x), int(y)) for x, y in (data.get("targets") or ())[:12]]

    def _keys(self, items) -> list[str]:
        out: list[str] = []
        for item in (items or ())[:40]:
            name, text = (item, None) if isinstance(item, str) else (item[0], item[1])
            name = str(name)
            if name in self.quit or name in out:
                continue
            out.append(name)
            if text:
                self.texts[name] = str(text)
        return out

    def all_moves(self) -> list[str]:
        return self.moves + [k for k in MOVE_KEYS if k not in self.moves and k not in self.quit]

    def rescue(self) -> list[tuple[str, object]]:
        """What a still screen gets, in turn: the game's keys, Enter, Space, clicks."""
        out: list[tuple[str, object]] = [("key", k) for k in self.actions]
        out += [("key", k) for k in ("return", "space") if k not in self.quit]
        out.append(("click", (0.5, 0.5)))
        out += [("at", t) for t in self.targets]
        return out


def script(seed: int, end_ms: float, controls: Controls | None = None) -> list[Action]:
    """The whole input script for one run, sorted by time. Same seed, same script."""
    ctl = controls or Controls()
    rng = random.Random(seed * 7919 + 17)
    out: list[Action] = []
    n = 0

    def add(t: float, kind: str, arg: object) -> None:
        nonlocal n
        out.append(Action(t, n, kind, arg))
        n += 1

    def tap(t: float, key: str, hold: float = 60.0) -> None:
        if key in ctl.quit:  # the game quits on it (Space, say): never
            return
        add(t, "down", key)
        add(t + hold, "up", key)

    def click(t: float, where: tuple, button: int = 1, kind: str = "move") -> None:
        add(t, kind, where)
        add(t + 30, "press", button)
        add(t + 90, "release", button)

    def opening(at: float) -> None:
        for dt, kind, arg in OPENING:
            if kind == "key":
                tap(at + dt, arg)
            else:
                click(at + dt, arg)

    opening(0.0)
    # A tour of every control once, from the first frame: the game's own keys first, so
    # that a game over that comes within a second still comes after the player acted.
    moves = ctl.all_moves()
    tour = ctl.moves + ctl.actions + [k for k in moves if k not in ctl.moves] + ["space"]
    t = 60.0
    for key in dict.fromkeys(tour):
        tap(t, key, TOUR_HOLD_MS)
        t += TOUR_STEP_MS
    for i, target in enumerate(ctl.targets[:4]):
        click(300.0 + 150 * i, target, kind="at")
    if 3 in ctl.buttons:
        click(650.0, (0.5, 0.5), 3)
    next_reopen = max(REOPEN_EVERY_MS, t + 1000)
    rescue = ctl.rescue()
    while t < end_ms:
        if t >= next_reopen:  # a game over that animates is not still: restart it anyway
            opening(t)
            kind, arg = rescue[rng.randrange(len(rescue))]
            tap(t + 1200, arg) if kind == "key" else click(t + 1200, arg, kind="at")  # type: ignore[arg-type]
            t += 1500
            next_reopen += REOPEN_EVERY_MS
            continue
        r = rng.random()
        if r < 0.40:
            hold = rng.uniform(150, 900)
            pick = ctl.moves if ctl.moves and rng.random() < 0.6 else moves
            tap(t, rng.choice(pick), hold)
            if rng.random() < 0.3:  # two keys at once: diagonal, jump while running
                tap(t + hold * 0.3, rng.choice(("space", "up", "w", *ctl.actions[:3])), 80)
            t += hold + rng.uniform(20, 120)
        elif r < 0.52:
            tap(t, "space", rng.uniform(40, 300))
            t += rng.uniform(120, 350)
        elif r < 0.60:
            tap(t, rng.choice(ctl.actions) if ctl.actions else "return", rng.uniform(40, 200))
            t += 250
        elif r < 0.70:
            fx, fy = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95)
            for k in range(1, 5):
                add(t + 40 * k, "move", (fx * k / 4 + 0.5 * (1 - k / 4), fy))
            t += 220
        elif r < 0.87:
            button = rng.choice(ctl.buttons) if ctl.buttons and rng.random() < 0.3 else 1
            if ctl.targets and rng.random() < 0.3:
                click(t, rng.choice(ctl.targets), button, "at")
            else:
                where = (rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95))
                click(t, where, button if rng.random() < 0.9 else 3)
            t += rng.uniform(150, 400)
        elif r < 0.90:  # the mouse wheel, a few notches one way
            step = rng.choice((1, -1))
            for k in range(3):
                add(t + 60 * k, "wheel", step)
            t += 250
        else:  # drag
            fx, fy = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9)
            add(t, "move", (fx, fy))
            add(t + 30, "press", 1)
            for k in range(1, 6):
                add(t + 30 + 50 * k, "move", (fx + 0.03 * k, fy + 0.02 * k))
            add(t + 330, "release", 1)
            t += 400
    out.sort()
    return [a for a in out if a.t < end_ms]


class HeldKeys(tuple):
    """What ``pygame.key.get_pressed()`` returns: indexable by key constants."""

    def __new__(cls, held: frozenset[int]) -> HeldKeys:
        obj = super().__new__(cls, (False,) * 512)
        obj.held = held
        return obj

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, int):
            return key in self.held
        return tuple.__getitem__(self, key)

    def __iter__(self):
        return iter(tuple.__getitem__(self, i) for i in range(len(self)))


class Player:
    """Delivers the script into pygame and answers the input getters."""

    def __init__(self, pygame, vt, actions: list[Action], controls: Controls | None = None) -> None:
        self.pg = pygame
        self.vt = vt
        self.actions = actions
        self.i = 0
        self.held: dict[int, float] = {}  # key -> time pressed
        self.just_pressed: set[int] = set()
        self.just_released: set[int] = set()
        self.buttons = [False] * 5
        self.buttons_just: set[int] = set()
        self.pos = (0, 0)
        self.rel_from = (0, 0)
        self.repeat = (0, 0)
        self.next_repeat: dict[int, float] = {}
        self.events_sent = 0
        self.polls_without_time = 0
        self.last_now = -1.0
        self.controls = controls or Controls()
        self.keycodes: dict[str, int] = {}
        # a still picture gets the rescue keys in turn (only a player with a script)
        self.rescue = self.controls.rescue() if actions else []
        self.rescues = 0
        self.last_sample: bytes | None = None
        self.changed_at = 0.0
        self.next_rescue = 0.0
        self.extra = 0  # order numbers of actions added during the run

    def code(self, name: str) -> int:
        """The key constant for a script key name ("left", "r", "f2", "kp_enter")."""
        code = self.keycodes.get(name)
        if code is None:
            pg = self.pg
            code = getattr(pg, "K_" + name, None) or getattr(pg, "K_" + name.upper(), None)
            if code is None:
                try:
                    code = pg.key.key_code(name)
                except Exception:
                    code = pg.K_UNKNOWN
            self.keycodes[name] = code
        return code

    def saw(self, t: float, picture: bytes) -> None:
        """A sample of the window at virtual time ``t`` (from the capture)."""
        if picture != self.last_sample:
            self.last_sample = picture
            self.changed_at = t

    def _still(self, now: float) -> None:
        """The picture stood still: press the next rescue key (or click) now."""
        if now - self.changed_at < STILL_MS or now < self.next_rescue:
            return
        kind, arg = self.rescue[self.rescues % len(self.rescue)]
        self.rescues += 1
        self.next_rescue = now + RESCUE_GAP_MS
        base = 1_000_000 + self.extra
        self.extra += 3
        if kind == "key":
            added = [Action(now, base, "down", arg), Action(now + 80, base + 1, "up", arg)]
        else:
            added = [
                Action(now, base, "move" if kind == "click" else "at", arg),
                Action(now + 30, base + 1, "press", 1),
                Action(now + 90, base + 2, "release", 1),
            ]
        for action in added:
            bisect.insort(self.actions, action, lo=self.i)

    # -- delivering ------------------------------------------------------------------
    def _post(self, etype: int, **attrs) -> None:
        self.pg.event.post(self.pg.event.Event(etype, attrs))
        self.events_sent += 1

    def _size(self) -> tuple[int, int]:
        surface = self.pg.display.get_surface()
        return surface.get_size() if surface else (640, 480)

    def _key(self, name: str, down: bool) -> None:
        pg = self.pg
        code = self.code(name)
        text = self.controls.texts.get(name) or TEXT.get(name, name if len(name) == 1 else "")
        if down:
            self.held[code] = self.vt.now
            self.just_pressed.add(code)
            if self.repeat[0] > 0:
                self.next_repeat[code] = self.vt.now + self.repeat[0]
            self._post(pg.KEYDOWN, key=code, mod=0, unicode=text, scancode=0)
            if text.isprintable() and text:  # SDL follows a printable key with its text
                self._post(pg.TEXTINPUT, text=text)
        else:
            self.held.pop(code, None)
            self.next_repeat.pop(code, None)
            self.just_released.add(code)
            self._post(pg.KEYUP, key=code, mod=0, unicode=text, scancode=0)

    def _move(self, fx: float, fy: float, pixels: bool = False) -> None:
        w, h = self._size()
        x, y = (fx, fy) if pixels else (fx * w, fy * h)
        pos = (min(w - 1, max(0, int(x))), min(h - 1, max(0, int(y))))
        rel = (pos[0] - self.pos[0], pos[1] - self.pos[1])
        self.pos = pos
        self._post(
            self.pg.MOUSEMOTION, pos=pos, rel=rel, buttons=tuple(self.buttons[:3]), touch=False
        )

    def _button(self, button: int, down: bool) -> None:
        self.buttons[button - 1] = down
        self.buttons_just.add(button)
        etype = self.pg.MOUSEBUTTONDOWN if down else self.pg.MOUSEBUTTONUP
        self._post(etype, pos=self.pos, button=button, touch=False)

    def pump(self) -> None:
        """Count polls that wait for nothing, then deliver what is due."""
        now = self.vt.now
        if now == self.last_now:
            self.polls_without_time += 1
            if self.polls_without_time >= 3:  # a loop polling events without ever waiting
                self.polls_without_time = 0
                try:
                    self.vt.advance(16.0, busy=True)
                finally:
                    now = self.vt.now
        else:
            self.polls_without_time = 0
            self.just_pressed.clear()
            self.just_released.clear()
            self.buttons_just.clear()
        self.last_now = now
        self.deliver()

    def deliver(self) -> None:
        """Post every scripted event that is due by now (no time accounting)."""
        now = self.vt.now
        self.vt.alive()
        if self.rescue:
            self._still(now)
        while self.i < len(self.actions) and self.actions[self.i].t <= now:
            a = self.actions[self.i]
            self.i += 1
            if a.kind in ("down", "up"):
                self._key(a.arg, a.kind == "down")
            elif a.kind in ("move", "at"):
                self._move(*a.arg, pixels=a.kind == "at")
            elif a.kind == "wheel":
                self._post(
                    self.pg.MOUSEWHEEL,
                    x=0,
                    y=a.arg,
                    flipped=False,
                    precise_x=0.0,
                    precise_y=float(a.arg),
                    touch=False,
                )
            else:
                self._button(a.arg, a.kind == "press")
        if self.repeat[1] > 0:
            for code, due in list(self.next_repeat.items()):
                if due <= now:
                    self._post(self.pg.KEYDOWN, key=code, mod=0, unicode="", scancode=0)
                    self.next_repeat[code] = max(due + self.repeat[1], now)

    def next_due(self) -> float | None:
        return self.actions[self.i].t if self.i < len(self.actions) else None


def install(player: Player) -> None:
    """Route pygame's event, key and mouse functions through ``player``."""
    pg = player.pg
    ev, key, mouse = pg.event, pg.key, pg.mouse
    real_get, real_poll, real_peek, real_pump = ev.get, ev.poll, ev.peek, ev.pump
    vt = player.vt

    def get(*args, **kwargs):
        player.pump()
        return real_get(*args, **kwargs)

    def poll():
        player.pump()
        return real_poll()

    def peek(*args, **kwargs):
        player.pump()
        return real_peek(*args, **kwargs)

    def pump():
        player.pump()
        return real_pump()

    def wait(timeout: int = 0):
        waited = 0.0
        while True:
            player.pump()
            event = real_poll()
            if event.type != pg.NOEVENT:
                return event
            if timeout and waited >= timeout:
                return event
            due = [d for d in (player.next_due(), vt.next_timer()) if d is not None]
            step = min([d - vt.now for d in due if d > vt.now] + [100.0])
            if timeout:
                step = min(step, timeout - waited)
            step = max(step, 1.0)
            waited += step
            vt.advance(step)

    ev.get, ev.poll, ev.peek, ev.pump, ev.wait = get, poll, peek, pump, wait
    # set_timer takes an event type or an Event; the queue takes only Events
    vt.post = lambda e: ev.post(e if isinstance(e, ev.Event) else ev.Event(e))

    last = [HeldKeys(frozenset())]  # the same keys held, the same (immutable) answer

    def pressed() -> HeldKeys:
        player.deliver()
        if last[0].held.symmetric_difference(player.held):
            last[0] = HeldKeys(frozenset(player.held))
        return last[0]

    def position() -> tuple[int, int]:
        player.deliver()
        return player.pos

    key.get_pressed = pressed
    key.get_mods = lambda: 0
    key.get_focused = lambda: True
    if hasattr(key, "get_just_pressed"):
        key.get_just_pressed = lambda: HeldKeys(frozenset(player.just_pressed))
        key.get_just_released = lambda: HeldKeys(frozenset(player.just_released))

    def set_repeat(delay: int = 0, interval: int = 0) -> None:
        player.repeat = (int(delay), int(interval or delay))

    key.set_repeat = set_repeat
    key.get_repeat = lambda: player.repeat

    def get_rel() -> tuple[int, int]:
        rel = (player.pos[0] - player.rel_from[0], player.pos[1] - player.rel_from[1])
        player.rel_from = player.pos
        return rel

    def set_pos(*pos) -> None:
        p = pos[0] if len(pos) == 1 else pos
        player.pos = (int(p[0]), int(p[1]))

    mouse.get_pos = position
    mouse.get_pressed = lambda num_buttons=3, desktop=False: tuple(player.buttons[:num_buttons])
    mouse.get_rel = get_rel
    mouse.set_pos = set_pos
    mouse.get_focused = lambda: True
    if hasattr(mouse, "get_just_pressed"):
        mouse.get_just_pressed = lambda: tuple(
            (b + 1) in player.buttons_just and player.buttons[b] for b in range(5)
        )
        mouse.get_just_released = lambda: tuple(
            (b + 1) in player.buttons_just and not player.buttons[b] for b in range(5)
        )
