// Files into the page: the file chooser and drag and drop, checked for kind and size before sending.
import { runCheck } from './api.js';
import { errorText, showError } from './chrome.js';
import { MAX_BYTES, state, tr } from './state.js';

const ACCEPTED = /\.(txt|md|markdown|docx)$/i;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 102.4) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function loadFile(file: File): void {
  if (!ACCEPTED.test(file.name)) {
    showError(tr('page.wrongType', { name: file.name }));
    return;
  }
  if (file.size > MAX_BYTES) {
    showError(tr('page.tooLarge', { name: file.name, size: sizeText(file.size), limit: sizeText(MAX_BYTES) }));
    return;
  }
  clearTimeout(state.timer);
  file.arrayBuffer().then(
    (buffer) => runCheck({ name: file.name, base64: toBase64(buffer) }, true),
    (error: unknown) => showError(tr('page.readFail', { msg: errorText(error) })),
  );
}

/** A file dropped anywhere on the page is checked; text dragged into the editor is left alone. */
export function acceptDroppedFiles(): void {
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  let dragDepth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    document.body.classList.remove('dragging');
    const file = event.dataTransfer!.files[0];
    if (file) loadFile(file);
  });
}
