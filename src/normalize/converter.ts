// opencc-js converters, built once per direction per process.
import * as OpenCC from 'opencc-js';

export type Variant = 'cn' | 'tw' | 'hk';
/** What opencc-js converts from: a variant, or Taiwan with its vocabulary (twp). */
export type ConversionSource = 'tw' | 'twp' | 'hk' | 't';

export type Convert = (text: string) => string;
const converters = new Map<string, Convert>();

/** One converter per direction per process: building one costs more than converting a report. */
export function converter(from: Variant | ConversionSource, to: Variant | 't'): Convert {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to } as never) as Convert;
    converters.set(key, convert);
  }
  return convert;
}
