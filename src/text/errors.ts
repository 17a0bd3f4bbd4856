// The library's error texts in the user's language. Errors (and the `error` of a file that failed)
// stay English inside the library, where programs read them; what the CLI shows a person passes
// through localizeError, which finds each English phrase of the catalogue's `err.*` entries (with
// its values) and puts the catalogue's text in that language in its place. A phrase the table does
// not know (a message of git or of the YAML parser) is left as it is.
import type { ChineseScript, Lang, MessageKey } from './messages.js';
import { textIn } from './traditional.js';

// Most specific first: "binary file (NUL bytes)" before "binary file (…)".
const PHRASES: [RegExp, MessageKey, string[]][] = [
  [/no such file or directory/g, 'err.noSuchFile', []],
  [/permission denied/g, 'err.permission', []],
  [/too many levels of symbolic links/g, 'err.symlinkLoop', []],
  [/file name too long/g, 'err.nameTooLong', []],
  [/too many open files/g, 'err.tooManyFiles', []],
  [/no files match the pattern/g, 'err.noMatch', []],
  [/ ?\(broken symbolic link\)/g, 'err.brokenLink', []],
  [/rule file too large \(([\d.]+) MB; the limit is (\d+) MB\)/g, 'err.ruleTooLarge', ['size', 'limit']],
  [/not a regular file: a rule file must be a \.yml file/g, 'err.ruleNotRegular', []],
  [/the file changed since it was read: not fixed \(check it again\)/g, 'err.fixChanged', []],
  [/not fixed: some of its bytes are not valid (\S+) and would change when the file is written again \(fix it by hand, or convert the file first\)/g, 'err.fixBytes', ['name']],
  [/a symbolic link to (.+), outside the paths given: not fixed \(fix that file itself\)/g, 'err.fixLinkOutside', ['value']],
  [/a symbolic link whose file cannot be reached/g, 'err.fixLinkUnreachable', []],
  [/file too large \(([\d.]+) MB; the limit is (\d+) MB\)/g, 'err.tooLarge', ['size', 'limit']],
  [/not valid UTF-8 \(first bad byte at offset (\d+)\)/g, 'err.notUtf8', ['offset']],
  [/binary file \(NUL bytes\)/g, 'err.binaryNul', []],
  [/binary file \(control characters\)/g, 'err.binaryControl', []],
  [/binary file \(([^)]+)\)/g, 'err.binary', ['format']],
  [/unknown encoding "([^"]*)" \(accepted: ([^)]*)\)/g, 'err.unknownEncoding', ['name', 'list']],
  [/big5 has no byte order mark/g, 'err.big5Bom', []],
  [/password-protected Word document: remove the password and save again/g, 'err.docxEncrypted', []],
  [/legacy Word 97–2003 document \(\.doc\): open it in Word or WPS and save it as \.docx/g, 'err.docxLegacy', []],
  [/WPS Writer document \(\.wps\): open it in WPS and save it as \.docx/g, 'err.docxWps', []],
  [/, or convert it with LibreOffice \(/g, 'err.convertWithLibreOffice', []],
  [/not a \.docx but an OLE compound file \(a password-protected or Office 97–2003 document\): open it in Word or WPS, remove any password and save it as \.docx/g, 'err.docxOle', []],
  [/not a Word document \(a ZIP archive without word\/document\.xml\)/g, 'err.docxNotWord', []],
  [/damaged Word document \(empty file\)/g, 'err.docxEmpty', []],
  [/damaged Word document \(not a ZIP archive\)/g, 'err.docxNotZip', []],
  [/damaged Word document/g, 'err.docxDamaged', []],
  [/is a directory/g, 'err.isDirectory', []],
  [/checks: unknown check "([^"]+)" \(known: ([^)]*)\)/g, 'err.unknownCheck', ['id', 'list']],
  [/expected a severity \(([^)]*)\) or \[severity, \{ options \}\]/g, 'err.severitySetting', ['list']],
  [/expected a severity: ([a-z, ]+)/g, 'err.severity', ['list']],
  [/extends: no preset or file "([^"]*)"/g, 'err.extendsMissing', ['name']],
  [/extends itself through (.+)$/gm, 'err.extendsLoop', ['chain']],
  [/expected a preset name or file path, or a list of them/g, 'err.extendsType', []],
  [/invalid YAML: (.+)$/gm, 'err.invalidYaml', ['detail']],
  [/rule file not found/g, 'err.ruleFileMissing', []],
  [/cannot read rule file \((\w+)\)/g, 'err.ruleFileUnreadable', ['code']],
  [/Invalid input: expected (\w+), received (\w+)/g, 'err.zodType', ['expected', 'received']],
  [/Unrecognized keys?: (.+)$/gm, 'err.zodKeys', ['keys']],
  [/cannot write the fixes: (.+)$/gm, 'err.writeFixes', ['detail']],
  [/the header must name the columns file, org, year/g, 'err.manifestHeader', []],
  [/year must be a whole number, not "([^"]*)"/g, 'err.manifestYear', ['value']],
  // commander's own usage errors.
  [/error: unknown option '([^']+)'/g, 'err.unknownOption', ['option']],
  [/error: missing required argument '([^']+)'/g, 'err.missingArgument', ['name']],
  [/error: option '([^']+)' argument missing/g, 'err.optionValue', ['option']],
  [/error: unknown command '([^']+)'/g, 'err.unknownCommand', ['name']],
  [/error: too many arguments[^\n]*/g, 'err.tooManyArguments', []],
  [/\(Did you mean (?:one of )?([^?]+)\?\)/g, 'err.didYouMean', ['name']],
];

/** `text` with every English error phrase the catalogue knows in `lang` (and `script`); English: unchanged. */
export function localizeError(text: string, lang: Lang, script?: ChineseScript): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [pattern, key, names] of PHRASES) {
    out = out.replace(pattern, (...match: string[]) => textIn(lang, key, Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])), script));
  }
  return out;
}
