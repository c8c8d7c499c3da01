import { browser } from 'wxt/browser';

/** What the popup does to the world, as one small adapter that tests replace. */
export interface PopupActions {
  copy(text: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

export function browserActions(clipboard: Pick<Clipboard, 'writeText'> = navigator.clipboard): PopupActions {
  return {
    async copy(text) {
      try {
        await clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    async open(url) {
      await browser.tabs.create({ url });
    },
  };
}
