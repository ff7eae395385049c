/**
 * The crisis chime: three soft rising tones from Web Audio (no sound file to
 * ship), repeated every few seconds while a crisis is open, at the volume
 * staff chose on this device. A browser may refuse audio before any tap; the
 * console is always tapped first (the PIN), so by then it is allowed.
 */
export interface Chime {
  start(volume: number): void;
  setVolume(volume: number): void;
  stop(): void;
}

export function createChime(every = 6000): Chime {
  let ctx: AudioContext | null = null;
  let gain: GainNode | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const ring = () => {
    if (!ctx || !gain) return;
    const t0 = ctx.currentTime;
    [523.25, 659.25, 783.99].forEach((f, i) => {
      const osc = ctx!.createOscillator();
      const env = ctx!.createGain();
      osc.type = 'sine';
      osc.frequency.value = f;
      env.gain.setValueAtTime(0, t0 + i * 0.28);
      env.gain.linearRampToValueAtTime(1, t0 + i * 0.28 + 0.03);
      env.gain.exponentialRampToValueAtTime(0.001, t0 + i * 0.28 + 0.9);
      osc.connect(env).connect(gain!);
      osc.start(t0 + i * 0.28);
      osc.stop(t0 + i * 0.28 + 1);
    });
  };
  return {
    start(volume) {
      if (timer) return;
      try {
        const AC = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
        if (!AC) return;
        ctx = new AC();
        gain = ctx.createGain();
        gain.gain.value = volume;
        gain.connect(ctx.destination);
        void ctx.resume().catch(() => undefined);
        ring();
        timer = setInterval(ring, every);
      } catch {
        // No audio device: the banner and the notification still say it.
      }
    },
    setVolume(volume) {
      if (gain) gain.gain.value = volume;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      void ctx?.close().catch(() => undefined);
      ctx = null;
      gain = null;
    },
  };
}
