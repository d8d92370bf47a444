"""Articles and elision before glossary names, per target language.

The engine sees a placeholder, not the name: it cannot elide before it (Catalan `de Artsakh`,
`del Artsakh`, `el Artsakh` where Catalan writes `d'Artsakh`, `de l'Artsakh`, `l'Artsakh`), and it
guesses the name's gender (Spanish `de la Artsakh`). Once the names are back, the preposition and
article before each are written again by its language's rules, with the article that the glossary
entry gives for that language when it gives one (an empty one: no article).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from toolkit.glossary.model import Term, word_pattern
from toolkit.text.article_rules import RULES, Articles

# The one or two words before a name: a preposition and an article, or a contraction of both.
_BEFORE = re.compile(r"(?:\b([^\W\d_]+)\s+)?\b([^\W\d_]+)(['’]|\s+)$")
_LOOKBACK = 40


def adjust(text: str, language: str, terms: Iterable[Term], apostrophe: str | None = None) -> str:
    """The paragraph with the article and preposition before each name written by the rules; an
    elision the engine did not write takes `apostrophe` (the source's style), else `'`."""
    rules = RULES.get(language)
    if rules is None:
        return text
    for term in {term.name: term for term in terms}.values():
        form = term.form(language)
        stated = term.articles.get(language)
        matches = list(word_pattern([form]).finditer(text))
        for match in reversed(matches):  # right to left: earlier offsets stay valid
            text = _rewrite(text, match.start(), match.group(), rules, stated, apostrophe)
    return text


def _rewrite(
    text: str, start: int, name: str, rules: Articles, stated: str | None, style: str | None
) -> str:
    head = text[max(0, start - _LOOKBACK) : start]
    found = _BEFORE.search(head)
    if found is None:
        return text
    first, last, separator = found.groups()
    apostrophe = separator if separator in "'’" else ""
    word = last.lower() + ("'" if apostrophe else "")
    begin = found.start(2)
    preposition: str | None = None
    article: str | None = None
    if word in rules.split:
        preposition, article = rules.split[word]
    elif word in rules.articles or (word == "l'" and rules.elided):
        article = word
        if first and first.lower() in rules.prepositions:
            preposition, begin = first.lower(), found.start(1)
    elif word in rules.prepositions or word in rules.elided.values():
        preposition = next((w for w, e in rules.elided.items() if e == word), word)
    else:
        return text
    if stated is not None:
        article = stated or None
    vowel = rules.starts_with_vowel(name)
    if article == "l'" and not vowel:
        return text  # an elided article of unknown gender before a consonant: leave it
    written = _write(rules, preposition, article, vowel)
    original = head[begin:]
    if original[:1].isupper():
        written = written[:1].upper() + written[1:]
    written = written.replace("'", apostrophe or style or "'")
    cut = start - len(head) + begin
    return text[:cut] + written + text[start:]


def _write(rules: Articles, preposition: str | None, article: str | None, vowel: bool) -> str:
    if article and vowel:
        article = rules.elided.get(article, article)
    if preposition and not article:
        if vowel and preposition in rules.elided:
            return rules.elided[preposition]
        return preposition + " "
    if not article:
        return ""
    if preposition:
        words = rules.joined.get((preposition, article), f"{preposition} {article}")
    else:
        words = article
    return words if words.endswith("'") else words + " "
