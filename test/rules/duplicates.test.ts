// The near-duplicate detector: folding, hand-made copies, the ground truth of corpus seed 001
// (../shared/fixtures), exact comparison of report-sized documents against every pair compared,
// and a 20,000-paragraph run that must stay near-linear.
import { seededRandom } from '../../src/rules/duplicates/hash.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import {
  analyseDuplicates,
  findDuplicates,
  foldForComparison,
  paragraphPairs,
  setSimilarity,
  shingleSet,
  type ComparableParagraph,
  type DuplicateFinding,
} from '../../src/rules/duplicates/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS_FILE = join(ROOT, 'corpus', '001_7ba693d13d610300.txt');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'duplicates'); // copied from ../shared/fixtures
const MIN_CHARS = 12;

function paragraphs(...texts: string[]): ComparableParagraph[] {
  return texts.map((text) => ({ text }));
}

function tsv(name: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(join(FIXTURES, name), 'utf8').trim().split('\n');
  const keys = header!.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((v, i) => [keys[i]!, v])));
}

function range(text: string): [number, number] {
  const [from, to] = text.split('-').map(Number);
  return [from!, to!];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The library's seeded generator (mulberry32) as numbers in [0, 1): the same input on every run. */
function seeded(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() / 4294967296;
}

describe('foldForComparison', () => {
  it.each([
    ['20xx年工作', '20__年工作'],
    ['20xx年工作', '202_年工作'],
    ['20xx年工作', 'XX年工作'],
    ['20xx年工作', '＿＿年工作'],
    ['××单位', '○○单位'],
    ['××单位', '某某单位'],
    ['~年工作', 'xx年工作'],
  ])('folds the placeholders of %s and %s to one symbol', (a, b) => {
    expect(foldForComparison(a)).toBe(foldForComparison(b));
    expect(foldForComparison(a)).toContain('□');
  });

  it.each([
    ['完成产值1.5亿元', '完成产值2亿元'],
    ['完成产值3,200万元', '完成产值两千万元'],
    ['党的十八大精神', '党的十九大精神'],
    ['开展三次培训', '开展12次培训'],
    ['二○二三年', '2024年'],
    ['第三季度', '第4季度'],
  ])('folds the numbers of %s and %s to one symbol', (a, b) => {
    expect(foldForComparison(a)).toBe(foldForComparison(b));
    expect(foldForComparison(a)).toContain('#');
  });

  it.each(['一、', '（一）', '(一)', '1、', '1.', '(1)', '①', '一是', '篇3 ', '一、（二）'])(
    'removes the list marker %s at the start',
    (marker) => {
      expect(foldForComparison(`${marker}加强组织建设`)).toBe('加强组织建设');
    },
  );

  it('keeps words that contain numerals, and numbers that are not markers', () => {
    expect(foldForComparison('统一思想，进一步千方百计')).toBe('统一思想进一步千方百计');
    expect(foldForComparison('1.5倍')).toBe('#倍');
    expect(foldForComparison('1~3月')).toBe('#月');
  });

  it('removes whitespace and punctuation, and works on any string', () => {
    expect(foldForComparison(' 加强， 学习。“创新”！ ')).toBe('加强学习创新');
    expect(foldForComparison('')).toBe('');
    expect(foldForComparison('，。！')).toBe('');
    expect(foldForComparison('𠀀𠀁工作')).toBe('𠀀𠀁工作');
  });
});

// Hand-made paragraphs: long enough to be compared, unrelated to each other.
const P1 =
  '一年来，公司工会在上级工会和公司党委的领导下，紧紧围绕生产经营中心任务，组织职工开展劳动竞赛和技术比武，充分调动了广大职工的积极性和创造性。';
const P2 =
  '在安全生产方面，我们坚持预防为主、综合治理的方针，层层签订安全生产责任书，全年开展隐患排查十二次，整改问题四十余项，实现了零事故目标。';
const P3 =
  '今后，我们将继续加强职工队伍建设，完善培训体系，拓宽职工成长通道，努力培养一支政治坚定、业务精湛、作风过硬的高素质职工队伍。';
const P4 =
  '关心职工生活是工会的重要职责，我们建立了困难职工档案，春节前走访慰问困难职工家庭，发放慰问金和慰问品，把党和组织的温暖送到职工心中。';
const P5 =
  '财务部门严格执行预算管理制度，加强成本核算，压缩非生产性开支，全年节约费用开支，资金使用效率明显提高，为公司完成年度目标提供了保障。';

describe('findDuplicates on hand-made cases', () => {
  it('finds a paragraph copied with one character changed', () => {
    const changed = P1.replace('技术比武', '技能比武');
    const findings = findDuplicates(paragraphs(P1, P2, changed));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'paragraph', copy: [2, 2], original: [0, 0], matched: 1, exact: false });
    expect(findings[0]!.similarity).toBeGreaterThan(0.8);
    expect(findings[0]!.similarity).toBeLessThan(1);
  });

  it('finds a paragraph copied into a longer one, by containment', () => {
    const longer = `为总结经验、查找不足，现将有关情况报告如下。${P2}下一步，我们将进一步健全安全生产长效机制，确保全年安全生产形势持续稳定。`;
    const pairs = paragraphPairs(paragraphs(P2, P3, longer));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 0, b: 2, exact: false });
    expect(pairs[0]!.jaccard).toBeLessThan(0.8);
    expect(pairs[0]!.containment).toBeGreaterThan(0.95);
    const findings = findDuplicates(paragraphs(P2, P3, longer));
    expect(findings).toMatchObject([{ kind: 'paragraph', copy: [2, 2], original: [0, 0] }]);
  });

  it('does not pair two unrelated paragraphs that share a common phrase', () => {
    const a = '全体党员干部要深入贯彻落实科学发展观，牢固树立宗旨意识，密切联系群众，切实转变工作作风，提高服务水平。';
    const b = '今年以来，公司坚持深入贯彻落实科学发展观，狠抓安全生产和节能降耗，圆满完成了上级下达的各项经济指标。';
    expect(paragraphPairs(paragraphs(a, b))).toEqual([]);
    expect(findDuplicates(paragraphs(a, b))).toEqual([]);
  });

  it('finds copies that differ only by placeholders and figures, exact after folding', () => {
    const a = '20xx年，xx公司工会共组织职工培训3次，参加人数120人次，全面完成了《xx公司20xx年工会工作计划》确定的各项任务。';
    const b = '20__年，__公司工会共组织职工培训五次，参加人数八十六人次，全面完成了《XX公司202_年工会工作计划》确定的各项任务。';
    expect(foldForComparison(a)).toBe(foldForComparison(b));
    const findings = findDuplicates(paragraphs(a, P3, b));
    expect(findings).toMatchObject([{ kind: 'paragraph', copy: [2, 2], original: [0, 0], similarity: 1, exact: true }]);
  });

  it('merges a run copied in order into one block, across a gap and a short heading', () => {
    const heading = '二、主要措施';
    const inserted = '此外，本年度还新增了职工书屋建设项目，购置各类图书八百余册，丰富了职工的业余文化生活，受到广泛好评。';
    const texts = [P1, heading, P2, P3, P4, P5, '—— 以下为复制 ——', P1, heading, P2, inserted, P3, P4];
    const findings = findDuplicates(paragraphs(...texts));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'block', copy: [7, 12], original: [0, 4], matched: 5, exact: true, similarity: 1 });
    expect(findings[0]!.matches.map((m) => [m.copy, m.original])).toEqual([[7, 0], [8, 1], [9, 2], [11, 3], [12, 4]]);
  });

  it('keeps a short run as paragraph findings and never compares short paragraphs alone', () => {
    const findings = findDuplicates(paragraphs(P1, P2, P3, P4, P1, P2, '加强学习', '加强学习'));
    expect(findings.map((f) => [f.kind, f.copy, f.original])).toEqual([
      ['paragraph', [4, 4], [0, 0]],
      ['paragraph', [5, 5], [1, 1]],
    ]);
  });

  it('reports a block copied three times once per later copy, against the first', () => {
    const findings = findDuplicates(paragraphs(P1, P2, P3, P4, P1, P2, P3, P5, P1, P2, P3));
    expect(findings.map((f) => [f.copy, f.original])).toEqual([
      [[4, 6], [0, 2]],
      [[8, 10], [0, 2]],
    ]);
  });

  it('counts characters outside the BMP as one character', () => {
    const rare = `𠀀𠀁𠀂${P3}`;
    const findings = findDuplicates(paragraphs(rare, P4, rare.replace('𠀁', '𠀃')));
    expect(findings).toMatchObject([{ copy: [2, 2], original: [0, 0], exact: false }]);
  });

  it('is deterministic and validates its options', () => {
    const input = paragraphs(P1, P2, P3, P4, P1, P2, P3, P5);
    expect(findDuplicates(input)).toEqual(findDuplicates(input));
    expect(findDuplicates([])).toEqual([]);
    expect(() => findDuplicates(input, { threshold: 0 })).toThrow(RangeError);
    expect(() => findDuplicates(input, { minBlock: 0 })).toThrow(RangeError);
    expect(findDuplicates(input, { minBlock: 4 }).every((f) => f.kind === 'paragraph')).toBe(true);
  });
});

describe('foldForComparison, character by character', () => {
  it.each([
    ['20xx-20xx年度', '□年度'],
    ['增长3.5%-4%，', '增长#'],
    ['增长3.5%~4%，', '增长#□#'], // ~ after a non-digit is a blank, not a range
    ['第三季度第4周', '第#季度第#周'],
    ['二○二三年一二三', '#年一二三'],
    ['十分重视，一成不变', '十分重视一成不变'],
    ['ΣΟΦΟΣ Σ', 'σοφοσς'], // lower-cased after the space is gone: only the last sigma is final
    ['工作😀总结𠀀', '工作总结𠀀'], // a symbol outside the BMP is noise, an ideograph is not
    ['工作\uD800总结', '工作\uD800总结'],
    ['Ⓐ Excel表格', 'aexcel表格'],
    ['ＡＢＣ全角１２３', 'abc全角#'],
    ['xx，__、××单位', '□单位'],
    ['三、（二）1.加强', '加强'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldForComparison(text)).toBe(folded);
  });
});

describe('exact comparison of report-sized documents', () => {
  const LONG = '完善厂务公开制度，按时召开职工代表大会，审议通过集体合同和工资专项集体合同。';

  it('finds a short paragraph pasted into a long one, however few shingles it has', () => {
    // 12 characters, 8 shingles: sampled anchors missed this one.
    const short = '认真落实职工代表大会制度。';
    expect(paragraphPairs(paragraphs(short, P3, `${LONG}${short}${P4}`))).toMatchObject([{ a: 0, b: 2, containment: 1, exact: false }]);
  });

  it('finds exactly the pairs that comparing every two shingle sets finds', () => {
    // Paragraphs recombined from a dozen clauses: many pairs contain one another or sit near 0.8.
    const clauses = ['坚持以职工为中心', '深入开展劳动竞赛', '认真落实职工代表大会制度', '全年走访慰问困难职工', '加强工会干部队伍建设', '推进厂务公开',
      '组织职工参加文体活动', '做好帮扶救助工作', '开展技能培训', '维护职工合法权益', '丰富职工文化生活', '建设职工书屋'];
    const random = seeded(128);
    let compared = 0;
    for (let doc = 0; doc < 30; doc++) {
      const texts = Array.from({ length: 60 }, () =>
        `${Array.from({ length: 1 + Math.floor(random() * 5) }, () => clauses[Math.floor(random() * clauses.length)]).join('，')}。`);
      const folded = texts.map(foldForComparison);
      const sets = folded.map((f) => ([...f].length >= MIN_CHARS ? shingleSet(f, 5) : null));
      const expected: string[] = [];
      for (let a = 0; a < texts.length; a++) {
        for (let b = a + 1; b < texts.length; b++) {
          if (!sets[a] || !sets[b]) continue;
          const { jaccard, containment } = setSimilarity(sets[a]!, sets[b]!);
          if (folded[a] === folded[b] || Math.max(jaccard, containment) >= 0.8) expected.push(`${a},${b}`);
        }
      }
      expect(paragraphPairs(paragraphs(...texts)).map((p) => `${p.a},${p.b}`), `document ${doc}`).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('finds the same copies on either side of the switch to sampling (128 distinct texts)', () => {
    const random = seeded(129);
    const pick = () => String.fromCharCode(0x4e00 + Math.floor(random() * 3000));
    for (const originals of [64, 65]) {
      // Each original, then each again with one character changed: 51 of 56 shingles shared (0.911).
      const texts = Array.from({ length: originals }, () => Array.from({ length: 60 }, pick).join(''));
      const copies = texts.map((t) => `${t.slice(0, 30)}某${t.slice(31)}`);
      const findings = findDuplicates(paragraphs(...texts, ...copies));
      expect(findings.map((f) => [f.kind, f.copy, f.original, f.matched]), `${originals * 2} texts`).toEqual([
        ['block', [originals, 2 * originals - 1], [0, originals - 1], originals],
      ]);
      expect(findings[0]!.similarity).toBe(0.911);
    }
  });
});

describe('findDuplicates on corpus seed 001, against ../shared/fixtures', () => {
  const original = readFileSync(CORPUS_FILE, 'utf8');
  const normalized = normalize(original);
  const lines = normalized.text.split('\n');
  // Paragraph i is line lineOf[i] (1-based) of the file.
  const lineOf: number[] = [];
  const input: ComparableParagraph[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    lineOf.push(i + 1);
    input.push({ text });
  });
  const paragraphAt = new Map(lineOf.map((line, p) => [line, p]));
  const { findings, pairs } = analyseDuplicates(input);
  const lineRange = ([from, to]: [number, number]): [number, number] => [lineOf[from]!, lineOf[to]!];
  const comparable = (p: number) => [...foldForComparison(input[p]!.text)].length >= MIN_CHARS;

  // Groups as the findings tell them: each match joins a copy to its original.
  const groupParent = input.map((_, p) => p);
  const root = (p: number): number => (groupParent[p] === p ? p : (groupParent[p] = root(groupParent[p]!)));
  for (const f of findings) for (const m of f.matches) groupParent[root(m.copy)] = root(m.original);

  // The parts 篇1…篇8: from each title line to the line before the next.
  const titleLines = lines.flatMap((text, i) => (/篇\d+\s*$/.test(text) ? [i + 1] : []));
  const parts = titleLines.map((from, k) => [from, (titleLines[k + 1] ?? lines.length + 1) - 1] as [number, number]);
  const partParagraphs = (k: number) => input.flatMap((_, p) => (lineOf[p]! >= parts[k - 1]![0] && lineOf[p]! <= parts[k - 1]![1] ? [p] : []));

  /** Share of the characters of part A whose paragraph is in a group with a paragraph of part B. */
  function coverage(a: number, b: number): number {
    const groupsOfB = new Set(partParagraphs(b).map(root));
    let covered = 0;
    let total = 0;
    for (const p of partParagraphs(a)) {
      const length = input[p]!.text.trim().length;
      total += length;
      if (groupsOfB.has(root(p))) covered += length;
    }
    return covered / total;
  }

  it('reads paragraphs at the line numbers of the original file', () => {
    // The fixtures count lines of the original file: this file has LF line ends and no artifact
    // that joins lines, so normalised line i starts where original line i starts.
    const originalLines = original.split('\n');
    expect(lines).toHaveLength(originalLines.length);
    let offset = 0;
    let originalOffset = 0;
    for (let i = 0; i < lines.length; i++) {
      expect(normalized.map.toSource(offset)).toBe(originalOffset);
      offset += lines[i]!.length + 1;
      originalOffset += originalLines[i]!.length + 1;
    }
    expect(titleLines).toEqual([3, 105, 259, 413, 437, 539, 587, 643]);
    for (const f of findings) {
      console.log(
        `${f.kind} lines ${lineRange(f.copy).join('-')} ← ${lineRange(f.original).join('-')}: ` +
          `${f.matched} matched, similarity ${f.similarity}${f.exact ? ', exact' : ''}`,
      );
    }
  });

  it('covers every block of 001-blocks.tsv with a finding pointing at an earlier copy', () => {
    const blocks = tsv('001-blocks.tsv').map((row) => ({ a: range(row.linesA!), b: range(row.linesB!) }));
    expect(blocks).toHaveLength(10);
    for (const block of blocks) {
      const blockParagraphs = lineOf.filter((line) => line >= block.b[0] && line <= block.b[1]);
      // The earlier copies of this block: its A side, and the A sides of blocks that copy it too.
      const earlier = blocks.filter((other) => overlaps(other.b, block.b)).map((other) => other.a);
      const covering = findings.find((f) => {
        const copy = lineRange(f.copy);
        const inside = blockParagraphs.filter((line) => line >= copy[0] && line <= copy[1]).length;
        return inside >= 0.9 * blockParagraphs.length && earlier.some((a) => overlaps(a, lineRange(f.original)));
      });
      expect(covering, `block ${block.a.join('-')} → ${block.b.join('-')}`).toBeDefined();
    }
  });

  it('recalls ≥ 95% of the exact and near pairs of 001-pairs.tsv, with every extra pair explained', () => {
    const fixturePairs = tsv('001-pairs.tsv').map((row) => [paragraphAt.get(Number(row.lineA))!, paragraphAt.get(Number(row.lineB))!, row.kind!] as const);
    expect(fixturePairs).toHaveLength(426);
    const expected = fixturePairs.filter(([a, b]) => comparable(a) && comparable(b));
    const recall = (kind?: string) => {
      const of = expected.filter(([, , k]) => kind === undefined || k === kind);
      return { found: of.filter(([a, b]) => root(a) === root(b)).length, total: of.length };
    };
    const all = recall();
    const exact = recall('exact');
    const near = recall('near');
    // Pair-level precision: the detector's own pairs that the fixture lists; the others must be
    // copies the fixture cannot see (equal once placeholders are folded, or contained in a longer one).
    const listed = new Set(fixturePairs.map(([a, b]) => `${a},${b}`));
    const extra = pairs.filter((p) => !listed.has(`${p.a},${p.b}`));
    const unexplained = extra.filter((p) => !p.exact && p.containment < 0.95);
    console.log(
      `001 pair recall: ${all.found}/${all.total} = ${(all.found / all.total).toFixed(3)} ` +
        `(exact ${exact.found}/${exact.total}, near ${near.found}/${near.total}; ` +
        `${fixturePairs.length - expected.length} fixture pairs below ${MIN_CHARS} folded characters not compared)`,
    );
    console.log(
      `001 pair precision against the fixture: ${pairs.length - extra.length}/${pairs.length} = ` +
        `${((pairs.length - extra.length) / pairs.length).toFixed(3)}; extra pairs: ` +
        `${extra.filter((p) => p.exact).length} equal after folding placeholders, ` +
        `${extra.filter((p) => !p.exact && p.containment >= 0.95).length} contained in a longer paragraph, ` +
        `${unexplained.length} unexplained`,
    );
    expect(all.found / all.total).toBeGreaterThanOrEqual(0.95);
    expect(unexplained).toEqual([]);
    // The eight containment pairs the conventions describe (98% contained, Jaccard about 0.75).
    expect(extra.filter((p) => !p.exact && p.containment >= 0.95)).toHaveLength(8);
  });

  it('sees the repeated structure: 篇1≈篇5, 篇2≈篇3, 篇7 ⊂ 篇1', () => {
    const figures = {
      '篇1→篇5': coverage(1, 5),
      '篇5→篇1': coverage(5, 1),
      '篇2→篇3': coverage(2, 3),
      '篇3→篇2': coverage(3, 2),
      '篇7→篇1': coverage(7, 1),
      '篇1→篇7': coverage(1, 7),
    };
    console.log('001 character coverage of part A by part B:', Object.entries(figures).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(', '));
    expect(figures['篇1→篇5']).toBeGreaterThanOrEqual(0.98);
    expect(figures['篇5→篇1']).toBeGreaterThanOrEqual(0.98);
    expect(figures['篇2→篇3']).toBeGreaterThanOrEqual(0.98);
    expect(figures['篇3→篇2']).toBeGreaterThanOrEqual(0.98);
    expect(figures['篇7→篇1']).toBeGreaterThanOrEqual(0.95);
    expect(figures['篇1→篇7']).toBeLessThan(0.6);
    // Each copied part points at the first place its run can be read: 篇5 and 篇7 at 篇1, 篇3 at 篇2
    // (篇3 is 篇2 whole; only its first half is also in 篇1).
    const originalPart = (line: number) => {
      const f = findings.find((x) => x.kind === 'block' && lineRange(x.copy)[0] <= line && line <= lineRange(x.copy)[1])!;
      return parts.findIndex((part) => overlaps(part, lineRange(f.original))) + 1;
    };
    expect([originalPart(109), originalPart(263), originalPart(445), originalPart(589)]).toEqual([1, 2, 1, 1]);
  });

  it('finds no copy in 篇4, 篇6 or 篇8 but their title lines', () => {
    for (const k of [4, 6, 8]) {
      const [from, to] = parts[k - 1]!;
      const inside = (f: DuplicateFinding) => f.matches.filter((m) => lineOf[m.copy]! >= from && lineOf[m.copy]! <= to);
      const matched = findings.flatMap(inside).map((m) => lineOf[m.copy]);
      expect(matched, `篇${k}`).toEqual([from]);
      // Nor does any finding's copy range extend past the title into the part.
      for (const f of findings) {
        const copy = lineRange(f.copy);
        if (overlaps(copy, [from, to])) expect(Math.max(copy[0], from), `篇${k}`).toBe(Math.min(copy[1], to));
      }
    }
  });

  it('reports each paragraph in at most one copy, findings sorted by copy start', () => {
    for (let k = 1; k < findings.length; k++) expect(findings[k]!.copy[0]).toBeGreaterThan(findings[k - 1]!.copy[1]);
    for (const f of findings) expect(f.original[1]).toBeLessThan(f.copy[0]);
  });
});

describe('findDuplicates at scale', () => {
  it('handles 20,000 random paragraphs in near-linear time and still finds planted copies', () => {
    const random = seeded(20_000);
    // Random text over 3,000 common CJK characters, 20 to 200 characters a paragraph.
    const pick = () => String.fromCharCode(0x4e00 + Math.floor(random() * 3000));
    const input: ComparableParagraph[] = Array.from({ length: 20_000 }, () => {
      const length = 20 + Math.floor(random() * 180);
      let text = '';
      for (let i = 0; i < length; i++) text += pick();
      return { text };
    });
    // Plant a block of three copied paragraphs and one copy with a changed character.
    for (const [from, to] of [[100, 15_000], [101, 15_001], [102, 15_002]] as const) input[to] = { text: input[from]!.text };
    input[18_000] = { text: input[5_000]!.text.replace(/^./u, '某') };
    const started = performance.now();
    const findings = findDuplicates(input);
    const elapsed = performance.now() - started;
    console.log(`20,000 random paragraphs: ${elapsed.toFixed(0)} ms, ${findings.length} findings`);
    expect(findings.map((f) => [f.kind, f.copy, f.original])).toEqual([
      ['block', [15_000, 15_002], [100, 102]],
      ['paragraph', [18_000, 18_000], [5_000, 5_000]],
    ]);
  });
});
