// The answer of POST /api/check as the page reads it (src/server/response.ts builds it). Declared
// here rather than imported: the page is type-checked with DOM types only, apart from the library.

export interface Place {
  line: number;
  column: number;
  offset: number;
  endOffset: number;
}

export interface RelatedPlace extends Place {
  endLine?: number;
  endColumn?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Message extends Place {
  ruleId: string;
  severity: Severity;
  message: string;
  source?: string;
  fix?: unknown;
  related?: RelatedPlace[];
}

export interface Figure extends Place {
  value: number;
  max?: number | null;
  unit: string;
  subject: string;
  qualifier: string;
  total?: boolean;
  /** actual, target or comparison; level or change (the extraction's contract). */
  modality?: string;
  relation?: string;
  text: string;
  section?: string;
}

export interface Activity extends Place {
  verb: string;
  object: string;
  category: string;
  count: number;
  participants?: number | null;
  text: string;
  section?: string;
}

export interface OutlineItem {
  title: string;
  line: number;
  offset: number;
  endOffset: number;
  children: OutlineItem[];
}

export interface CheckResult {
  file: string;
  positions: 'line' | 'paragraph';
  lang: 'zh' | 'en';
  title: string;
  year: number | null;
  text: string;
  lint: { messages: Message[]; errorCount: number; warningCount: number; infoCount: number };
  figures: Figure[];
  activities: Activity[];
  outline: OutlineItem[];
  rules: { id: string; description: string }[];
  elapsedMs: number;
}

/** An error answer: the code and the message in both languages. */
export interface ErrorAnswer {
  error?: { code: string; message: string; zh?: string; en?: string };
}

/** What is sent to POST /api/check: the draft as text, or a file's bytes in base64. */
export type Payload = { name: string; text: string } | { name: string; base64: string };
