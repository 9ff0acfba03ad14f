/** Copies text through the clipboard API; false when the iframe may not use it (the caller then falls back: text to copy by hand, or select and copy). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
