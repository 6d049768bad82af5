/**
 * Faults to switch on at start or while running: fail the next N
 * requests (optionally only under a path prefix) with a status, add
 * latency, or answer bad tokens with 530 as HubSpot's edge sometimes does.
 */

/** A batch of forced failures. */
export interface FailureRule {
  /** How many matching requests to fail. */
  count: number;
  /** 500 and 429 come with HubSpot's JSON body; 502/503 with HTML. */
  status: 429 | 500 | 502 | 503;
  /** Only requests whose path starts with this, e.g. "/crm/v3/objects/deals". */
  pathPrefix?: string;
}

/** The fault settings. */
export interface Faults {
  failures?: FailureRule[];
  /** Delay before every answer, in milliseconds; default 0. */
  latencyMillis?: number;
  /** Answer a missing or wrong token with 530 instead of 401. */
  malformedToken?: boolean;
}

/** Switches faults at run time; shared with the running server. */
export class FaultController {
  private failures: FailureRule[] = [];
  /** Current added latency in milliseconds. */
  latencyMillis = 0;
  /** Whether bad tokens get 530 instead of 401. */
  malformedToken = false;

  constructor(initial: Faults = {}) {
    this.set(initial);
  }

  /** Replaces all settings with `faults`. */
  set(faults: Faults): void {
    this.failures = (faults.failures ?? []).map((rule) => ({ ...rule }));
    this.latencyMillis = faults.latencyMillis ?? 0;
    this.malformedToken = faults.malformedToken ?? false;
  }

  /** Fails the next `count` requests (under `pathPrefix`) with `status`. */
  failNext(count: number, status: FailureRule['status'] = 503,
    pathPrefix?: string): void {
    this.failures.push({ count, status,
      ...(pathPrefix === undefined ? {} : { pathPrefix }) });
  }

  /** Delays every answer by `millis` from now on; 0 turns it off. */
  setLatency(millis: number): void {
    this.latencyMillis = millis;
  }

  /** Answers bad tokens with 530 (on) or HubSpot's 401 (off). */
  setMalformedToken(on: boolean): void {
    this.malformedToken = on;
  }

  /** Turns every fault off. */
  clear(): void {
    this.set({});
  }

  /** Pending forced failures, for inspection. */
  get pending(): readonly FailureRule[] {
    return this.failures;
  }

  /** Uses up one forced failure matching `path`; its status, if any. */
  takeFailure(path: string): FailureRule['status'] | undefined {
    const rule = this.failures.find((candidate) => candidate.count > 0 &&
      path.startsWith(candidate.pathPrefix ?? ''));
    if (!rule) return undefined;
    rule.count--;
    this.failures = this.failures.filter((candidate) => candidate.count > 0);
    return rule.status;
  }
}
