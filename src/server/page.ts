// The editors' page: one HTML document with its CSS and script inline (no build step, nothing
// fetched from elsewhere). The script only draws what POST /api/check answers: no analysis here.
// Report text is only ever inserted with textContent / text nodes, never as HTML.
import type { Lang } from '../rules/index.js';

const STYLE = String.raw`
:root { --bg: #f5f6f8; --line: #e2e5ea; --text: #1f2328; --muted: #667085; --accent: #2563eb;
  --err: #d92d20; --err-bg: #fde4e1; --warn: #dc8a04; --warn-bg: #fff1c6; --info: #1d63c8; --info-bg: #dcebff;
  --dup: #c99a06; --rel: #7c3aed; }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 14px/1.6 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--text); background: var(--bg); display: flex; flex-direction: column; overflow: hidden; }
header { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { font-size: 17px; margin: 0; font-weight: 600; white-space: nowrap; }
header .spacer { flex: 1; }
#status { color: var(--muted); font-size: 13px; }
#status.busy::before { content: ""; display: inline-block; width: 8px; height: 8px; margin-right: 6px; border-radius: 50%;
  background: var(--accent); animation: pulse 1s infinite alternate; }
@keyframes pulse { from { opacity: .25; } to { opacity: 1; } }
button, .button { font: inherit; color: inherit; border: 1px solid #cfd4dc; background: #fff; border-radius: 6px; padding: 4px 12px; cursor: pointer; }
button:hover, .button:hover { border-color: var(--accent); }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
main { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(360px, 2fr); gap: 12px; padding: 12px; }
.pane { background: #fff; border: 1px solid var(--line); border-radius: 8px; display: flex; flex-direction: column; min-height: 0; overflow: hidden; }
#dropzone { margin: 10px 10px 8px; padding: 14px; border: 2px dashed #c4cad3; border-radius: 8px; text-align: center; color: var(--muted); }
body.has-draft #dropzone { padding: 4px 8px; font-size: 12.5px; border-width: 1px; }
body.dragging #dropzone { border-color: var(--accent); background: #eef4ff; color: var(--accent); }
body.dragging::after { content: attr(data-drop); position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
  background: rgba(37, 99, 235, .12); border: 4px dashed var(--accent); color: var(--accent); font-size: 22px; pointer-events: none; }
#error { margin: 0 10px 8px; padding: 8px 12px; border-radius: 6px; background: var(--err-bg); color: #7a1a12; border: 1px solid #f5b5ae; }
.pane-title { display: flex; justify-content: space-between; gap: 8px; padding: 2px 12px; color: var(--muted); font-size: 12.5px; }
#editor { margin: 0 10px 8px; height: 22vh; min-height: 70px; resize: vertical; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px;
  font: 14px/1.7 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: var(--text); }
#editor:focus { outline: 2px solid rgba(37, 99, 235, .35); border-color: var(--accent); }
#view { flex: 1; min-height: 0; overflow: auto; margin: 0 10px 10px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.95; font-size: 15px; position: relative; background: #fcfcfd; }
#view .empty { white-space: normal; }
mark.zj { background: transparent; color: inherit; border-bottom: 2px solid transparent; border-radius: 2px; cursor: pointer; }
mark.zj[data-kind="info"] { background: var(--info-bg); border-bottom-color: var(--info); }
mark.zj[data-kind="warning"] { background: var(--warn-bg); border-bottom-color: var(--warn); }
mark.zj[data-kind="error"] { background: var(--err-bg); border-bottom-color: var(--err); }
mark.zj[data-kind="wide"] { background: rgba(234, 179, 8, .11); }
mark.zj[data-kind="rel"] { background: rgba(124, 58, 237, .06); }
mark.zj[data-rule="artifact"] { background: #eef0f3; border-bottom: 2px dotted #667085; }
mark.zj.zero::before { content: "\2038"; color: var(--err); font-weight: 700; }
mark.zj.selected { box-shadow: 0 0 0 2px rgba(37, 99, 235, .55); }
mark.zj.selected[data-kind="wide"], mark.zj.selected[data-kind="rel"] { box-shadow: none; background: rgba(37, 99, 235, .13); }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { 0%, 35% { background-color: #bfdbfe; box-shadow: 0 0 0 4px rgba(37, 99, 235, .55); } 100% { box-shadow: 0 0 0 4px rgba(37, 99, 235, 0); } }
::highlight(zj-flash) { background-color: #bfdbfe; }
.tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--line); padding: 0 8px; }
.tabs button { border: none; border-bottom: 2px solid transparent; border-radius: 0; padding: 9px 12px 7px; background: none; }
.tabs button[aria-selected="true"] { border-bottom-color: var(--accent); color: var(--accent); font-weight: 600; }
.tabs .n { margin-left: 5px; font-size: 12px; background: #eef0f3; color: var(--muted); border-radius: 10px; padding: 0 7px; font-weight: 400; }
.panel { flex: 1; min-height: 0; overflow: auto; padding: 8px 12px 16px; }
.toolbar { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 2px 0 8px; color: var(--muted); font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin: 4px 0 6px; color: var(--muted); font-size: 13px; }
.summary strong { color: var(--text); }
.group h3 { font-size: 14px; margin: 12px 0 2px; display: flex; align-items: center; gap: 7px; }
.group h3 code { font-size: 12px; color: var(--muted); font-weight: 400; }
.group h3 .count { margin-left: auto; font-size: 12px; background: #eef0f3; border-radius: 10px; padding: 0 8px; color: var(--muted); }
.dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; flex: none; }
.dot.sev-error { background: var(--err); } .dot.sev-warning { background: var(--warn); } .dot.sev-info { background: var(--info); }
.group ol { list-style: none; margin: 0; padding: 0; }
.group li { display: flex; align-items: flex-start; gap: 4px; }
button.problem { flex: 1; display: flex; gap: 8px; text-align: left; border: none; border-radius: 6px; padding: 3px 8px; background: none; }
button.problem:hover { background: #f1f5ff; }
button.problem.selected { background: #e0ebff; }
.loc { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; color: var(--muted); min-width: 4.8em; padding-top: 1px; }
.fixable { font-size: 11.5px; color: #067647; border: 1px solid #abefc6; border-radius: 4px; padding: 0 4px; margin-left: 4px; white-space: nowrap; }
button.rel-link { margin-top: 2px; font-size: 12px; color: var(--rel); border-color: #ddd0fb; padding: 0 7px; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f8f9fb; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr { cursor: pointer; }
tbody tr:hover td { background: #f3f7ff; }
.outline ul { list-style: none; margin: 0; padding-left: 1.1em; }
.outline > ul { padding-left: 0; }
.outline button { border: none; background: none; padding: 2px 6px; text-align: left; display: flex; gap: 10px; width: 100%; border-radius: 5px; }
.outline button:hover { background: #f1f5ff; }
.outline .ln { margin-left: auto; color: var(--muted); font-size: 12px; font-family: ui-monospace, monospace; }
.empty { color: var(--muted); padding: 16px; text-align: center; }
`;

// Plain JavaScript; no template literals in it (this file is itself a template literal).
const SCRIPT = String.raw`
(() => {
'use strict';
const STR = {
  zh: {
    title: '总结 · 报告草稿检查',
    choose: '选择文件',
    drop: '把 .txt、.md 或 .docx 文件拖到这里，或点“选择文件”，也可以直接在下面粘贴文本。文件只在本机处理，不会上传到网络。',
    dropShort: '拖入另一个文件，或在下面修改、粘贴文本；文件只在本机处理',
    dropNow: '松开鼠标，检查这个文件',
    editor: '草稿（可直接编辑或粘贴，改动后自动重新检查）',
    editorPlaceholder: '在这里粘贴报告全文……',
    view: '标注',
    viewEmpty: '检查结果会标在这里：占位符、漏填的数字、重复的段落、连写两遍的词……',
    tabProblems: '问题', tabFigures: '数字', tabActivities: '活动', tabOutline: '提纲',
    noDraft: '还没有草稿。',
    noProblems: '没有发现问题。',
    noFigures: '没有找到数字。', noActivities: '没有找到活动。', noOutline: '没有找到章节。',
    checking: '正在检查……',
    summary: '{n} 个问题：{e} 个错误，{w} 个警告，{i} 个提示',
    took: '用时 {ms} 毫秒',
    sev_error: '错误', sev_warning: '警告', sev_info: '提示',
    csv: '下载 CSV',
    figuresNote: '{n} 个数字', activitiesNote: '{n} 项活动',
    colValue: '数值', colUnit: '单位', colSubject: '主语', colQualifier: '限定', colText: '原文', colLine: '行',
    colVerb: '动词', colObject: '对象', colCategory: '类别', colCount: '次数',
    q_exact: '', q_about: '约', q_at_least: '至少', q_at_most: '至多', q_more_than: '超过',
    related: '另一处 {loc}', relatedTitle: '跳到重复的另一处（第 {line} 行）',
    paragraphs: '行号为段落序号',
    fixable: '可自动修复',
    tooLarge: '文件太大：{name} 有 {size}，上限为 {limit}。',
    wrongType: '不支持这种文件：{name}。只能检查 .txt、.md、.docx 文件。',
    network: '无法连接本机的 zongjie 服务：{msg}',
    readFail: '读不了这个文件：{msg}',
    pastedName: '草稿.txt',
    langButton: 'English', langTitle: 'Switch to English',
    rule_placeholder: '占位符', 'rule_blank-count': '漏填的数字', 'rule_doubled-word': '连写两遍的词',
    'rule_repeated-sentence': '重复的句子', 'rule_duplicate-section': '重复的段落', 'rule_missing-number': '缺少数字',
    'rule_required-section': '缺少章节', 'rule_figure-consistency': '数字前后矛盾', 'rule_year-consistency': '年份不一致',
    rule_artifact: '抓取残留'
  },
  en: {
    title: 'zongjie · draft report check',
    choose: 'Choose file',
    drop: 'Drop a .txt, .md or .docx file here, click "Choose file", or paste the text below. Files are processed on this machine only; nothing is uploaded.',
    dropShort: 'Drop another file, or edit or paste below; files stay on this machine',
    dropNow: 'Release to check this file',
    editor: 'Draft (edit or paste; re-checked as you type)',
    editorPlaceholder: 'Paste the report here…',
    view: 'Marked draft',
    viewEmpty: 'Problems will be marked here: placeholders, blank counts, duplicates, doubled words…',
    tabProblems: 'Problems', tabFigures: 'Figures', tabActivities: 'Activities', tabOutline: 'Outline',
    noDraft: 'No draft yet.',
    noProblems: 'No problems found.',
    noFigures: 'No figures found.', noActivities: 'No activities found.', noOutline: 'No sections found.',
    checking: 'Checking…',
    summary: '{n} problems: {e} errors, {w} warnings, {i} info',
    took: '{ms} ms',
    sev_error: 'error', sev_warning: 'warning', sev_info: 'info',
    csv: 'Download CSV',
    figuresNote: '{n} figures', activitiesNote: '{n} activities',
    colValue: 'Value', colUnit: 'Unit', colSubject: 'Subject', colQualifier: 'Qualifier', colText: 'Text', colLine: 'Line',
    colVerb: 'Verb', colObject: 'Object', colCategory: 'Category', colCount: 'Count',
    q_exact: '', q_about: 'about', q_at_least: 'at least', q_at_most: 'at most', q_more_than: 'over',
    related: 'other copy {loc}', relatedTitle: 'Go to the other copy (line {line})',
    paragraphs: 'line numbers are paragraph numbers',
    fixable: 'fixable',
    tooLarge: 'File too large: {name} is {size}; the limit is {limit}.',
    wrongType: 'Unsupported file: {name}. Only .txt, .md and .docx files can be checked.',
    network: 'Cannot reach the local zongjie server: {msg}',
    readFail: 'Cannot read this file: {msg}',
    pastedName: 'draft.txt',
    langButton: '中文', langTitle: '切换到中文',
    rule_placeholder: 'Placeholders', 'rule_blank-count': 'Blank counts', 'rule_doubled-word': 'Doubled words',
    'rule_repeated-sentence': 'Repeated sentences', 'rule_duplicate-section': 'Duplicated passages', 'rule_missing-number': 'Missing numbers',
    'rule_required-section': 'Missing sections', 'rule_figure-consistency': 'Contradictory figures', 'rule_year-consistency': 'Inconsistent years',
    rule_artifact: 'Scrape artifacts'
  }
};
const ACCEPTED = /\.(txt|md|markdown|docx)$/i;
const MAX_BYTES = Number(document.documentElement.dataset.maxBytes) || 5 * 1024 * 1024;
const DEBOUNCE_MS = 400;
const WIDE = 160;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

const $ = (id) => document.getElementById(id);
const view = $('view'), editor = $('editor'), problemsBox = $('problems'), errorBox = $('error'), statusBox = $('status');
const state = {
  lang: document.documentElement.dataset.lang === 'en' ? 'en' : 'zh',
  name: '', payload: null, result: null, seq: 0, controller: null, timer: 0,
  anchors: new Map(), relAnchors: new Map(), textNodes: [], tab: 'problems'
};

function t(key, vars) {
  const table = STR[state.lang];
  let s = key in table ? table[key] : (key in STR.zh ? STR.zh[key] : key);
  if (vars) s = s.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  return s;
}

/** An element with attributes and children (strings become text nodes, never HTML). */
function el(tag, attrs, children) {
  const node = document.createElement(tag);
  if (attrs) for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  if (children) for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function applyStrings() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  document.documentElement.dataset.lang = state.lang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  const lang = $('lang');
  lang.textContent = t('langButton');
  lang.title = t('langTitle');
  document.body.dataset.drop = t('dropNow');
  $('dropzone').textContent = t(state.result ? 'dropShort' : 'drop');
}

function setStatus(text, busy) {
  statusBox.textContent = text;
  statusBox.classList.toggle('busy', Boolean(busy));
}

function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = false;
}

function hideError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? (Math.round(bytes / 1024 / 102.4) / 10) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

function loc(item) {
  return item.line + ':' + item.column;
}

// ---- talking to the server ------------------------------------------------------------------

async function runCheck(payload, fromFile) {
  const seq = ++state.seq;
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;
  state.payload = payload;
  setStatus(t('checking'), true);
  let response, body = null;
  try {
    response = await fetch('/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.assign({}, payload, { lang: state.lang })),
      signal: controller.signal
    });
    body = await response.json().catch(() => null);
  } catch (error) {
    if (seq !== state.seq || (error && error.name === 'AbortError')) return;
    setStatus('');
    showError(t('network', { msg: error && error.message ? error.message : String(error) }));
    return;
  }
  if (seq !== state.seq) return;
  state.controller = null;
  if (!response.ok || !body || body.error) {
    setStatus(state.result ? summaryText(state.result) : '');
    const e = body && body.error;
    showError(e ? (e[state.lang] || e.message) : response.status + ' ' + response.statusText);
    if (fromFile && state.result) state.payload = state.lastGood;
    return;
  }
  hideError();
  state.lastGood = payload;
  if (fromFile) editor.value = body.text;
  state.name = body.file;
  state.result = body;
  document.body.classList.add('has-draft');
  render();
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    if (!state.name) state.name = t('pastedName');
    runCheck({ name: state.name, text: editor.value }, false);
  }, DEBOUNCE_MS);
}

function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function loadFile(file) {
  if (!ACCEPTED.test(file.name)) {
    showError(t('wrongType', { name: file.name }));
    return;
  }
  if (file.size > MAX_BYTES) {
    showError(t('tooLarge', { name: file.name, size: sizeText(file.size), limit: sizeText(MAX_BYTES) }));
    return;
  }
  clearTimeout(state.timer);
  file.arrayBuffer().then(
    (buffer) => runCheck({ name: file.name, base64: toBase64(buffer) }, true),
    (error) => showError(t('readFail', { msg: error && error.message ? error.message : String(error) }))
  );
}

// ---- the marked draft -----------------------------------------------------------------------

/**
 * The text cut at every start and end of a problem (and of the other copy of a duplicate); each
 * piece covered by some is one <mark> naming all that cover it, styled by the innermost.
 */
function renderView(result) {
  const text = result.text;
  const messages = result.lint.messages;
  const ranges = [];
  const clamp = (n) => Math.max(0, Math.min(text.length, n));
  messages.forEach((m, i) => {
    const s = clamp(m.offset), e = Math.max(s, clamp(m.endOffset));
    ranges.push({ s, e, i, rel: -1, m });
    (m.related || []).forEach((r, j) => {
      const rs = clamp(r.offset), re = Math.max(rs, clamp(r.endOffset));
      ranges.push({ s: rs, e: re, i, rel: j, m });
    });
  });
  const points = new Set([0, text.length]);
  const starts = new Map(), ends = new Map(), zeros = new Map();
  const add = (map, key, value) => { if (!map.has(key)) map.set(key, []); map.get(key).push(value); };
  for (const r of ranges) {
    points.add(r.s); points.add(r.e);
    if (r.e === r.s) add(zeros, r.s, r);
    else { add(starts, r.s, r); add(ends, r.e, r); }
  }
  const sorted = Array.from(points).sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const anchors = new Map(), relAnchors = new Map(), textNodes = [];
  let active = [];

  const makeMark = (covering, startingHere, zero) => {
    let inner = covering[0];
    for (const r of covering) {
      const better = (r.e - r.s) < (inner.e - inner.s) || ((r.e - r.s) === (inner.e - inner.s) && inner.rel >= 0 && r.rel < 0);
      if (better) inner = r;
    }
    const classes = ['zj'];
    const msgs = [], rels = [];
    for (const r of covering) {
      if (r.rel < 0) {
        classes.push('r-' + r.m.ruleId, 'sev-' + r.m.severity);
        if (msgs.indexOf(r.i) < 0) msgs.push(r.i);
      } else {
        classes.push('rel');
        rels.push(r.i + ':' + r.rel);
      }
    }
    if (zero) classes.push('zero');
    const kind = inner.rel >= 0 ? 'rel' : (inner.e - inner.s) > WIDE ? 'wide' : inner.m.severity;
    const mark = el('mark', {
      class: Array.from(new Set(classes)).join(' '),
      'data-kind': kind,
      'data-rule': inner.m.ruleId,
      'data-msg-index': inner.i,
      'data-msgs': msgs.join(' ') || null,
      'data-rels': rels.join(' ') || null
    });
    const starting = startingHere.filter((r) => r.rel < 0);
    if (starting.length) {
      mark.setAttribute('data-start', starting.map((r) => r.i).join(' '));
      mark.setAttribute('data-start-rules', starting.map((r) => r.m.ruleId).join(' '));
      for (const r of starting) anchors.set(r.i, mark);
    }
    for (const r of startingHere) if (r.rel >= 0) relAnchors.set(r.i + ':' + r.rel, mark);
    mark.title = covering.filter((r) => r.rel < 0).map((r) => r.m.message).join('\n');
    return mark;
  };

  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k];
    const ending = ends.get(p);
    if (ending) active = active.filter((r) => ending.indexOf(r) < 0);
    const zero = zeros.get(p);
    if (zero) for (const r of zero) fragment.appendChild(makeMark(active.concat([r]), [r], true));
    const starting = starts.get(p) || [];
    active = active.concat(starting);
    if (k + 1 >= sorted.length) break;
    const q = sorted[k + 1];
    if (q <= p) continue;
    const node = document.createTextNode(text.slice(p, q));
    textNodes.push({ node, start: p });
    if (active.length) {
      const mark = makeMark(active, starting, false);
      mark.appendChild(node);
      fragment.appendChild(mark);
    } else fragment.appendChild(node);
  }
  const scroll = view.scrollTop;
  view.replaceChildren(fragment);
  view.scrollTop = scroll;
  state.anchors = anchors;
  state.relAnchors = relAnchors;
  state.textNodes = textNodes;
}

/** Scroll the draft so that the rectangle is a third of the way down (instantly: it is a jump). */
function scrollViewTo(rect) {
  if (!rect) return;
  const box = view.getBoundingClientRect();
  if (rect.top >= box.top + 8 && rect.bottom <= box.bottom - 8 && rect.top < box.top + box.height * 0.75) return;
  view.scrollTop += rect.top - box.top - view.clientHeight / 3;
}

function flash(node) {
  node.classList.remove('flash');
  void node.offsetWidth;
  node.classList.add('flash');
  setTimeout(() => node.classList.remove('flash'), 1700);
}

function rangeAt(start, end) {
  const nodes = state.textNodes;
  if (!nodes.length) return null;
  const find = (offset) => {
    let lo = 0, hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    const n = nodes[lo];
    return { node: n.node, at: Math.min(n.node.data.length, Math.max(0, offset - n.start)) };
  };
  const a = find(start), b = find(Math.max(start, end));
  const range = document.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(b.node, b.at);
  return range;
}

/** Show a place that is not a problem (a figure, an activity, a heading): scroll to it and light it up. */
function showPlace(start, end) {
  const range = rangeAt(start, end);
  if (!range) return;
  scrollViewTo(range.getClientRects()[0] || range.getBoundingClientRect());
  if (window.CSS && CSS.highlights && window.Highlight) {
    CSS.highlights.set('zj-flash', new Highlight(range));
    clearTimeout(state.highlightTimer);
    state.highlightTimer = setTimeout(() => CSS.highlights.delete('zj-flash'), 1800);
  }
}

/** Select problem i (or the other copy "rel" of a duplicate): mark it in the draft and in the list. */
function showProblem(i, rel, fromDraft) {
  const anchor = rel === undefined ? state.anchors.get(i) : state.relAnchors.get(i + ':' + rel);
  for (const node of view.querySelectorAll('mark.selected')) node.classList.remove('selected');
  const selector = rel === undefined ? 'mark[data-msgs~="' + i + '"]' : 'mark[data-rels~="' + i + ':' + rel + '"]';
  const marks = view.querySelectorAll(selector);
  for (const node of marks) { node.classList.add('selected'); flash(node); }
  if (anchor && !fromDraft) scrollViewTo(anchor.getClientRects()[0] || anchor.getBoundingClientRect());
  for (const node of problemsBox.querySelectorAll('button.problem.selected')) node.classList.remove('selected');
  const item = problemsBox.querySelector('button.problem[data-msg-index="' + i + '"]');
  if (item) {
    item.classList.add('selected');
    if (fromDraft) {
      showTab('problems');
      item.scrollIntoView({ block: 'nearest' });
      flash(item);
    }
  }
}

// ---- the side panels ------------------------------------------------------------------------

function ruleName(id) {
  const key = 'rule_' + id;
  if (key in STR[state.lang]) return t(key);
  const rule = state.result && state.result.rules.find((r) => r.id === id);
  return rule ? rule.description : id;
}

function summaryText(result) {
  const l = result.lint;
  return t('summary', { n: l.messages.length, e: l.errorCount, w: l.warningCount, i: l.infoCount }) + ' · ' + t('took', { ms: result.elapsedMs });
}

function renderProblems(result) {
  const messages = result.lint.messages;
  const groups = new Map();
  messages.forEach((m, i) => {
    if (!groups.has(m.ruleId)) groups.set(m.ruleId, []);
    groups.get(m.ruleId).push(i);
  });
  const worst = (list) => Math.min.apply(null, list.map((i) => SEVERITY_RANK[messages[i].severity] ?? 3));
  const order = Array.from(groups.keys()).sort((a, b) => worst(groups.get(a)) - worst(groups.get(b)) || groups.get(b).length - groups.get(a).length || (a < b ? -1 : 1));
  const parts = [];
  const summary = el('div', { class: 'summary' }, [
    result.title ? el('strong', { text: result.title }) : el('strong', { text: result.file }),
    el('span', { text: t('summary', { n: messages.length, e: result.lint.errorCount, w: result.lint.warningCount, i: result.lint.infoCount }) }),
    result.positions === 'paragraph' ? el('span', { text: t('paragraphs') }) : null
  ]);
  parts.push(summary);
  if (!messages.length) parts.push(el('p', { class: 'empty', text: t('noProblems') }));
  for (const id of order) {
    const list = groups.get(id);
    const severity = messages[list[0]].severity;
    const rule = result.rules.find((r) => r.id === id);
    const items = list.map((i) => {
      const m = messages[i];
      const button = el('button', { type: 'button', class: 'problem sev-' + m.severity, 'data-msg-index': i, 'data-rule': m.ruleId, title: m.source || null }, [
        el('span', { class: 'loc', text: loc(m) }),
        el('span', { class: 'msg' }, [m.message, m.fix ? el('span', { class: 'fixable', text: t('fixable') }) : null])
      ]);
      const links = (m.related || []).map((r, j) => el('button', {
        type: 'button', class: 'rel-link', 'data-msg-index': i, 'data-rel': j, title: t('relatedTitle', { line: r.line })
      }, [t('related', { loc: loc(r) })]));
      return el('li', null, [button].concat(links));
    });
    parts.push(el('section', { class: 'group', 'data-rule': id }, [
      el('h3', { title: rule ? rule.description : null }, [
        el('span', { class: 'dot sev-' + severity }), ruleName(id), el('code', { text: id }), el('span', { class: 'count', text: String(list.length) })
      ]),
      el('ol', null, items)
    ]));
  }
  problemsBox.replaceChildren.apply(problemsBox, parts);
}

function table(columns, rows) {
  return el('table', null, [
    el('thead', null, [el('tr', null, columns.map((c) => el('th', { class: c.num ? 'num' : null, text: t(c.key) })))]),
    el('tbody', null, rows.map((row) => el('tr', { 'data-offset': row.item.offset, 'data-end-offset': row.item.endOffset, title: row.title || null },
      row.cells.map((cell, k) => el('td', { class: columns[k].num ? 'num' : null, text: cell === undefined || cell === null ? '' : String(cell) })))))
  ]);
}

function renderFigures(result) {
  const figures = result.figures;
  const box = $('figures');
  if (!figures.length) { box.replaceChildren(el('p', { class: 'empty', text: t('noFigures') })); return; }
  const columns = [{ key: 'colValue', num: true }, { key: 'colUnit' }, { key: 'colSubject' }, { key: 'colQualifier' }, { key: 'colText' }, { key: 'colLine', num: true }];
  const rows = figures.map((f) => ({
    item: f, title: f.section,
    cells: [f.value.toLocaleString(state.lang === 'en' ? 'en' : 'zh-CN') + (f.max !== undefined && f.max !== null ? '–' + f.max.toLocaleString(state.lang === 'en' ? 'en' : 'zh-CN') : ''),
      f.unit, f.subject, t('q_' + f.qualifier), f.text, f.line]
  }));
  box.replaceChildren(table(columns, rows));
}

function renderActivities(result) {
  const activities = result.activities;
  const box = $('activities');
  if (!activities.length) { box.replaceChildren(el('p', { class: 'empty', text: t('noActivities') })); return; }
  const columns = [{ key: 'colVerb' }, { key: 'colObject' }, { key: 'colCategory' }, { key: 'colCount', num: true }, { key: 'colText' }, { key: 'colLine', num: true }];
  const rows = activities.map((a) => ({ item: a, title: a.section, cells: [a.verb, a.object, a.category, a.count, a.text, a.line] }));
  box.replaceChildren(table(columns, rows));
}

function countNodes(nodes) {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

function renderOutline(result) {
  const box = $('outline');
  if (!result.outline.length) { box.replaceChildren(el('p', { class: 'empty', text: t('noOutline') })); return; }
  const list = (nodes) => el('ul', null, nodes.map((n) => el('li', null, [
    el('button', { type: 'button', 'data-offset': n.offset, 'data-end-offset': n.endOffset }, [el('span', { text: n.title }), el('span', { class: 'ln', text: String(n.line) })]),
    n.children.length ? list(n.children) : null
  ])));
  box.replaceChildren(list(result.outline));
}

function setCount(tab, n) {
  const node = document.querySelector('.tabs [data-tab="' + tab + '"] .n');
  node.textContent = n === null ? '' : String(n);
  node.hidden = n === null;
}

function render() {
  const result = state.result;
  applyStrings();
  if (!result) return;
  renderView(result);
  renderProblems(result);
  renderFigures(result);
  renderActivities(result);
  renderOutline(result);
  $('figures-note').textContent = t('figuresNote', { n: result.figures.length });
  $('activities-note').textContent = t('activitiesNote', { n: result.activities.length });
  $('file-name').textContent = result.file + (result.positions === 'paragraph' ? ' · ' + t('paragraphs') : '');
  setCount('problems', result.lint.messages.length);
  setCount('figures', result.figures.length);
  setCount('activities', result.activities.length);
  setCount('outline', countNodes(result.outline));
  for (const b of document.querySelectorAll('button.csv')) b.disabled = false;
  setStatus(summaryText(result));
}

function showTab(name) {
  state.tab = name;
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== 'panel-' + name;
}

// ---- CSV (the same columns as zongjie extract --format csv) -----------------------------------

function csvCell(value) {
  const s = value === undefined || value === null ? '' : value === true ? '1' : value === false ? '' : String(value);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function download(kind) {
  const r = state.result;
  if (!r) return;
  let header, rows;
  if (kind === 'figures') {
    header = ['file', 'year', 'section', 'subject', 'value', 'max', 'unit', 'qualifier', 'total', 'text', 'line', 'column'];
    rows = r.figures.map((f) => [r.file, r.year, f.section, f.subject, f.value, f.max, f.unit, f.qualifier, f.total, f.text, f.line, f.column]);
  } else {
    header = ['file', 'year', 'section', 'verb', 'object', 'category', 'count', 'participants', 'text', 'line', 'column'];
    rows = r.activities.map((a) => [r.file, r.year, a.section, a.verb, a.object, a.category, a.count, a.participants, a.text, a.line, a.column]);
  }
  const csv = [header].concat(rows).map((row) => row.map(csvCell).join(',') + '\r\n').join('');
  const blob = new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: r.file.replace(/\.[^.]+$/, '') + '-' + kind + '.csv' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---- wiring ---------------------------------------------------------------------------------

editor.addEventListener('input', scheduleCheck);
$('file').addEventListener('change', (event) => {
  const file = event.target.files && event.target.files[0];
  if (file) loadFile(file);
  event.target.value = '';
});
$('lang').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  render();
  if (state.payload) runCheck(state.payload, false);
});
for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
for (const b of document.querySelectorAll('button.csv')) b.addEventListener('click', () => download(b.dataset.kind));
problemsBox.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-msg-index]');
  if (!button) return;
  const i = Number(button.dataset.msgIndex);
  showProblem(i, button.dataset.rel === undefined ? undefined : Number(button.dataset.rel), false);
});
view.addEventListener('click', (event) => {
  const mark = event.target.closest('mark.zj');
  if (mark) showProblem(Number(mark.dataset.msgIndex), undefined, true);
});
for (const id of ['figures', 'activities', 'outline']) {
  $(id).addEventListener('click', (event) => {
    const row = event.target.closest('[data-offset]');
    if (row) showPlace(Number(row.dataset.offset), Number(row.dataset.endOffset));
  });
}

// A file dropped anywhere on the page is checked; text dragged into the editor is left alone.
const hasFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).indexOf('Files') >= 0;
let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth++;
  document.body.classList.add('dragging');
});
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const file = event.dataTransfer.files[0];
  if (file) loadFile(file);
});

applyStrings();
showTab('problems');
})();
`;

export function pageHtml(lang: Lang = 'zh', maxBytes = 5 * 1024 * 1024): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}" data-lang="${lang}" data-max-bytes="${maxBytes}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>总结 · 报告草稿检查</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1 data-i18n="title">总结 · 报告草稿检查</h1>
  <label class="button primary" for="file" data-i18n="choose">选择文件</label>
  <input type="file" id="file" class="visually-hidden" accept=".txt,.md,.markdown,.docx">
  <span class="spacer"></span>
  <span id="status" role="status" aria-live="polite"></span>
  <button type="button" id="lang">English</button>
</header>
<main>
  <section class="pane" id="draft-pane">
    <div id="dropzone">把 .txt、.md 或 .docx 文件拖到这里</div>
    <div id="error" role="alert" hidden></div>
    <label class="pane-title" for="editor"><span data-i18n="editor">草稿</span></label>
    <textarea id="editor" spellcheck="false" data-i18n-placeholder="editorPlaceholder"></textarea>
    <div class="pane-title"><span data-i18n="view">标注</span><span id="file-name"></span></div>
    <div id="view" tabindex="0"><p class="empty" data-i18n="viewEmpty"></p></div>
  </section>
  <section class="pane" id="side">
    <div class="tabs" role="tablist">
      <button type="button" role="tab" data-tab="problems"><span data-i18n="tabProblems">问题</span><span class="n" hidden></span></button>
      <button type="button" role="tab" data-tab="figures"><span data-i18n="tabFigures">数字</span><span class="n" hidden></span></button>
      <button type="button" role="tab" data-tab="activities"><span data-i18n="tabActivities">活动</span><span class="n" hidden></span></button>
      <button type="button" role="tab" data-tab="outline"><span data-i18n="tabOutline">提纲</span><span class="n" hidden></span></button>
    </div>
    <div class="panel" id="panel-problems" role="tabpanel">
      <div id="problems"><p class="empty" data-i18n="noDraft"></p></div>
    </div>
    <div class="panel" id="panel-figures" role="tabpanel" hidden>
      <div class="toolbar"><span id="figures-note"></span><button type="button" class="csv" data-kind="figures" data-i18n="csv" disabled>下载 CSV</button></div>
      <div id="figures"><p class="empty" data-i18n="noDraft"></p></div>
    </div>
    <div class="panel" id="panel-activities" role="tabpanel" hidden>
      <div class="toolbar"><span id="activities-note"></span><button type="button" class="csv" data-kind="activities" data-i18n="csv" disabled>下载 CSV</button></div>
      <div id="activities"><p class="empty" data-i18n="noDraft"></p></div>
    </div>
    <div class="panel outline" id="panel-outline" role="tabpanel" hidden>
      <div id="outline"><p class="empty" data-i18n="noDraft"></p></div>
    </div>
  </section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
