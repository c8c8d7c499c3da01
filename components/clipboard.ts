/** Writes plain text to the clipboard; false (not an exception) when the browser refuses. */
export async function copyText(win: Window, text: string): Promise<boolean> {
  try {
    await win.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
