// The library's English error texts are shown in the run's language through the catalogue's err.*
// entries: every entry's English, filled in, is found and replaced by its Chinese, and the texts
// the library really produces (file system, decoding, Word, rule files) are among them.
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/io/encodings.js';
import { MESSAGES as DOCX } from '../../src/io/docx.js';
import { describeFsError } from '../../src/io/read.js';
import { localizeError } from '../../src/text/errors.js';
import { messages, t, type MessageKey } from '../../src/text/messages.js';
import { loadConfigFile } from '../../src/config/config.js';
import { checkRegistry } from '../../src/rules/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

const keys = (Object.keys(messages.en) as MessageKey[]).filter((k) => k.startsWith('err.'));
const sample = { size: '12.5', limit: '50', offset: 17, format: 'PDF', name: 'foo', list: 'utf-8, gb18030', id: 'bogus', chain: 'a.yml → b.yml → a.yml', detail: 'bad indentation', code: 'EACCES', expected: 'array', received: 'string', keys: '"foo"', value: 'x', option: '--bogus' };

describe('localizeError', () => {
  it.each(keys)('%s: the English text comes back in Chinese', (key) => {
    expect(localizeError(t('en', key, sample), 'zh')).toBe(t('zh', key, sample));
    expect(localizeError(t('en', key, sample), 'en')).toBe(t('en', key, sample));
  });

  it('knows what the library says about files, encodings and Word documents', () => {
    for (const code of ['ENOENT', 'EACCES', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EMFILE']) {
      const text = describeFsError(Object.assign(new Error('x'), { code }));
      expect(localizeError(text, 'zh'), text).toMatch(/^\p{Script=Han}/u);
    }
    for (const text of Object.values(DOCX)) expect(localizeError(text, 'zh'), text).toMatch(/^(?:Word|WPS|\p{Script=Han})/u);
    expect(localizeError(`draft.txt: ${new DecodeError('binary file (NUL bytes)').message}`, 'zh')).toBe('draft.txt: 二进制文件（含 NUL 字节），不是文本');
  });

  it('translates a rule-file error piece by piece and leaves what it does not know', () => {
    const dir = tempDir('zongjie-errors-');
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'checks:\n  bogus: warning\n');
    let text = '';
    try {
      loadConfigFile(file, checkRegistry());
    } catch (error) {
      text = (error as Error).message;
    }
    expect(text).toMatch(/checks: unknown check "bogus"/);
    expect(localizeError(text, 'zh')).toMatch(/bad\.yml:2:3: checks：没有“bogus”这项检查（已有：artifact, balance-mismatch, /);
    expect(localizeError('fatal: not a git repository', 'zh')).toBe('fatal: not a git repository');
  });
});
