/** The progress line of a batch run (stderr, redrawn at most ten times a second). */
export class ProgressLine {
  private lastDraw = 0;
  private readonly t0 = Date.now();
  constructor(
    private readonly show: ((line: string | null) => void) | undefined,
    private readonly totalBytes: number,
    private readonly inputCount: number,
  ) {}

  /** `bytes` read and `done` inputs so far; `force` redraws even within 100 ms of the last time. */
  draw(bytes: number, done: number, force = false): void {
    if (!this.show) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const secs = (now - this.t0) / 1e3;
    const mb = bytes / 1e6;
    const rate = secs > 0 ? mb / secs : 0;
    const total = this.totalBytes;
    const frac = total > 0 ? Math.min(1, bytes / total) : this.inputCount ? done / this.inputCount : 0;
    const width = 24;
    const filled = Math.round(frac * width);
    const eta = rate > 0 && total > 0 ? Math.max(0, (total / 1e6 - mb) / rate) : NaN;
    this.show(
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.inputCount} files  ${mb.toFixed(1)}/${(total / 1e6).toFixed(1)} MB  ${rate.toFixed(1)} MB/s  ETA ${Number.isFinite(eta) ? `${Math.round(eta)}s` : '?'}`,
    );
  }

  clear(): void {
    this.show?.(null);
  }
}
