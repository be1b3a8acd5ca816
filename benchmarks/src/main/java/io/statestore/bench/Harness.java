package io.statestore.bench;

/**
 * Measures a subject against its baseline in the same run: warm-up calls of both, then rounds that
 * alternate subject and baseline, so that load from other processes on a shared machine falls on
 * both alike. Each round times a batch of calls and yields the time per call.
 */
public final class Harness {
  private final int warmupCalls;
  private final int rounds;

  /**
   * A harness.
   *
   * @param warmupCalls calls of each operation before measuring (JIT, caches)
   * @param rounds measured rounds per operation
   */
  public Harness(int warmupCalls, int rounds) {
    this.warmupCalls = warmupCalls;
    this.rounds = rounds;
  }

  /** Measured rounds per operation. */
  public int rounds() {
    return rounds;
  }

  /**
   * Measures two operations, interleaved round by round.
   *
   * @param callsPerRound calls timed together in one round
   * @return the subject's and the baseline's statistics, in that order
   */
  public Stats[] compare(Op subject, Op baseline, int callsPerRound) throws Exception {
    return compare(subject, baseline, callsPerRound, callsPerRound);
  }

  /**
   * Measures two operations with their own batch sizes, interleaved round by round; each is
   * reported per call.
   */
  public Stats[] compare(Op subject, Op baseline, int subjectCalls, int baselineCalls)
      throws Exception {
    int[] counter = new int[2];
    for (int i = 0; i < warmupCalls; i++) {
      subject.run(counter[0]++);
      baseline.run(counter[1]++);
    }
    double[] s = new double[rounds];
    double[] b = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // Alternate which goes first, so neither always runs on a cooler or warmer machine.
      if (r % 2 == 0) {
        s[r] = time(subject, subjectCalls, counter, 0);
        b[r] = time(baseline, baselineCalls, counter, 1);
      } else {
        b[r] = time(baseline, baselineCalls, counter, 1);
        s[r] = time(subject, subjectCalls, counter, 0);
      }
    }
    return new Stats[] {Stats.of(s), Stats.of(b)};
  }

  /** Measures one operation alone. */
  public Stats measure(Op op, int callsPerRound) throws Exception {
    int[] counter = new int[1];
    for (int i = 0; i < warmupCalls; i++) {
      op.run(counter[0]++);
    }
    double[] out = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      out[r] = time(op, callsPerRound, counter, 0);
    }
    return Stats.of(out);
  }

  private static double time(Op op, int calls, int[] counter, int slot) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      op.run(counter[slot]++);
    }
    return (System.nanoTime() - start) / (double) calls;
  }
}
