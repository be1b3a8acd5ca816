package io.statestore.core;

/** The span during which a {@link ReadWarnings} collector is entered on a thread. */
@FunctionalInterface
public interface WarningScope extends AutoCloseable {
  /** Restores the collector entered before (if any). */
  @Override
  void close();
}
