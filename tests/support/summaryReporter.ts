import Mocha from 'mocha';

/**
 * The usual spec output, closed by the plain "N passed, N failed, N skipped" line that CI reads.
 */
class SummaryReporter extends Mocha.reporters.Spec {
  constructor(
    private readonly mochaRunner: Mocha.Runner,
    options?: Mocha.MochaOptions,
  ) {
    super(mochaRunner, options);
  }

  /** Mocha calls this after the run, once the spec epilogue is out, so this line comes last. */
  override done(failures: number, fn?: (failures: number) => void): void {
    const stats = this.mochaRunner.stats ?? { passes: 0, failures: 0, pending: 0 };
    console.log(`${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
    fn?.(failures);
  }
}

export = SummaryReporter;
