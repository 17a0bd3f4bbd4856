// The io module's public face: reading inputs (files, directories, globs, stdin) and decoding them.
export {
  decodeBytes,
  encodeText,
  canonicalEncoding,
  DecodeError,
  ACCEPTED_ENCODING_NAMES,
  CANONICAL_ENCODINGS,
  type CanonicalEncoding,
  type DecodedText,
} from './decode.js';
export {
  collectInputs,
  createIgnoreList,
  readIgnoreFile,
  DEFAULT_EXTENSIONS,
  type CollectOptions,
  type InputError,
} from './inputs.js';
export {
  readSource,
  readStdin,
  detectLineEnding,
  describeFsError,
  ReadError,
  MAX_INPUT_BYTES,
  MAX_INPUT_MB,
  type LineEnding,
  type SourceText,
} from './read.js';
