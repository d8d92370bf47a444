"""The desk page of `toolkit serve`, in Debian's Chromium driven by selenium: an editor types French,
ticks Spanish and English, and reads each translation with the glossary's names marked, the --check
findings where they apply, the route and the summary; nothing is fetched from another host."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")  # Debian's chromium-driver: never a downloaded one

if CHROMIUM is None or not CHROMEDRIVER.is_file():
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed (scripts/setup.sh dev installs them)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.serving import ThreadServer, serving  # noqa: E402
from toolkit.glossary.active import default as default_glossary  # noqa: E402

# A press text written for this test: the three names, and words the engines do not know in its
# second paragraph (démineurs for Spanish, géolocalisations and ombudsman for English), which
# `toolkit translate --check` reports for that paragraph.
PRESS_TEXT = (
    "Le 3 juin, le maire de Stepanakert a annoncé que 1 200 familles de l’Artsakh attendent "
    "toujours la réouverture du corridor de Lachin.\n"
    "\n"
    "Les démineurs et les géolocalisations des convois humanitaires sont bloqués depuis 170 jours, "
    "selon le bureau de l’ombudsman de l’Artsakh."
)
TERMS_IN_ORDER = ["Stepanakert", "Artsakh", "Lachin", "Artsakh"]
TARGETS = ("es", "en")
SUMMARY_SENTENCES = 2
WAIT_S = 180  # two translations and a summary on a shared two-core machine


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadServer]:
    """`toolkit serve`'s application on 127.0.0.1 and a free port, for the whole module."""
    with serving() as running:
        yield running


def translate(server: ThreadServer, target: str, text: str) -> dict[str, Any]:
    """What /translate answers for `text`, asked without the page."""
    answer = server.post_json("/translate", {"q": text, "source": "fr", "target": target})
    assert answer.status == 200, answer.body
    found: dict[str, Any] = answer.json()
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # run as root in CI
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must look for nothing online
        service = Service(executable_path=str(CHROMEDRIVER))
        driver = webdriver.Chrome(service=service, options=options)
        try:
            yield driver
        finally:
            driver.quit()


def open_page(browser: WebDriver, base_url: str) -> None:
    browser.get_log("performance")  # forget the requests of earlier tests
    browser.get(base_url + "/")
    WebDriverWait(browser, 30).until(
        lambda b: (
            b.find_elements(By.ID, "target-es") and b.find_element(By.ID, "translate").is_enabled()
        )
    )


def tick(browser: WebDriver, target: str) -> None:
    """Tick a target with the keyboard, as an editor without a mouse does."""
    box = browser.find_element(By.ID, f"target-{target}")
    assert not box.is_selected()
    box.send_keys(Keys.SPACE)
    assert box.is_selected()


def wait_until_done(browser: WebDriver) -> None:
    WebDriverWait(browser, WAIT_S).until(
        lambda b: (
            "busy" not in (b.find_element(By.TAG_NAME, "body").get_attribute("class") or "")
            and b.find_element(By.ID, "translate").is_enabled()
        )
    )


def column(browser: WebDriver, target: str) -> WebElement:
    return browser.find_element(By.CSS_SELECTOR, f'.column[data-lang="{target}"]')


def requested_urls(browser: WebDriver) -> list[str]:
    """Every URL the page asked for since the last call, from Chromium's network events."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_an_editor_translates_a_release_into_spanish_and_english(
    browser: WebDriver, server: ThreadServer
) -> None:
    open_page(browser, server.url)
    browser.find_element(By.ID, "source-text").send_keys(PRESS_TEXT)
    for target in TARGETS:
        tick(browser, target)
    sentences = browser.find_element(By.ID, "summary-sentences")
    sentences.clear()
    sentences.send_keys(str(SUMMARY_SENTENCES))
    browser.find_element(By.ID, "translate").click()
    assert browser.find_element(By.ID, "results").get_attribute("aria-busy") == "true"
    wait_until_done(browser)

    assert browser.find_element(By.ID, "error").text == ""
    answers = {target: translate(server, target, PRESS_TEXT) for target in TARGETS}
    for target, answer in answers.items():
        assert_column_shows(column(browser, target), target, answer)
    assert_summary_shown(browser)
    assert_copy_puts_the_translation_on_the_clipboard(browser, server, answers["es"])
    assert_nothing_came_from_another_host(browser, server)


def assert_column_shows(shown: WebElement, target: str, answer: dict[str, Any]) -> None:
    """A language's column: the server's translation paragraph by paragraph, the names marked in
    their glossary forms, the second paragraph's findings under it, the route, a copy button."""
    extra = answer["toolkit"]
    assert isinstance(extra, dict)
    marks = shown.find_elements(By.CSS_SELECTOR, ".translation mark.name")
    forms = {term.name: term.form(target) for term in default_glossary().terms}
    assert [mark.get_attribute("data-term") for mark in marks] == TERMS_IN_ORDER
    assert [mark.text for mark in marks] == [forms[term] for term in TERMS_IN_ORDER]
    paragraphs = shown.find_elements(By.CSS_SELECTOR, ".translation .paragraph")
    translated = answer["translatedText"]
    assert isinstance(translated, str)
    assert [p.text for p in paragraphs] == [p.strip() for p in translated.split("\n\n")]
    findings = shown.find_elements(By.CSS_SELECTOR, '.paragraph[data-paragraph="2"] + .findings li')
    assert "unknown_words" in {f.get_attribute("data-kind") for f in findings}
    assert {
        (f.get_attribute("data-kind"), f.find_element(By.CLASS_NAME, "finding-message").text)
        for f in findings
    } == {
        (finding["kind"], finding["message"])
        for finding in extra["findings"]
        if finding["paragraph"] == 2
    }
    assert shown.find_element(By.CSS_SELECTOR, ".route-path").text == extra["route"]
    assert shown.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()


def assert_summary_shown(browser: WebDriver) -> None:
    """The summary's French sentences, taken from the text, and as many in each language."""
    summary = browser.find_element(By.ID, "summary-body")
    lists = summary.find_elements(By.CSS_SELECTOR, "ol.summary-sentences")
    languages = [ol.get_attribute("lang") for ol in lists]
    assert languages[0] == "fr" and sorted(languages[1:]) == sorted(TARGETS)
    french = [li.text for li in lists[0].find_elements(By.TAG_NAME, "li")]
    assert len(french) == SUMMARY_SENTENCES
    assert all(sentence and sentence in PRESS_TEXT for sentence in french)
    for translated_list in lists[1:]:
        assert len(translated_list.find_elements(By.TAG_NAME, "li")) == SUMMARY_SENTENCES


def assert_copy_puts_the_translation_on_the_clipboard(
    browser: WebDriver, server: ThreadServer, spanish: dict[str, Any]
) -> None:
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"], "origin": server.url},
    )
    column(browser, "es").find_element(By.CSS_SELECTOR, "button.copy").click()
    WebDriverWait(browser, 10).until(
        lambda b: "Copied the Spanish translation." in b.find_element(By.ID, "status").text
    )
    clipboard = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], (e) => arguments[0](String(e)))"
    )
    assert clipboard == spanish["translatedText"]


def assert_nothing_came_from_another_host(browser: WebDriver, server: ThreadServer) -> None:
    origin = urlsplit(server.url)
    urls = requested_urls(browser)
    assert any(url.endswith("/translate") for url in urls)
    elsewhere = [
        url for url in urls if not url.startswith("data:") and urlsplit(url)[:2] != origin[:2]
    ]
    assert elsewhere == []
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map((entry) => entry.name)"
    )
    assert resources and all(urlsplit(name)[:2] == origin[:2] for name in resources)


def test_markup_in_the_text_stays_text(browser: WebDriver, server: ThreadServer) -> None:
    open_page(browser, server.url)
    # The flag takes two characters for the server and four UTF-16 units for the page: the mark
    # must still fall on the name. (ChromeDriver types no character beyond the first plane.)
    text = 'Le <b>ministre</b> 🇦🇲 a reçu <img src="x" onerror="document.title=1"> à Stepanakert.'
    browser.execute_script("document.getElementById('source-text').value = arguments[0]", text)
    tick(browser, "es")
    browser.find_element(By.ID, "source-text").send_keys(Keys.CONTROL, Keys.ENTER)
    wait_until_done(browser)
    shown = column(browser, "es")
    assert shown.find_elements(By.CSS_SELECTOR, ".translation b, .translation img") == []
    paragraph = shown.find_element(By.CSS_SELECTOR, ".translation .paragraph").text
    assert "<b>" in paragraph and '<img src="x" onerror="document.title=1">' in paragraph
    assert "🇦🇲" in paragraph
    assert [m.text for m in shown.find_elements(By.CSS_SELECTOR, "mark.name")] == ["Stepanakert"]
    assert browser.title != "1"


def test_a_server_error_is_shown_in_the_alert_region(
    browser: WebDriver, server: ThreadServer
) -> None:
    open_page(browser, server.url)
    browser.find_element(By.ID, "source-text").send_keys("Le ministre est arrivé à Stepanakert.")
    tick(browser, "es")
    # A page left open while the server's languages changed: it asks for one the server lacks.
    browser.execute_script("document.getElementById('target-es').value = 'xx'")
    browser.find_element(By.ID, "translate").click()
    wait_until_done(browser)
    alert = browser.find_element(By.CSS_SELECTOR, "#error[role=alert]")
    refused = server.post_json("/translate", {"q": "Le ministre.", "source": "fr", "target": "xx"})
    assert refused.status == 400
    error = refused.json()["error"]
    assert error and error in alert.text
    assert error in column(browser, "xx").text


def test_a_text_file_opened_or_dropped_fills_the_text(
    browser: WebDriver, server: ThreadServer, tmp_path: Path
) -> None:
    open_page(browser, server.url)
    release = tmp_path / "communique.txt"
    release.write_text(PRESS_TEXT + "\n", encoding="utf-8")
    browser.find_element(By.ID, "source-file").send_keys(str(release))
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "source-text").get_attribute("value") == PRESS_TEXT + "\n"
    )
    assert "communique.txt" in browser.find_element(By.ID, "status").text

    # Dropped on the zone: a Latin-1 file is read as such, not mangled.
    browser.execute_script(
        """
        const bytes = new Uint8Array([0x4c, 0x27, 0xe9, 0x74, 0xe9, 0x20, 0xe0, 0x20, 0x4c, 0x61,
                                      0x63, 0x68, 0x69, 0x6e, 0x2e]);
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'note.txt', { type: 'text/plain' }));
        const zone = document.getElementById('drop-zone');
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        """
    )
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "source-text").get_attribute("value") == "L'été à Lachin."
    )
    assert "Windows-1252" in browser.find_element(By.ID, "status").text
