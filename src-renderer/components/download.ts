/**
 * Saves text as a file the way both hosts allow: a Blob URL on a temporary anchor with `download`
 * (the browser's download, Electron's save dialog). The URL is revoked once the click is handled.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
