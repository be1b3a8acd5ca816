package io.statestore.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Where environment variables come from. Production code uses {@link #system()}; tests pass a map
 * instead of mutating the JVM's environment.
 */
@FunctionalInterface
public interface Environment {

  /** The value of a variable, empty when unset or blank. */
  Optional<String> get(String name);

  /** The process environment. */
  static Environment system() {
    return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** A fixed environment, for tests and embedding. */
  static Environment of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isBlank());
  }
}
