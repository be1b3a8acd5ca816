package io.statestore.bench;

/**
 * One line of the result table: a subject measured against its baseline in the same run.
 *
 * @param scenario what was measured
 * @param subject the statestore path
 * @param subjectStats its times per call
 * @param baseline what it is compared with
 * @param baselineStats their times per call
 * @param ratioName how the ratio is formed, e.g. {@code SQL/raw}
 * @param ratio the ratio of medians
 * @param goal the target for the ratio, or {@code null}
 * @param note anything else measured (e.g. peak heap), or empty
 */
public record Result(
    String scenario,
    String subject,
    Stats subjectStats,
    String baseline,
    Stats baselineStats,
    String ratioName,
    double ratio,
    Goal goal,
    String note) {

  /** A row whose ratio is subject time over baseline time (lower is better). */
  public static Result slowdown(
      String scenario, String subject, String baseline, Stats[] stats, Goal goal, String note) {
    return new Result(
        scenario,
        subject,
        stats[0],
        baseline,
        stats[1],
        "subject/baseline",
        stats[0].medianNanos() / stats[1].medianNanos(),
        goal,
        note);
  }

  /** A row whose ratio is baseline time over subject time: how many times faster the subject is. */
  public static Result speedup(
      String scenario, String subject, String baseline, Stats[] stats, Goal goal, String note) {
    return new Result(
        scenario,
        subject,
        stats[0],
        baseline,
        stats[1],
        "baseline/subject",
        stats[1].medianNanos() / stats[0].medianNanos(),
        goal,
        note);
  }

  /** Whether the goal is met; {@code null} without a goal. */
  public Boolean met() {
    return goal == null ? null : goal.met(ratio);
  }
}
