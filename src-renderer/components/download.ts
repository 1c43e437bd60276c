import type { PrintedFileData } from '../../src-shared/ipc/schemas/print';

/**
 * Saves a Blob as a file the way both hosts allow: a Blob URL on a temporary anchor with `download`
 * (the browser's download, Electron's save dialog). The URL is revoked once the download had time
 * to start.
 */
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Bytes main produced (base64 over IPC), as a download. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(fileName, new Blob([bytes], { type }));
}

/** A printed document (notice, receipt, batch file), as a download. */
export function downloadPdf(file: PrintedFileData): void {
  downloadBase64(file.fileName, file.dataBase64, file.mediaType);
}

/** Text (e.g. the audit CSV) as a download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(fileName, new Blob([text], { type }));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
