/**
 * Acknowledge first, work after: a webhook handler only queues the scan and returns, so GitHub gets its
 * answer in milliseconds, far inside its 10-second timeout, whatever the size of the pull request.
 *
 * The queue holds no state that matters across replicas (that lives in the check run's external_id):
 * it only keeps one replica from doing the same work twice at once. Jobs for the same head SHA run one
 * after the other; a delivery id that is queued, running or already done here is dropped.
 *
 * `inline` mode runs the job before the handler returns, for serverless adapters that freeze the process
 * once the response is sent (the webhook then waits for the scan).
 */
import type { Logger } from "probot";

export type QueueMode = "background" | "inline";

/** What a job says when it ends: `done` marks its delivery as handled for good. */
export type JobResult = "done" | "skipped" | "failed";

const REMEMBERED_DELIVERIES = 5000;

export class WorkQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly running = new Set<string>();
  private readonly finished = new Set<string>();
  private readonly active = new Set<Promise<void>>();

  constructor(
    readonly mode: QueueMode,
    /** Required: a queue without a logger would drop a failed job in silence. */
    private readonly log: Pick<Logger, "error" | "info">,
  ) {}

  /** Queues `job` after any job on the same key. Resolves at once in background mode. */
  submit(key: string, deliveryId: string, job: () => Promise<JobResult>): Promise<void> {
    if (this.running.has(deliveryId) || this.finished.has(deliveryId)) {
      this.log.info({ deliveryId }, "webhook redelivered while its scan is queued or done on this replica: nothing to do");
      return Promise.resolve();
    }
    this.running.add(deliveryId);
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous
      .then(job)
      .then(
        (result) => {
          if (result === "done" || result === "skipped") this.remember(deliveryId);
        },
        (error: unknown) => {
          // The job reports its own failures in the check run; this only keeps one bad job from
          // breaking the chain (and from becoming an unhandled rejection that kills the process).
          this.log.error({ deliveryId, error: error instanceof Error ? error.message.split("\n", 1)[0] : String(error) }, "scan job failed");
        },
      )
      .finally(() => {
        this.running.delete(deliveryId);
        if (this.chains.get(key) === run) this.chains.delete(key);
        this.active.delete(run);
      });
    this.chains.set(key, run);
    this.active.add(run);
    return this.mode === "inline" ? run : Promise.resolve();
  }

  /** Resolves when every queued job has ended (tests, and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  get size(): number {
    return this.active.size;
  }

  private remember(deliveryId: string): void {
    this.finished.add(deliveryId);
    if (this.finished.size > REMEMBERED_DELIVERIES) {
      const oldest = this.finished.values().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }
}
