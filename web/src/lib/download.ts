/** Hands the browser a file to save, as a page's download button does. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API answers whole, in base64 (an export, an evidence file), handed to the browser to save. */
export function saveBase64File(file: { readonly fileName: string; readonly mediaType: string; readonly base64: unknown }): void {
  const link = document.createElement('a');
  link.href = `data:${file.mediaType};base64,${String(file.base64)}`; // a custom scalar in some answers
  link.download = file.fileName;
  link.click();
}
