/**
 * A pause that ends early when woken: a poller sleeps on it, and idle() or stop() cut it short. A wake that comes
 * while the poller is busy is kept, so that its next pause ends at once instead of missing the call.
 */
export class WakeableSleep {
  #timer: NodeJS.Timeout | undefined;
  #resolve: (() => void) | undefined;
  #wokenEarly = false;

  sleep(ms: number): Promise<void> {
    if (this.#wokenEarly) {
      this.#wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#resolve = resolve;
      this.#timer = setTimeout(() => this.#end(), Math.max(0, ms));
    });
  }

  wake(): void {
    if (this.#resolve === undefined) this.#wokenEarly = true;
    else this.#end();
  }

  #end(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.();
  }
}
