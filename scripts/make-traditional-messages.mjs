#!/usr/bin/env node
// Writes src/text/messages-zh-hant.ts: the catalogue's Chinese texts in traditional characters
// (opencc-js, cn → tw), for drafts written in traditional characters and --lang zh-Hant. Kept as a
// file rather than converted at run time: building opencc's cn → tw converter takes a second, more
// than checking a report. test/text/traditional.test.ts fails when the file is out of date.
//
//   node scripts/make-traditional-messages.mjs
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';

const root = path.join(import.meta.dirname, '..');
// messages-zh.ts is one object literal of quoted strings: read as JavaScript once `as const` goes.
const typescript = fs.readFileSync(path.join(root, 'src', 'text', 'messages-zh.ts'), 'utf8');
const { zh } = await import(`data:text/javascript,${encodeURIComponent(typescript.replace(/\}\s*as const;/, '};'))}`);
const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const lines = Object.entries(zh).map(([key, text]) => `  ${quote(key)}: ${quote(convert(text))},`);
const source = `// The catalogue's Chinese texts in traditional characters (opencc cn → tw), made from messages-zh.ts by
// scripts/make-traditional-messages.mjs: do not edit by hand, run the script after changing a text.
import type { zh } from './messages-zh.js';

export const zhHant: Record<keyof typeof zh, string> = {
${lines.join('\n')}
};
`;
fs.writeFileSync(path.join(root, 'src', 'text', 'messages-zh-hant.ts'), source);
process.stdout.write(`wrote src/text/messages-zh-hant.ts (${lines.length} texts)\n`);
