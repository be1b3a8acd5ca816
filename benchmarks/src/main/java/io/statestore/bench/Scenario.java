package io.statestore.bench;

import java.nio.file.Path;
import java.util.List;

/** One benchmark scenario: builds its own data under a work directory and measures it. */
public interface Scenario {
  /** The scenario's name, as given to {@code --only}. */
  String name();

  /**
   * Runs the scenario.
   *
   * @param config sizes and repetitions
   * @param work an empty directory of its own
   * @return one or more result rows
   */
  List<Result> run(BenchConfig config, Path work) throws Exception;
}
