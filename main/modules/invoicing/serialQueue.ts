/**
 * Runs async jobs one after the other. Issuing renders the PDF before the write that numbers it;
 * queuing this desk's own issues keeps them from racing for the same number (other processes on
 * the same database still can: the write checks the number and the job renders again).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job)
    this.tail = result.catch(() => undefined)
    return result
  }
}
