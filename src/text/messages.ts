// The one catalogue of user-facing texts outside the lint rules (whose messages live with each rule):
// the page of `zongjie serve`, the server's HTTP errors, and later the CLI's own texts. Chinese is the
// default; English must have every key (the type says so). Keys are ASCII and namespaced by who shows
// them: `page.*` the browser page, `http.*` the server's error answers, `rule.*` and `qualifier.*`
// short names shared by the page and any other interface. No imports: the page bundles this module.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const zh = {
  'page.title': '总结 · 报告草稿检查',
  'page.choose': '选择文件',
  'page.drop': '把 .txt、.md 或 .docx 文件拖到这里，或点“选择文件”，也可以直接在下面粘贴文本。文件只在本机处理，不会上传到网络。',
  'page.dropShort': '拖入另一个文件，或在下面修改、粘贴文本；文件只在本机处理',
  'page.dropNow': '松开鼠标，检查这个文件',
  'page.editor': '草稿（可直接编辑或粘贴，改动后自动重新检查）',
  'page.editorPlaceholder': '在这里粘贴报告全文……',
  'page.view': '标注',
  'page.viewEmpty': '检查结果会标在这里：占位符、漏填的数字、重复的段落、连写两遍的词……',
  'page.tabProblems': '问题',
  'page.tabFigures': '数字',
  'page.tabActivities': '活动',
  'page.tabOutline': '提纲',
  'page.noDraft': '还没有草稿。',
  'page.noProblems': '没有发现问题。',
  'page.noFigures': '没有找到数字。',
  'page.noActivities': '没有找到活动。',
  'page.noOutline': '没有找到章节。',
  'page.checking': '正在检查……',
  'page.summary': '{n} 个问题：{e} 个错误，{w} 个警告，{i} 个提示',
  'page.took': '用时 {ms} 毫秒',
  'page.csv': '下载 CSV',
  'page.figuresNote': '{n} 个数字',
  'page.activitiesNote': '{n} 项活动',
  'page.colValue': '数值',
  'page.colUnit': '单位',
  'page.colSubject': '主语',
  'page.colQualifier': '限定',
  'page.colText': '原文',
  'page.colLine': '行',
  'page.colVerb': '动词',
  'page.colObject': '对象',
  'page.colCategory': '类别',
  'page.colCount': '次数',
  'page.related': '另一处 {loc}',
  'page.relatedTitle': '跳到重复的另一处（第 {line} 行）',
  'page.paragraphs': '行号为段落序号',
  'page.fixable': '可自动修复',
  'page.tooLarge': '文件太大：{name} 有 {size}，上限为 {limit}。',
  'page.wrongType': '不支持这种文件：{name}。只能检查 .txt、.md、.docx 文件。',
  'page.network': '无法连接本机的 zongjie 服务：{msg}',
  'page.readFail': '读不了这个文件：{msg}',
  'page.pastedName': '草稿.txt',
  'page.langButton': 'English',
  'page.langTitle': 'Switch to English',


  'qualifier.exact': '',
  'qualifier.about': '约',
  'qualifier.at_least': '至少',
  'qualifier.at_most': '至多',
  'qualifier.more_than': '超过',

  'rule.placeholder': '占位符',
  'rule.blank-count': '漏填的数字',
  'rule.doubled-word': '连写两遍的词',
  'rule.repeated-sentence': '重复的句子',
  'rule.duplicate-section': '重复的段落',
  'rule.missing-number': '缺少数字',
  'rule.required-section': '缺少章节',
  'rule.figure-consistency': '数字前后矛盾',
  'rule.year-consistency': '年份不一致',
  'rule.artifact': '抓取残留',

  'http.tooLarge': '草稿太大：上限为 {limit}',
  'http.wrongType': '不支持这种文件：{name}（只能检查 {list} 文件）',
  'http.contentType': '请求必须是 JSON（Content-Type: application/json）',
  'http.origin': '不接受来自其他网站的请求',
  'http.badJson': '请求不是有效的 JSON',
  'http.badRequest': '请求应为 { name, text } 或 { name, base64 }，可加 lang: "zh" 或 "en"',
  'http.badBase64': '文件内容不是有效的 base64',
  'http.unreadable': '无法把 {name} 读成文本：{reason}',
  'http.host': '不认识的 Host：请用 127.0.0.1 或 localhost 访问',
  'http.notFound': '没有这个地址',
  'http.internal': '服务器内部错误，详见终端输出',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'page.title': 'zongjie · draft report check',
  'page.choose': 'Choose file',
  'page.drop': 'Drop a .txt, .md or .docx file here, click "Choose file", or paste the text below. Files are processed on this machine only; nothing is uploaded.',
  'page.dropShort': 'Drop another file, or edit or paste below; files stay on this machine',
  'page.dropNow': 'Release to check this file',
  'page.editor': 'Draft (edit or paste; re-checked as you type)',
  'page.editorPlaceholder': 'Paste the report here…',
  'page.view': 'Marked draft',
  'page.viewEmpty': 'Problems will be marked here: placeholders, blank counts, duplicates, doubled words…',
  'page.tabProblems': 'Problems',
  'page.tabFigures': 'Figures',
  'page.tabActivities': 'Activities',
  'page.tabOutline': 'Outline',
  'page.noDraft': 'No draft yet.',
  'page.noProblems': 'No problems found.',
  'page.noFigures': 'No figures found.',
  'page.noActivities': 'No activities found.',
  'page.noOutline': 'No sections found.',
  'page.checking': 'Checking…',
  'page.summary': '{n} problems: {e} errors, {w} warnings, {i} info',
  'page.took': '{ms} ms',
  'page.csv': 'Download CSV',
  'page.figuresNote': '{n} figures',
  'page.activitiesNote': '{n} activities',
  'page.colValue': 'Value',
  'page.colUnit': 'Unit',
  'page.colSubject': 'Subject',
  'page.colQualifier': 'Qualifier',
  'page.colText': 'Text',
  'page.colLine': 'Line',
  'page.colVerb': 'Verb',
  'page.colObject': 'Object',
  'page.colCategory': 'Category',
  'page.colCount': 'Count',
  'page.related': 'other copy {loc}',
  'page.relatedTitle': 'Go to the other copy (line {line})',
  'page.paragraphs': 'line numbers are paragraph numbers',
  'page.fixable': 'fixable',
  'page.tooLarge': 'File too large: {name} is {size}; the limit is {limit}.',
  'page.wrongType': 'Unsupported file: {name}. Only .txt, .md and .docx files can be checked.',
  'page.network': 'Cannot reach the local zongjie server: {msg}',
  'page.readFail': 'Cannot read this file: {msg}',
  'page.pastedName': 'draft.txt',
  'page.langButton': '中文',
  'page.langTitle': '切换到中文',


  'qualifier.exact': '',
  'qualifier.about': 'about',
  'qualifier.at_least': 'at least',
  'qualifier.at_most': 'at most',
  'qualifier.more_than': 'over',

  'rule.placeholder': 'Placeholders',
  'rule.blank-count': 'Blank counts',
  'rule.doubled-word': 'Doubled words',
  'rule.repeated-sentence': 'Repeated sentences',
  'rule.duplicate-section': 'Duplicated passages',
  'rule.missing-number': 'Missing numbers',
  'rule.required-section': 'Missing sections',
  'rule.figure-consistency': 'Contradictory figures',
  'rule.year-consistency': 'Inconsistent years',
  'rule.artifact': 'Scrape artifacts',

  'http.tooLarge': 'The draft is too large: the limit is {limit}',
  'http.wrongType': 'Unsupported file type: {name} (only {list} files can be checked)',
  'http.contentType': 'The request must be JSON (Content-Type: application/json)',
  'http.origin': 'Requests from other sites are refused',
  'http.badJson': 'The request is not valid JSON',
  'http.badRequest': 'Expected { name, text } or { name, base64 }, with optional lang: "zh" or "en"',
  'http.badBase64': 'The file content is not valid base64',
  'http.unreadable': '{name} cannot be read as text: {reason}',
  'http.host': 'Unknown Host header: open the page at 127.0.0.1 or localhost',
  'http.notFound': 'Not found',
  'http.internal': 'Internal error: see the terminal',
};

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };

/** Values for the `{name}` slots of a message. */
export type MessageData = Readonly<Record<string, string | number>>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/** The message `key` in `lang`, its `{name}` slots filled from `data` (a slot without data stays as written). */
export function t(lang: Lang, key: MessageKey, data?: MessageData): string {
  const text = messages[lang][key];
  if (!data) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : slot));
}

