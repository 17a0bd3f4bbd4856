// Normalisation for analysis: line ends, scrape artifacts, width folding, conversion to simplified,
// with a SourceMap from every offset of the result back to the original text.
import { cleanArtifacts, type Artifact } from './artifacts.js';
import { convertResidual, detectScript, toSimplified, type Script, type Variant } from './convert.js';
import { normalizeLineEndings } from './line-endings.js';
import type { OffsetMap } from './mapped-text.js';
import { foldWidth } from './width.js';

export { OffsetMap, MappedTextBuilder } from './mapped-text.js';
export { converter, detectScript, type Script, type Variant } from './convert.js';
export type { Artifact, ArtifactKind } from './artifacts.js';

export interface NormalizedText {
  /** Simplified, half-width digits and letters, LF line ends, artifacts removed. */
  text: string;
  /** Normalised offset → original offset. */
  map: OffsetMap;
  script: Script;
  variant: Variant;
  /** Clean-ups, with `start`/`end` in the ORIGINAL text. */
  artifacts: Artifact[];
}

export interface NormalizeOptions {
  /** Force the source variant instead of detecting it. */
  from?: Variant;
}

export function normalize(original: string, options: NormalizeOptions = {}): NormalizedText {
  const lines = normalizeLineEndings(original);
  const cleaned = cleanArtifacts(lines.text);
  const cleanedMap = cleaned.map.compose(lines.map);
  const artifacts = cleaned.artifacts.map((a) => {
    const [start, end] = lines.map.rangeToSource(a.start, a.end);
    return { ...a, start, end, text: original.slice(start, end) };
  });
  const folded = foldWidth(cleaned.text);
  let map = folded.map.compose(cleanedMap);
  let text = folded.text;

  const detected = detectScript(text);
  const variant = options.from ?? detected.variant;
  const script: Script = variant === 'cn' ? 'simplified' : 'traditional';
  // Character conversion only: opencc's twp phrase table would also turn Taiwan vocabulary mainland
  // (网路 → 网络) but rewrites mainland words written in traditional script too (新增 → 添加,
  // 资料 → 数据), which breaks subjects and indicators. The other variant's table then converts,
  // character by character, the forms the first leaves (衞, 枱).
  if (variant !== 'cn') {
    const simplified = toSimplified(text, variant);
    map = simplified.map.compose(map);
    text = simplified.text;
    const residual = convertResidual(text, variant === 'tw' ? 'hk' : 'tw');
    if (residual) {
      map = residual.map.compose(map);
      text = residual.text;
    }
  }
  return { text, map, script, variant, artifacts };
}
