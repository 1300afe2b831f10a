import { beep } from './beep.js';

/**
 * How an element gets the agent's attention while the page is hidden: a short beep (Web Audio, no
 * audio file to host or to allow in a CSP) and a browser notification (only when the agent already
 * granted the permission; asking is left to an explicit button). Every part is a method, so a page
 * can replace the sound and tests can replace the page's visibility.
 */
export class AlertController {
  /** Whether the agent cannot see the page now (another tab, minimized window). */
  isPageHidden(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'hidden';
  }

  /** The browser's notification permission, or `unsupported`. */
  get permission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  /** Ask for the notification permission (call from a click: browsers ignore it otherwise). */
  async requestPermission(): Promise<NotificationPermission | 'unsupported'> {
    if (typeof Notification === 'undefined') return 'unsupported';
    return Notification.requestPermission();
  }

  /** A short two-tone beep. Silently nothing where audio is not allowed yet (no user gesture). */
  beep(): void {
    beep();
  }

  /** Show a browser notification, if the agent allowed them. */
  notify(title: string, body: string, tag?: string): void {
    if (this.permission !== 'granted') return;
    try {
      new Notification(title, { body, tag });
    } catch {
      // Some browsers only allow notifications from a service worker: the beep still sounds.
    }
  }

  /** Beep and notify, but only while the page is hidden. Returns whether it alerted. */
  alert(title: string, body: string, tag?: string): boolean {
    if (!this.isPageHidden()) return false;
    this.beep();
    this.notify(title, body, tag);
    return true;
  }
}
