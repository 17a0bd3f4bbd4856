// A typed program on zongjie's public types, which need no @types/node: a browser bundle or any
// TypeScript project can use them (test/package/packed.test.ts compiles this file against the packed
// package in a project without @types/node, then runs it). Bytes are Uint8Array (a Buffer is one).
//   tsc --strict --module nodenext --target es2022 --lib es2023,dom check-draft.ts && node check-draft.js
import { Zongjie, type Extraction, type Figure, type LintMessage, type LintResult, type ZongjieOptions } from 'zongjie';

const options: ZongjieOptions = { preset: 'recommended', lang: 'en' };
const zongjie = new Zongjie(options);

// A draft as bytes, as an upload or a browser File gives them.
const draft: Uint8Array = new TextEncoder().encode('202_年度工作总结\n\n一、主要工作\n\n全年发展新会员xx人，发放慰问金35.705萬元。\n');
const analysis = await zongjie.analyseDraft('draft.txt', draft);
const lint: LintResult = analysis.lint;
const extraction: Extraction = analysis.extraction;

const errors: LintMessage[] = lint.messages.filter((m) => m.severity === 'error');
for (const m of errors) console.log(`draft.txt:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
const figures: Figure[] = extraction.figures;
for (const f of figures) console.log(`${f.value} ${f.unit} (${f.text}) at ${f.line}:${f.column}`);
console.log(`zongjie ${Zongjie.version}: ${errors.length} error(s), ${figures.length} figure(s)`);
