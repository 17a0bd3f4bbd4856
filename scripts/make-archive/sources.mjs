// The seed reports in corpus/: which files, in which script and of which kind, what page chrome to
// strip, and how one file is cut into pieces (篇) of preamble, sections and closing paragraphs.
import { CN_NUM, markerOf } from './outline.mjs';

export const SOURCES = [
  // kind: whose report it is (enterprise, bank, region = a district, town or street federation),
  // per 篇 where a page holds several; units prefer pieces of their own kind.
  { file: '000_87f43282fb262844.txt', id: '000', script: 'simplified', kind: 'enterprise' },
  { file: '001_7ba693d13d610300.txt', id: '001', script: 'traditional', kind: 'enterprise' },
  { file: '002_f5ed15afdaa3c041.txt', id: '002', script: 'traditional',
    kind: ['enterprise', 'enterprise', 'bank', 'region', 'region'] },
  // Printed as pages and pasted back: every line starts with its page number, the title runs
  // into the first sentence and the outline numbering runs into the text.
  { file: '003_539c235963e5c819.txt', id: '003', script: 'simplified', kind: 'enterprise', pageNumbered: true,
    stripPrefix: '国企工会2022年度上半年工作总结及下半年工作思路' },
  { file: '004_d5da8b897465ed99.txt', id: '004', script: 'traditional', kind: 'region' },
];

/** Lines that belong to the web page, not the report. */
const CHROME = [
  / > /, // breadcrumb
  /^(编辑|來源|来源|版權|版权)[:：(]/,
  /小[編编]整理/,
  /^TOP$/,
];
/** A line that starts a new 篇 of a multi-report page. */
const PART_LINE = /(篇\s*\d+|工作總結\d+|工作总结\d+)\s*$/;

function sectionKind(heading) {
  if (!heading) return 'work';
  if (/存在|不足|问题|問題|差距/.test(heading)) return 'problem';
  // Plans and the points of work ahead: a planted fact of the year never goes there (statistics read them as targets).
  if (/思路|计划|計畫|計劃|打算|设想|設想|明年|下半年|下一步|工作重点|工作重點|工作要点|工作要點|重点工作|重點工作|主要任务|主要任務|目标任务|目標任務|工作安排|努力方向|展望/.test(heading)) return 'plan';
  if (/建议$|建議$/.test(heading)) return 'advice'; // 对上级的工作建议: always last
  return 'work';
}

/** Split a source file into pieces: { id, script, preamble[], sections[{heading, kind, paras[]}], closing[] }. */
export function parseSource(src, raw) {
  const text = raw.replace(/\r\n?/g, '\n');
  let lines = text.split('\n');
  if (src.pageNumbered) {
    let joined = lines.map((l) => l.replace(/^\d+、/, '')).join('');
    if (src.stripPrefix && joined.startsWith(src.stripPrefix)) joined = joined.slice(src.stripPrefix.length);
    // Put the outline markers that run into the text back at the start of lines.
    joined = joined
      .replace(new RegExp(`(${CN_NUM}、)`, 'g'), '\n$1')
      .replace(/(?<![\d.])(\d{1,2}\.)(?=[^\d])/g, '\n$1');
    // A heading now ends where its first numbered item begins.
    lines = joined.split('\n');
  }
  lines = lines.map((l) => l.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''));
  const title = lines.find((l) => l.length > 0) ?? '';

  const pieces = [];
  let current = null;
  const startPiece = (n) => {
    const kind = Array.isArray(src.kind) ? src.kind[n - 1] ?? 'enterprise' : src.kind;
    current = { id: `${src.id}#${n}`, source: src.id, script: src.script, kind, paras: [] };
    pieces.push(current);
  };
  startPiece(1);
  let partNo = 1;
  for (const line of lines) {
    if (!line) continue;
    if (CHROME.some((re) => re.test(line))) continue;
    if (line === title || line.startsWith(`${title} `)) {
      if (PART_LINE.test(line) && current.paras.length > 0) startPiece(++partNo);
      continue;
    }
    if (PART_LINE.test(line) && line.length <= 40) {
      if (current.paras.length > 0) startPiece(++partNo);
      continue;
    }
    // Short lines with no outline marker and no punctuation are sub-titles or page labels
    // (突出问题, 熱門標籤): they make no sense once paragraphs are shuffled.
    if (line.length <= 15 && !markerOf(line) && !/[。,，;；:：]/.test(line)) continue;
    current.paras.push(line);
  }
  return pieces.filter((p) => p.paras.length > 0).map(structurePiece);
}

/** Group a piece's paragraphs under its level-1 headings. */
function structurePiece(piece) {
  const isHeadingLine = (p, type) => {
    const m = markerOf(p);
    if (!m || m.type !== type) return false;
    const body = p.slice(m.hit[0].length);
    return body.length <= 45 && !/。./.test(body);
  };
  let headingType = piece.paras.some((p) => markerOf(p)?.type === 'cn') ? 'cn' : null;
  if (!headingType && piece.paras.some((p) => isHeadingLine(p, 'arabic'))) headingType = 'arabic';

  const preamble = [];
  const sections = [];
  let section = null;
  for (const p of piece.paras) {
    const m = markerOf(p);
    if (headingType && m && m.type === headingType) {
      let heading = p.slice(m.hit[0].length);
      let rest = '';
      if (!isHeadingLine(p, headingType)) {
        // 一、指導思想:全面貫徹… — a heading with its text on the same line.
        const cut = heading.search(/[:：。]/);
        if (cut > 0 && cut <= 30) {
          rest = heading.slice(cut + 1);
          heading = heading.slice(0, cut);
        } else if (headingType === 'arabic') {
          // A long numbered paragraph in a piece with numbered headings: just a paragraph.
          (section ? section.paras : preamble).push(p);
          continue;
        } else {
          rest = heading;
          heading = '';
        }
      }
      heading = heading.replace(/[。,，、;；]+$/, '');
      section = { heading: heading || null, kind: sectionKind(heading), paras: [] };
      sections.push(section);
      if (rest) section.paras.push(rest);
      continue;
    }
    (section ? section.paras : preamble).push(p);
  }
  if (sections.length === 0 && preamble.length > 1) {
    // No headings at all (001 篇4: a preamble, then long 1、2、3、 paragraphs): keep the opening
    // paragraphs and put the numbered ones in one section without a heading.
    const first = preamble.findIndex((p) => markerOf(p));
    const cut = first > 0 ? first : 1;
    sections.push({ heading: null, kind: 'work', paras: preamble.splice(cut) });
  }
  // A last paragraph that sums up the year stays at the end of the report.
  const closing = [];
  const last = sections[sections.length - 1];
  if (last && last.paras.length > 1) {
    const p = last.paras[last.paras.length - 1];
    if (!markerOf(p) && /^(总之|總之|回首|回顾|回顧|展望|新的一年|在新的|今后|今後)|雖然做了|虽然做了/.test(p)) {
      closing.push(last.paras.pop());
    }
  }
  return { id: piece.id, source: piece.source, script: piece.script, kind: piece.kind, preamble, sections, closing };
}
