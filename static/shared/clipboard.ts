/** Insecure contexts and some iframes have no clipboard at all, whatever the DOM types say. */
function clipboardApi(): Partial<Clipboard> | undefined {
  const clipboard: Partial<Clipboard> | undefined = navigator.clipboard;
  return clipboard;
}

/** Copies text through the clipboard API; false when the iframe may not use it (the caller then falls back: text to copy by hand, or select and copy). */
export async function copyText(text: string): Promise<boolean> {
  try {
    const clipboard = clipboardApi();
    if (!clipboard?.writeText) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies formatted content: editors that read HTML (Confluence's does) paste
 * it formatted, plain-text fields get `text`. Falls back to `text` alone where
 * the browser cannot write HTML to the clipboard.
 */
export async function copyRich(content: { html: string; text: string }): Promise<boolean> {
  try {
    const clipboard = clipboardApi();
    if (typeof ClipboardItem === 'function' && clipboard?.write) {
      await clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([content.html], { type: 'text/html' }),
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
        }),
      ]);
      return true;
    }
  } catch {
    // fall through to plain text
  }
  return copyText(content.text);
}
