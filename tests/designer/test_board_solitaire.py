"""Klondike solitaire: its rules, and cards moved by drag and drop with the mouse, by a click
and by the keyboard, played through the game's own ``Game`` class."""

from __future__ import annotations

from typing import Any

import pygame

from .board_play import Played, display_fixture  # noqa: F401 - the display fixture

# --- solitaire (Klondike) -----------------------------------------------------------------------
SPADES, HEARTS, DIAMONDS, CLUBS = range(4)


def _card(g: Played, rank: int, suit: int, up: bool = True) -> Any:
    card = g.Card(rank, suit)
    card.up = up
    return card


def _empty_table(g: Played) -> Any:
    table = g.game.table
    table.tableau = [[] for _ in range(7)]
    table.stock, table.waste = [], []
    table.foundations = [[] for _ in range(4)]
    return table


def test_klondike_rules(display) -> None:
    g = Played("klondike solitaire", 0)
    table = _empty_table(g)
    table.tableau[0] = [_card(g, 7, SPADES)]
    table.tableau[1] = [_card(g, 9, CLUBS, up=False), _card(g, 6, HEARTS)]
    table.tableau[2] = [_card(g, 6, CLUBS)]
    table.tableau[3] = [_card(g, 5, CLUBS), _card(g, 4, HEARTS)]
    assert table.move(("tableau", 2), 0, ("tableau", 0)) is None  # black on black
    assert table.move(("tableau", 3), 0, ("tableau", 5)) is None  # only a king fills a gap
    assert table.move(("tableau", 1), 1, ("tableau", 0)) == 5  # red 6 on black 7...
    assert table.tableau[1][0].up  # ...and the card under it turns over
    assert table.move(("tableau", 3), 0, ("tableau", 0)) == 0  # a run moves together
    assert [c.rank for c in table.tableau[0]] == [7, 6, 5, 4]
    assert table.move(("tableau", 0), 1, ("foundation", 0)) is None  # one card at a time
    table.waste = [_card(g, 2, DIAMONDS), _card(g, 1, DIAMONDS)]
    assert table.move(("waste", 0), 0, ("foundation", 0)) is None  # not the waste's top card
    assert table.move(("waste", 0), 1, ("foundation", 0)) == 10  # an ace starts a foundation
    assert table.move(("waste", 0), 0, ("foundation", 1)) is None  # a two cannot
    assert table.move(("waste", 0), 0, ("foundation", 0)) == 10  # the two follows its ace
    table.tableau[6] = [_card(g, 13, HEARTS)]
    assert table.move(("tableau", 6), 0, ("tableau", 5)) == 0  # a king fills an empty pile
    # the stock deals DRAW_COUNT cards face up; an empty stock takes the waste back
    table.stock = [_card(g, r, SPADES, up=False) for r in (8, 9, 10)]
    table.waste = []
    assert table.draw() == "draw" and len(table.waste) == g.DRAW_COUNT and table.waste[-1].up
    while table.stock:
        table.draw()
    assert table.draw() == "redeal" and len(table.stock) == 3 and not table.stock[-1].up


def test_a_fresh_klondike_deal(display) -> None:
    g = Played("klondike solitaire", 2)
    table = g.game.table
    assert [len(p) for p in table.tableau] == [1, 2, 3, 4, 5, 6, 7] and len(table.stock) == 24
    assert all(p[-1].up and not any(c.up for c in p[:-1]) for p in table.tableau)
    cards = {(c.rank, c.suit) for p in [*table.tableau, table.stock] for c in p}
    assert len(cards) == 52


def test_solitaire_drag_and_drop_with_the_mouse(display, monkeypatch) -> None:
    g = Played("klondike solitaire", 1)
    game = g.game
    table = _empty_table(g)
    table.tableau[0] = [_card(g, 7, SPADES)]
    table.tableau[3] = [_card(g, 9, CLUBS, up=False), _card(g, 6, DIAMONDS)]
    buttons = [True, False, False]
    monkeypatch.setattr(pygame.mouse, "get_pressed", lambda *a, **k: tuple(buttons))
    g.run(0.05)
    before = g.picture()
    start = game.card_rects(("tableau", 3))[1].center
    game.handle_click(start, 1)
    end = game.card_rects(("tableau", 0))[0].move(0, g.FAN_UP).center
    for t in (0.25, 0.5, 0.75, 1.0):  # the card follows the mouse while the button is down
        game.handle_motion(
            (int(start[0] + (end[0] - start[0]) * t), int(start[1] + (end[1] - start[1]) * t))
        )
        g.run(1 / 60)
    assert game.held is not None and game.dragged and g.picture() != before
    assert len(table.tableau[3]) == 2  # nothing moves before the drop
    buttons[0] = False
    g.run(1 / 60)
    assert game.held is None
    assert [c.rank for c in table.tableau[0]] == [7, 6] and table.tableau[3][0].up
    assert game.score == 5 and game.moves_made == 1
    # a drag that breaks the rules puts the cards back
    table.tableau[5] = [_card(g, 5, SPADES)]
    buttons[0] = True
    start = game.card_rects(("tableau", 5))[0].center
    game.handle_click(start, 1)
    game.handle_motion(game.card_rects(("tableau", 3))[0].center)  # onto the 9 of clubs
    buttons[0] = False
    g.run(1 / 60)
    assert len(table.tableau[5]) == 1 and len(table.tableau[3]) == 1


def test_solitaire_a_click_sends_a_card_home_and_the_keyboard_plays_too(display) -> None:
    g = Played("klondike solitaire", 3)
    game = g.game
    table = _empty_table(g)
    table.tableau[2] = [_card(g, 1, CLUBS)]
    table.tableau[4] = [_card(g, 8, HEARTS)]
    table.waste = [_card(g, 7, CLUBS)]
    table.stock = [_card(g, 12, SPADES, up=False)]
    game.handle_click(game.card_rects(("tableau", 2))[0].center, 1)  # a click, no drag
    g.run(1 / 60)
    assert [c.rank for c in table.foundations[0]] == [1] and not table.tableau[2]
    game.handle_click(game.slot(("stock", 0)).center, 1)  # the stock deals onto the waste
    g.run(1 / 60)
    assert [c.rank for c in table.waste] == [7, 12] and not table.stock
    table.waste.pop()
    game.focus = 0
    game.handle_key(pygame.K_RIGHT)  # the keyboard's pile: the waste
    game.handle_key(pygame.K_SPACE)  # the 7 of clubs goes onto the 8 of hearts
    assert [c.rank for c in table.tableau[4]] == [8, 7] and not table.waste
    # the last king home wins the deal: a new one follows on the next level
    for suit in range(4):
        table.foundations[suit] = [_card(g, r, suit) for r in range(1, 14 if suit else 13)]
    table.tableau[0] = [_card(g, 13, SPADES)]
    game.focus = 2
    game.handle_key(pygame.K_RETURN)
    assert game.level == 2 and len(game.table.stock) == 24
