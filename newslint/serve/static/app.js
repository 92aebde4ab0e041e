// newslint's page: paste or open a draft, see its findings marked in place and listed by
// category, accept or dismiss fixes, download the result. Plain JavaScript served by
// `newslint serve` itself: no build step, nothing loaded from elsewhere.
"use strict";

const $ = (id) => document.getElementById(id);
const LEVELS = ["error", "warning", "info"];
const state = {
  text: "", name: "draft.txt", opened: false, findings: [], rules: {}, dismissed: new Set(),
  token: new URLSearchParams(location.hash.slice(1)).get("token") || "", seq: 0,
};

async function api(path, body, raw) {
  const headers = {};
  if (state.token) headers.Authorization = "Bearer " + state.token;
  const init = { method: body === undefined ? "GET" : "POST", headers };
  if (body !== undefined) {
    init.body = raw ? body : JSON.stringify(body);
    headers["Content-Type"] = raw ? "application/octet-stream" : "application/json";
  }
  const response = await fetch(path, init);
  const answer = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

function status(message) { $("status").textContent = message; }
function escape(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Findings count characters (code points); JavaScript strings count UTF-16 units.
function unitIndex(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return null;
  const map = [];
  let unit = 0;
  for (const ch of text) { map.push(unit); unit += ch.length; }
  map.push(unit);
  return map;
}
const toUnits = (map, offset) => (map ? map[Math.min(offset, map.length - 1)] : offset);

function dismissKey(f) { return [f.rule, state.text.slice(f.u0, f.u1), f.message].join("\u0000"); }
function visible() { return state.findings.filter((f) => !state.dismissed.has(dismissKey(f))); }

// -- checking ------------------------------------------------------------------------------------
// A pasted draft has no file name: Markdown front matter or headings make it a .md, so its
// markup is read as markup (the headline from `title:`), as `newslint check` reads a .md file.
function guessName(text) {
  if (state.opened) return state.name;
  return /^---\r?\n[\s\S]*?^(title|headline)\s*:/m.test(text) || /^#{1,6} \S/m.test(text) ? "draft.md" : "draft.txt";
}

async function check() {
  const seq = ++state.seq;
  const text = state.text;
  state.name = guessName(text);
  if (!text.trim()) { state.findings = []; render(); status(""); return; }
  status("Checking…");
  try {
    const answer = await api("/api/check", { text, path: state.name, profile: $("profile").value, config: $("config").value || undefined });
    if (seq !== state.seq) return; // a newer check is on its way
    setFindings(answer.findings);
    status("");
  } catch (e) { if (seq === state.seq) status("Could not check: " + e.message); }
}

function setFindings(findings) {
  const map = unitIndex(state.text);
  findings.forEach((f, i) => {
    f.id = i;
    f.u0 = toUnits(map, f.start);
    f.u1 = toUnits(map, f.end);
    f.edits = (f.fix || []).map((e) => ({ u0: toUnits(map, e.start), u1: toUnits(map, e.end), text: e.replacement }));
  });
  state.findings = findings;
  render();
}

async function loadRules() {
  const params = new URLSearchParams({ profile: $("profile").value });
  if ($("config").value) params.set("config", $("config").value);
  try { state.rules = await api("/api/rules?" + params); } catch (e) { state.rules = {}; }
}

// -- drawing -------------------------------------------------------------------------------------
function render() {
  renderView();
  renderList();
  $("fix-all").disabled = !visible().some((f) => f.fix && f.fix_safe);
}

function renderView() {
  const text = state.text, shown = visible();
  const cuts = new Set([0, text.length]);
  for (const f of shown) { cuts.add(f.u0); cuts.add(Math.max(f.u1, f.u0 + 1 <= text.length ? f.u0 + 1 : f.u0)); }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const here = shown.filter((f) => f.u0 <= a && b <= Math.max(f.u1, f.u0 + 1));
    const piece = escape(text.slice(a, b));
    if (!here.length) { html += piece; continue; }
    const level = LEVELS.find((l) => here.some((f) => f.severity === l));
    html += `<mark class="${level}" data-ids="${here.map((f) => f.id).join(" ")}">${piece}</mark>`;
  }
  $("view").innerHTML = html;
}

function renderList() {
  const shown = visible();
  const counts = LEVELS.map((l) => [l, shown.filter((f) => f.severity === l).length]).filter(([, n]) => n);
  $("summary").innerHTML = !state.text.trim() ? "No draft yet."
    : shown.length ? `${shown.length} finding${shown.length === 1 ? "" : "s"}: ` + counts.map(([l, n]) => `<span class="badge ${l}">${n} ${l}</span>`).join("")
    : "Nothing to report.";
  const groups = new Map();
  for (const f of [...shown].sort((a, b) => LEVELS.indexOf(a.severity) - LEVELS.indexOf(b.severity) || a.u0 - b.u0)) {
    if (!groups.has(f.category)) groups.set(f.category, []);
    groups.get(f.category).push(f);
  }
  const box = $("groups");
  box.textContent = "";
  for (const [category, items] of groups) {
    const group = document.createElement("section");
    group.className = "group";
    group.innerHTML = `<h2>${escape(category)} (${items.length})</h2>`;
    for (const f of items) group.appendChild(findingItem(f));
    box.appendChild(group);
  }
}

function findingItem(f) {
  const item = document.createElement("div");
  item.className = "finding";
  item.dataset.id = f.id;
  const help = state.rules[f.rule];
  item.innerHTML = `<span class="badge ${f.severity}">${f.severity}</span>${escape(f.message)}
    <div><span class="where">line ${f.line}, column ${f.column}</span> <span class="rule" title="${escape(help ? help.summary : "")}">${escape(f.rule)}</span></div>
    <div class="actions"></div>`;
  const actions = item.querySelector(".actions");
  if (f.fix) {
    const accept = document.createElement("button");
    accept.type = "button";
    accept.className = "accept";
    accept.textContent = (f.fix_description || "apply the fix").replace(/^./, (c) => c.toUpperCase());
    accept.addEventListener("click", () => acceptFix(f));
    actions.appendChild(accept);
    if (!f.fix_safe) actions.insertAdjacentHTML("beforeend", `<span class="unsafe">check the result</span>`);
  }
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "dismiss";
  dismiss.textContent = "Dismiss";
  dismiss.addEventListener("click", () => { state.dismissed.add(dismissKey(f)); render(); });
  actions.appendChild(dismiss);
  item.querySelector(".where").addEventListener("click", () => reveal(f));
  return item;
}

function reveal(f) {
  setMode("review");
  const mark = [...$("view").querySelectorAll("mark")].find((m) => m.dataset.ids.split(" ").includes(String(f.id)));
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.classList.add("flash");
  setTimeout(() => mark.classList.remove("flash"), 1200);
}

// -- explanations on hover -----------------------------------------------------------------------
function markdown(text) {
  const inline = (s) => escape(s).replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>");
  let html = "", list = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("- ")) { html += (list ? "" : "<ul>") + `<li>${inline(line.slice(2))}</li>`; list = true; continue; }
    if (list) { html += "</ul>"; list = false; }
    if (line.trim()) html += `<p>${inline(line)}</p>`;
  }
  return html + (list ? "</ul>" : "");
}

function showTip(mark) {
  const ids = mark.dataset.ids.split(" ").map(Number);
  const parts = ids.map((id) => state.findings[id]).filter(Boolean).map((f) => {
    const help = state.rules[f.rule];
    return `<p><span class="badge ${f.severity}">${f.severity}</span>${escape(f.message)}</p>` + (help ? markdown(help.help) : "");
  });
  const tip = $("tip");
  tip.innerHTML = parts.join("<hr>");
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  tip.style.left = Math.max(8, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8)) + "px";
  const below = box.bottom + 6;
  tip.style.top = (below + tip.offsetHeight < window.innerHeight ? below : Math.max(8, box.top - tip.offsetHeight - 6)) + "px";
}

// -- changing the text ---------------------------------------------------------------------------
function setText(text, { recheck = true } = {}) {
  state.text = text;
  if ($("editor").value !== text) $("editor").value = text;
  if (recheck) check();
}

function acceptFix(f) {
  let text = state.text;
  for (const e of [...f.edits].sort((a, b) => b.u0 - a.u0)) text = text.slice(0, e.u0) + e.text + text.slice(e.u1);
  setText(text);
  status("Fixed: " + (f.fix_description || f.rule));
}

async function fixAll() {
  status("Fixing…");
  try {
    const answer = await api("/api/fix", { text: state.text, path: state.name, profile: $("profile").value, config: $("config").value || undefined });
    state.seq++;
    setText(answer.text, { recheck: false });
    setFindings(answer.findings);
    status(`Applied ${answer.applied} safe fix${answer.applied === 1 ? "" : "es"}.`);
  } catch (e) { status("Could not fix: " + e.message); }
}

function setMode(mode) {
  const review = mode === "review";
  $("view").hidden = !review;
  $("editor").hidden = review;
  $("review-tab").setAttribute("aria-selected", String(review));
  $("edit-tab").setAttribute("aria-selected", String(!review));
  $("tip").hidden = true;
}

async function openFile(file) {
  status("Reading " + file.name + "…");
  try {
    const answer = await api("/api/read?name=" + encodeURIComponent(file.name), await file.arrayBuffer(), true);
    state.name = file.name;
    state.opened = true;
    $("file-name").textContent = file.name;
    setText(answer.text);
    setMode("review");
  } catch (e) { status("Could not open: " + e.message); }
}

function download() {
  const name = state.name.replace(/\.docx$/i, ".txt");
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([state.text], { type: "text/plain;charset=utf-8" }));
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function copy() {
  try { await navigator.clipboard.writeText(state.text); }
  catch (e) { const area = $("editor"); const was = area.hidden; area.hidden = false; area.select(); document.execCommand("copy"); area.hidden = was; }
  status("Copied.");
}

// -- start ---------------------------------------------------------------------------------------
async function start() {
  let typing = null;
  $("editor").addEventListener("input", () => {
    state.text = $("editor").value;
    clearTimeout(typing);
    typing = setTimeout(check, 400);
  });
  $("editor").addEventListener("paste", () => setTimeout(() => { state.text = $("editor").value; check().then(() => setMode("review")); }, 0));
  $("edit-tab").addEventListener("click", () => setMode("edit"));
  $("review-tab").addEventListener("click", () => setMode("review"));
  $("open").addEventListener("change", (e) => { if (e.target.files[0]) openFile(e.target.files[0]); e.target.value = ""; });
  $("fix-all").addEventListener("click", fixAll);
  $("download").addEventListener("click", download);
  $("copy").addEventListener("click", copy);
  for (const id of ["profile", "config"]) $(id).addEventListener("change", async () => { await loadRules(); check(); });
  $("view").addEventListener("mouseover", (e) => { const mark = e.target.closest("mark"); if (mark) showTip(mark); });
  $("view").addEventListener("mouseleave", () => { $("tip").hidden = true; });
  $("view").addEventListener("click", (e) => {
    const mark = e.target.closest("mark");
    if (!mark) return;
    const item = $("groups").querySelector(`.finding[data-id="${mark.dataset.ids.split(" ")[0]}"]`);
    if (item) item.scrollIntoView({ block: "center" });
  });
  try {
    const options = await api("/api/options");
    $("profile").innerHTML = options.profiles.map((p) => `<option${p === options.default_profile ? " selected" : ""}>${escape(p)}</option>`).join("");
    $("config").innerHTML = options.configs.map((c) => `<option${c === options.default_config ? " selected" : ""}>${escape(c)}</option>`).join("");
    $("config-label").hidden = options.configs.length < 2;
    await loadRules();
  } catch (e) { status("The server did not answer: " + e.message); }
}

start();
