// Laying a built report out as text: title, indentation, blank lines and signature per the unit's
// style, and the line each block landed on (for truth.json).

function titleOf(unit, year) {
  switch (unit.style.title) {
    case 0: return `${unit.name}${year}年度工作总结`;
    case 1: return `${unit.name}${year}年工作总结`;
    default: return `${year}年度${unit.name}工作总结`;
  }
}

/** Lay the report out as text; returns the text and each block's 1-based line. */
export function render(unit, year, report, rng) {
  const lines = [titleOf(unit, year)];
  const lineOf = new Map();
  const sep = () => {
    if (unit.style.blankLines) lines.push('');
  };
  sep();
  for (const b of report.blocks) {
    lineOf.set(b, lines.length + 1);
    lines.push(b.kind === 'heading' ? b.text : unit.style.indent + b.text);
    sep();
  }
  if (unit.style.signature) {
    if (!unit.style.blankLines) lines.push('');
    lines.push(unit.name);
    lines.push(`${year}年12月${rng.int(10, 30)}日`);
  } else if (unit.style.blankLines) {
    lines.pop();
  }
  return { text: `${lines.join('\n')}\n`, lineOf };
}
