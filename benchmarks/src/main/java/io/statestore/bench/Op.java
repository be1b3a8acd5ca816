package io.statestore.bench;

/** One measured operation; {@code i} counts the calls so an operation can vary its input. */
@FunctionalInterface
public interface Op {
  /** Runs the operation once. */
  void run(int i) throws Exception;
}
