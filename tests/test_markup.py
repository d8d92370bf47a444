"""Rich's markup read without rich (toolkit.output.markup): the same text as rich prints, and
names escaped so that they print as they are."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.errors import MarkupError
from rich.markup import render

from toolkit.output.markup import escape, plain

# Every character that means something in rich's markup, and a few that do not.
MARKUP = st.text(st.sampled_from(list("[]\\/#@=ab x1")), max_size=40)


def rich_text(markup: str) -> str:
    return render(markup, emoji=False).plain


@settings(max_examples=3000)
@given(MARKUP)
def test_plain_is_the_text_rich_prints(markup: str) -> None:
    try:
        expected = rich_text(markup)
    except MarkupError:  # a closing tag with nothing to close: never written by toolkit
        return
    assert plain(markup) == expected


@settings(max_examples=3000)
@given(MARKUP)
def test_an_escaped_name_prints_as_it_is_between_tags(name: str) -> None:
    message = f"[bold]fr→es[/] via [cyan]{escape(name)}[/]: 3 paragraphs"
    assert rich_text(message) == plain(message) == f"fr→es via {name}: 3 paragraphs"


@settings(max_examples=3000)
@given(MARKUP)
def test_an_escaped_name_prints_as_it_is_before_text_and_at_the_end(name: str) -> None:
    for message, text in (
        (f"note: {escape(name)}, paragraph 1", f"note: {name}, paragraph 1"),
        (f"[yellow]{escape(name)}[/]", name),
        (f"removed {escape(name)}", f"removed {name}"),
    ):
        assert rich_text(message) == plain(message) == text


def test_backslashes_before_a_bracket_that_opens_no_tag_are_kept() -> None:
    # rich.markup.escape leaves `\[1]` as it is, and rich then prints `[1]`.
    for name in ("C:\\[1]", "\\\\[2]", "a\\[", "x\\[/y]"):
        assert rich_text(f"{escape(name)} z") == plain(f"{escape(name)} z") == f"{name} z"


def test_a_name_ending_in_backslashes_keeps_the_tag_after_it() -> None:
    # rich.markup.escape doubles one backslash at the end: two or more lose one before a tag.
    for name in ("dir\\", "dir\\\\", "dir\\\\\\"):
        for message, text in (
            (f"[cyan]{escape(name)}[/] done", f"{name} done"),
            (f"{escape(name)}: done", f"{name}: done"),
            (escape(name), name),
        ):
            assert rich_text(message) == plain(message) == text


def test_the_plain_console_copies_and_hands_the_rest_to_rich() -> None:
    import copy

    from toolkit.output.stderr import PlainStderr

    console = copy.copy(PlainStderr(quiet=True))
    assert console.quiet and not console.is_terminal
    assert console.width > 0  # rich's, made on demand
