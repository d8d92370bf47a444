// The desk page of `toolkit serve`: reads the server's settings, sends the text to /translate (one
// request per target) and /summarize, and shows the answers. Translated text only ever enters the
// page as text nodes (names as <mark> elements around text nodes), never as markup.
"use strict";

(() => {
  const MAX_SENTENCES = 50;
  // A paragraph break is a run of whitespace holding at least two line ends, as the command line
  // cuts paragraphs (toolkit/text/document.py); findings number paragraphs from 1.
  const PARAGRAPH_BREAK = /[^\S\n]*\n[^\S\n]*\n\s*/g;

  const $ = (id) => document.getElementById(id);
  const form = $("request");
  const sourceText = $("source-text");
  const sourceFile = $("source-file");
  const sourceLanguage = $("source-language");
  const targetsBox = $("targets");
  const sentencesInput = $("summary-sentences");
  const algorithmSelect = $("summary-algorithm");
  const apiKeyControl = $("api-key-control");
  const apiKeyInput = $("api-key");
  const translateButton = $("translate");
  const errorBox = $("error");
  const statusLine = $("status");
  const results = $("results");
  const columns = $("columns");
  const summary = $("summary");
  const summaryBody = $("summary-body");
  const dropZone = $("drop-zone");

  const state = { settings: null, names: new Map(), busy: false };

  // ---- the server --------------------------------------------------------------------------

  async function api(path, body) {
    const init =
      body === undefined
        ? { headers: { Accept: "application/json" } }
        : {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify(body),
          };
    let response;
    try {
      response = await fetch(path, init);
    } catch (_) {
      throw new Error(`The server did not answer ${path}: is toolkit serve still running?`);
    }
    const raw = await response.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (_) {
      data = null;
    }
    if (!response.ok) {
      const reason =
        data && typeof data.error === "string" && data.error
          ? data.error
          : `${response.status} ${response.statusText}`.trim();
      throw new Error(reason);
    }
    if (data === null) {
      throw new Error(`The server's answer to ${path} is not JSON.`);
    }
    return data;
  }

  function withKey(body) {
    const key = apiKeyInput.value.trim();
    return key ? { ...body, api_key: key } : body;
  }

  // ---- messages ----------------------------------------------------------------------------

  function showError(message) {
    const line = document.createElement("p");
    line.textContent = message;
    errorBox.append(line);
    errorBox.classList.add("shown");
  }

  function clearErrors() {
    errorBox.replaceChildren();
    errorBox.classList.remove("shown");
  }

  function say(message) {
    statusLine.textContent = message;
  }

  function setBusy(busy) {
    state.busy = busy;
    translateButton.disabled = busy;
    translateButton.textContent = busy ? "Translating…" : "Translate";
    document.body.classList.toggle("busy", busy);
    results.setAttribute("aria-busy", String(busy));
    summary.setAttribute("aria-busy", String(busy));
  }

  // ---- languages ---------------------------------------------------------------------------

  const displayNames = (() => {
    try {
      return new Intl.DisplayNames(["en"], { type: "language" });
    } catch (_) {
      return null;
    }
  })();

  function languageName(code) {
    if (state.names.has(code)) return state.names.get(code);
    try {
      const name = displayNames && displayNames.of(code);
      if (name && name !== code) return name;
    } catch (_) {
      // not a code Intl knows
    }
    return code;
  }

  function option(value, label) {
    const item = document.createElement("option");
    item.value = value;
    item.textContent = label;
    return item;
  }

  function buildSources() {
    const sources = Object.keys(state.settings.targets || {});
    sourceLanguage.replaceChildren(...sources.map((code) => option(code, languageName(code))));
    const preferred = [state.settings.source, "fr"].find((code) => sources.includes(code));
    if (preferred) sourceLanguage.value = preferred;
    sourceLanguage.disabled = sources.length < 2;
  }

  function buildTargets() {
    const ticked = new Set(selectedTargets());
    const codes = (state.settings.targets || {})[sourceLanguage.value] || [];
    const legend = targetsBox.querySelector("legend");
    const list = document.createElement("div");
    list.className = "target-list";
    for (const code of codes) {
      const id = `target-${code}`;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.name = "target";
      box.value = code;
      box.checked = ticked.has(code);
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = `${languageName(code)} (${code})`;
      const item = document.createElement("span");
      item.className = "target";
      item.append(box, label);
      list.append(item);
    }
    if (codes.length === 0) {
      const none = document.createElement("p");
      none.className = "help";
      none.textContent = "This server translates from this language into no other.";
      list.append(none);
    }
    targetsBox.replaceChildren(legend, list);
  }

  function selectedTargets() {
    return [...targetsBox.querySelectorAll("input[name=target]:checked")].map((box) => box.value);
  }

  function buildAlgorithms() {
    const algorithms = state.settings.algorithms || [];
    algorithmSelect.replaceChildren(...algorithms.map((name) => option(name, name)));
    if (state.settings.default_algorithm) algorithmSelect.value = state.settings.default_algorithm;
  }

  async function loadSettings() {
    try {
      const [settings, languages, frontend] = await Promise.all([
        api("/toolkit/settings"),
        api("/languages"),
        api("/frontend/settings").catch(() => null),
      ]);
      state.settings = settings;
      for (const language of Array.isArray(languages) ? languages : []) {
        if (language && language.code && language.name) state.names.set(language.code, language.name);
      }
      apiKeyControl.hidden = !(frontend && (frontend.keyRequired || frontend.apiKeys));
      buildSources();
      buildTargets();
      buildAlgorithms();
      translateButton.disabled = false;
      say("Ready.");
    } catch (error) {
      showError(`The page could not read the server's settings: ${error.message}`);
      say("");
    }
  }

  // ---- the text: typed, pasted, dropped or opened -----------------------------------------

  async function readTextFile(file) {
    if (!/\.txt$/i.test(file.name) && file.type !== "text/plain") {
      throw new Error(`${file.name} is not a .txt file: drop or open a plain text file.`);
    }
    const bytes = await file.arrayBuffer();
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
    } catch (_) {
      // Not UTF-8: Windows-1252 reads every byte, as the command line falls back to it.
      return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
    }
  }

  async function loadFile(file) {
    clearErrors();
    try {
      const { text, encoding } = await readTextFile(file);
      sourceText.value = text.replace(/^\uFEFF/, "");
      say(`Read ${file.name} (${encoding}, ${text.length.toLocaleString("en")} characters).`);
      sourceText.focus();
    } catch (error) {
      showError(error.message);
    }
  }

  sourceFile.addEventListener("change", () => {
    if (sourceFile.files && sourceFile.files[0]) loadFile(sourceFile.files[0]);
    sourceFile.value = "";
  });

  for (const type of ["dragenter", "dragover"]) {
    dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add("dragging");
    });
  }
  dropZone.addEventListener("dragleave", (event) => {
    if (!dropZone.contains(event.relatedTarget)) dropZone.classList.remove("dragging");
  });
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("dragging");
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length > 0) loadFile(files[0]);
  });
  // A file dropped beside the zone must not replace the page.
  for (const type of ["dragover", "drop"]) {
    window.addEventListener(type, (event) => event.preventDefault());
  }

  sourceText.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // ---- rendering ---------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Paragraphs of a translated text as [start, end) offsets, cut as the command line cuts them.
  function paragraphSpans(text) {
    const lead = text.match(/^\s*/)[0].length;
    const end = Math.max(lead, text.replace(/\s+$/, "").length);
    if (lead >= end) return [];
    const spans = [];
    let position = lead;
    PARAGRAPH_BREAK.lastIndex = lead;
    for (;;) {
      const found = PARAGRAPH_BREAK.exec(text);
      if (!found || found.index >= end) break;
      spans.push([position, found.index]);
      position = found.index + found[0].length;
    }
    spans.push([position, end]);
    return spans;
  }

  // Text nodes and <mark> elements for text[start, end), marking the glossary names inside it.
  function withNames(text, start, end, names) {
    const fragment = document.createDocumentFragment();
    let position = start;
    for (const name of names) {
      if (name.start < position || name.end > end) continue;
      if (name.start > position) fragment.append(document.createTextNode(text.slice(position, name.start)));
      const mark = element("mark", "name", text.slice(name.start, name.end));
      mark.title = `Glossary: ${name.term}`;
      mark.dataset.term = name.term;
      fragment.append(mark);
      position = name.end;
    }
    if (position < end) fragment.append(document.createTextNode(text.slice(position, end)));
    return fragment;
  }

  // The server counts offsets in characters (code points), JavaScript in UTF-16 units: a character
  // beyond the first plane (an emoji, a flag) takes two. Returns the UTF-16 index of each offset.
  function utf16Offsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
    const units = [0];
    let position = 0;
    for (const character of text) {
      position += character.length;
      units.push(position);
    }
    return (offset) => (offset < units.length ? units[offset] : -1);
  }

  function validNames(text, names) {
    const toUnits = utf16Offsets(text);
    return (Array.isArray(names) ? names : [])
      .filter((name) => Number.isInteger(name.start) && Number.isInteger(name.end))
      .map((name) => ({ ...name, start: toUnits(name.start), end: toUnits(name.end) }))
      .filter((name) => name.start >= 0 && name.start < name.end && name.end <= text.length)
      .sort((a, b) => a.start - b.start);
  }

  // What an editor reads for each kind of finding (the server's kinds follow --check's report).
  const FINDING_LABELS = {
    term_missing: "Name missing",
    number_missing: "Number missing",
    unknown_words: "Unknown words",
    lost_words: "Words lost",
    foreign: "Another language",
  };

  function findingLabel(kind) {
    if (FINDING_LABELS[kind]) return FINDING_LABELS[kind];
    if (kind.startsWith("repaired")) return "Repaired";
    if (kind.startsWith("span_")) return "Protected text";
    const words = kind.replace(/_/g, " ").trim() || "finding";
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function findingList(findings) {
    const list = element("ul", "findings");
    for (const finding of findings) {
      const kind = String(finding.kind || "");
      const item = element("li", kind.startsWith("repaired") ? "finding repaired" : "finding");
      item.dataset.kind = kind;
      item.append(
        element("span", "finding-kind", findingLabel(kind)),
        " ",
        element("span", "finding-message", String(finding.message || "")),
      );
      list.append(item);
    }
    return list;
  }

  function column(target) {
    const node = element("article", "column");
    node.dataset.lang = target;
    node.setAttribute("aria-labelledby", `column-title-${target}`);
    const title = element("h3", "column-title", languageName(target));
    title.id = `column-title-${target}`;
    node.append(title, element("p", "pending", "Translating…"));
    return node;
  }

  function plural(count, word) {
    return `${count} ${word}${count === 1 ? "" : "s"}`;
  }

  function fillColumn(node, target, answer) {
    const text = answer.translatedText;
    if (typeof text !== "string") throw new Error(`The answer for ${target} holds no translated text.`);
    const extra = answer.toolkit && typeof answer.toolkit === "object" ? answer.toolkit : {};
    const findings = Array.isArray(extra.findings) ? extra.findings : [];
    const names = validNames(text, extra.names);
    const paragraphs = paragraphSpans(text);
    const inParagraph = (finding) =>
      Number.isInteger(finding.paragraph) && finding.paragraph >= 1 && finding.paragraph <= paragraphs.length;

    const header = element("div", "column-header");
    header.append(node.querySelector("h3"));
    const copy = element("button", "copy", `Copy ${languageName(target)}`);
    copy.type = "button";
    copy.addEventListener("click", () => copyText(text, languageName(target)));
    header.append(copy);

    const facts = element("p", "route");
    facts.append(element("span", "route-label", "Route "), element("code", "route-path", String(extra.route || "?")));
    if (extra.engine && !String(extra.route || "").includes(extra.engine)) facts.append(` (${extra.engine})`);
    facts.append(` · ${plural(names.length, "name")} · ${plural(findings.length, "finding")}`);

    const body = element("div", "translation");
    body.lang = target;
    paragraphs.forEach(([start, end], index) => {
      const paragraph = element("p", "paragraph");
      paragraph.dataset.paragraph = String(index + 1);
      paragraph.append(withNames(text, start, end, names));
      body.append(paragraph);
      const here = findings.filter((finding) => inParagraph(finding) && finding.paragraph === index + 1);
      if (here.length > 0) {
        const list = findingList(here);
        list.setAttribute("aria-label", `Findings in paragraph ${index + 1}`);
        body.append(list);
      }
    });

    node.replaceChildren(header, facts);
    const general = findings.filter((finding) => !inParagraph(finding));
    if (general.length > 0) {
      const list = findingList(general);
      list.classList.add("findings-general");
      list.setAttribute("aria-label", `Findings for the whole ${languageName(target)} text`);
      node.append(list);
    }
    node.append(body);
    return findings.length;
  }

  function failColumn(node, message) {
    const title = node.querySelector("h3");
    node.replaceChildren(title, element("p", "column-error", `No translation: ${message}`));
  }

  function renderSummary(answer, source, targets) {
    const sentences = Array.isArray(answer.sentences) ? answer.sentences : [];
    const parts = [element("p", "summary-facts", `${plural(sentences.length, "sentence")} by ${answer.algorithm || "?"}`)];
    const original = element("ol", "summary-sentences");
    original.lang = source;
    for (const sentence of sentences) original.append(element("li", "", String(sentence.text)));
    parts.push(element("h3", "", languageName(source)), original);
    const translations = answer.translations && typeof answer.translations === "object" ? answer.translations : {};
    const order = (code) => (targets.includes(code) ? targets.indexOf(code) : targets.length);
    const codes = Object.keys(translations).sort((a, b) => order(a) - order(b));
    for (const code of codes) {
      const lines = translations[code];
      const list = element("ol", "summary-sentences");
      list.lang = code;
      for (const line of Array.isArray(lines) ? lines : []) list.append(element("li", "", String(line)));
      parts.push(element("h3", "", languageName(code)), list);
    }
    summaryBody.replaceChildren(...parts);
  }

  // ---- copying -----------------------------------------------------------------------------

  function copyWithSelection(text) {
    const scratch = document.createElement("textarea");
    scratch.value = text;
    scratch.setAttribute("readonly", "");
    scratch.className = "offscreen";
    document.body.append(scratch);
    scratch.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } finally {
      scratch.remove();
    }
    return copied;
  }

  async function copyText(text, language) {
    let copied = false;
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch (_) {
        copied = false;
      }
    }
    if (!copied) copied = copyWithSelection(text);
    if (copied) say(`Copied the ${language} translation.`);
    else showError(`The browser refused to copy: select the ${language} text and copy it by hand.`);
  }

  // ---- the request -------------------------------------------------------------------------

  // A request the page refuses before sending it, with the control to put right.
  function refusal(message, control) {
    const error = new Error(message);
    error.control = control;
    return error;
  }

  function readSentences() {
    const count = Number(sentencesInput.value);
    if (!Number.isInteger(count) || count < 1 || count > MAX_SENTENCES) {
      throw refusal(`The summary's sentences must be a whole number from 1 to ${MAX_SENTENCES}.`, sentencesInput);
    }
    return count;
  }

  async function submit(event) {
    event.preventDefault();
    if (state.busy || !state.settings) return;
    clearErrors();
    const q = sourceText.value;
    const source = sourceLanguage.value;
    const targets = selectedTargets();
    let sentences;
    try {
      if (!q.trim()) throw refusal("Paste a text, or drop or open a .txt file, first.", sourceText);
      if (targets.length === 0) {
        const first = targetsBox.querySelector("input[name=target]");
        throw refusal("Tick at least one language to translate into.", first);
      }
      sentences = readSentences();
    } catch (error) {
      showError(error.message);
      if (error.control) error.control.focus();
      return;
    }

    setBusy(true);
    say(`Translating into ${targets.map(languageName).join(", ")} and summarizing…`);
    const nodes = new Map(targets.map((target) => [target, column(target)]));
    columns.replaceChildren(...nodes.values());
    columns.style.setProperty("--columns", String(targets.length));
    summaryBody.replaceChildren(element("p", "pending", "Summarizing…"));

    let findings = 0;
    let failures = 0;
    const translations = targets.map(async (target) => {
      const node = nodes.get(target);
      try {
        const answer = await api("/translate", withKey({ q, source, target, format: "text" }));
        findings += fillColumn(node, target, answer);
      } catch (error) {
        failures += 1;
        failColumn(node, error.message);
        showError(`${languageName(target)}: ${error.message}`);
      }
    });
    const summarized = (async () => {
      try {
        const answer = await api(
          "/summarize",
          withKey({ q, source, sentences, algorithm: algorithmSelect.value || undefined, targets }),
        );
        renderSummary(answer, source, targets);
      } catch (error) {
        failures += 1;
        summaryBody.replaceChildren(element("p", "column-error", `No summary: ${error.message}`));
        showError(`Summary: ${error.message}`);
      }
    })();
    await Promise.all([...translations, summarized]);
    setBusy(false);
    const done = targets.length - Math.min(failures, targets.length);
    say(
      failures > 0
        ? `Done with errors: see the alert above.`
        : `Translated into ${plural(done, "language")}, ${plural(findings, "finding")}; summary ready.`,
    );
  }

  form.addEventListener("submit", submit);
  sourceLanguage.addEventListener("change", buildTargets);

  translateButton.disabled = true;
  loadSettings();
})();
