// System notifications for replies that arrive while the page is hidden. The permission is
// asked for only from the visitor's click (`ask()`), never on its own.

export interface ReplyNotice {
  title: string;
  body: string;
  /** One notice per conversation: a newer reply replaces the one still shown (and other tabs' copy). */
  tag: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The visitor chose the notice. */
  onChoose: () => void;
}

export class Notifier {
  #shown = new Set<Notification>();

  /** The browser's answer so far: `granted`, `denied` or `default` (not asked yet). */
  get permission(): NotificationPermission {
    return Notification.permission;
  }

  /** Asks the browser for permission: call it only from the visitor's click. */
  ask(): Promise<NotificationPermission> {
    return Notification.requestPermission();
  }

  show({title, body, tag, lang, dir, onChoose}: ReplyNotice) {
    if (this.permission != 'granted') return;
    const notice = new Notification(title, {body, tag, lang, dir});
    this.#shown.add(notice);
    notice.onclick = () => {
      window.focus();
      onChoose();
      notice.close();
    };
    notice.onclose = () => this.#shown.delete(notice);
  }

  /** Closes what is still shown: the chat it opens is gone. */
  dispose() {
    for (const notice of this.#shown) notice.close();
    this.#shown.clear();
  }
}
