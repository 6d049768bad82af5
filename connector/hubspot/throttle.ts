/**
 * A client-side rolling-window budget, so the connector stays under
 * HubSpot's limits instead of bouncing off 429s.
 */

export type Sleep = (millis: number) => Promise<void>;

export const realSleep: Sleep = (millis) =>
  new Promise((resolve) => setTimeout(resolve, millis));

/** Allows at most `limit` acquisitions per `windowMillis`. */
export class Throttle {
  private readonly started: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMillis: number,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when one more request fits into the window. */
  async acquire(): Promise<void> {
    for (;;) {
      const cutoff = this.now() - this.windowMillis;
      while (this.started.length && (this.started[0] ?? 0) <= cutoff) {
        this.started.shift();
      }
      if (this.started.length < this.limit) {
        this.started.push(this.now());
        return;
      }
      await this.sleep((this.started[0] ?? 0) - cutoff + 1);
    }
  }
}
