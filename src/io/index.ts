// The io module's public face: reading inputs (files, directories, globs, stdin) and decoding them.
export {
  decodeBytes,
  encodeText,
  DecodeError,
  type CanonicalEncoding,
  type DecodedText,
} from './decode.js';
export {
  collectInputs,
  createIgnoreList,
  readIgnoreFile,
  type CollectOptions,
  type InputError,
} from './inputs.js';
export {
  readSource,
  detectLineEnding,
  describeFsError,
  ReadError,
  type LineEnding,
  type SourceText,
} from './read.js';
