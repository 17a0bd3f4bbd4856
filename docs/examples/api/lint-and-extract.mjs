// The facade from a program: lint a draft in memory, extract the figures of reports on disk, and
// print one line of each. Run it with the reports to read:
//   node lint-and-extract.mjs report.txt …      (in a project where zongjie is installed)
//   node docs/examples/api/lint-and-extract.mjs  (in the zongjie repository: a report of corpus/)
import { Zongjie } from 'zongjie';

const reports = process.argv.length > 2 ? process.argv.slice(2) : ['corpus/000_87f43282fb262844.txt'];

const zongjie = new Zongjie({ preset: 'recommended', lang: 'zh' });

// Lint text in memory: the result is the JSON contract of `zongjie check --format json`.
const result = await zongjie.lintText('2023年工作总结\n\n一、主要工作\n\n全年共开展开展活动12次，发展新会员人。\n', 'draft.txt');
for (const m of result.messages) console.log(`${m.line}:${m.column} ${m.ruleId} ${m.message}`);

// Extract from files, folders or globs: each extraction is handed on as its file is done.
const { files, failures } = await zongjie.extractFiles(reports, { only: ['figures'] }, (extraction) => {
  const first = extraction.figures[0];
  console.log(`${extraction.file}: ${extraction.figures.length} figures, the first ${first.value} ${first.unit} (${first.text}) at ${first.line}:${first.column}`);
});
console.log(`${files} file(s), ${failures.length} failed`);
