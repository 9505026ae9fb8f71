/** Saves data as a file through the browser's download (no server round trip). */
export function downloadFile(name: string, type: string, data: BlobPart): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Saves text as a file through the browser's download (no server round trip). */
export function downloadText(name: string, type: string, text: string): void {
  downloadFile(name, type, text);
}
