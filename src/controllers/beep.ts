import { pageGlobal } from '../dom/page-global.js';

// One AudioContext for the page (browsers limit how many may exist), shared by every copy of the SDK.
const holder = pageGlobal<{ context?: AudioContext }>('audio', () => ({}));

function audioContext(): AudioContext | null {
  const AudioCtor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  return AudioCtor ? (holder.context ??= new AudioCtor()) : null;
}

/**
 * Let later beeps sound: browsers keep audio suspended until a user gesture, so call this from one
 * (a click on the launcher) and a beep can play later while the page is in the background.
 */
export function unlockAudio(): void {
  try {
    void audioContext()?.resume();
  } catch {
    /* no audio device */
  }
}

/**
 * A short two-tone beep made with Web Audio: no audio file to host or to allow in a CSP. Silently
 * nothing where audio is not allowed yet (no user gesture so far).
 */
export function beep(): void {
  try {
    const audio = audioContext();
    if (!audio) return;
    const start = audio.currentTime;
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
    gain.connect(audio.destination);
    const oscillator = audio.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(880, start);
    oscillator.frequency.setValueAtTime(1320, start + 0.15);
    oscillator.connect(gain);
    oscillator.start(start);
    oscillator.stop(start + 0.35);
  } catch {
    // No audio device, or an autoplay policy: the title still blinks.
  }
}
