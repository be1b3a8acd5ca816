package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One fresh, empty store under test: its JDBC URL and, for stores kept in local files, the
 * directory, so tests can also act on the files directly as Meltano does.
 */
public interface StoreFixture {
  /**
   * The {@code jdbc:statestore:...} URL of the store; settings may be appended with {@link Urls}.
   */
  String url();

  /** The store directory when the store is local files in Meltano's layout; otherwise empty. */
  default Optional<Path> directory() {
    return Optional.empty();
  }

  /** Secret values this store's URL or settings carry; they must never show anywhere. */
  default List<String> secrets() {
    return List.of();
  }

  /**
   * Settings that speed up filling the store with test data where durability does not matter (e.g.
   * {@code file.fsync=false}); empty by default.
   */
  default Map<String, String> bulkLoadSettings() {
    return Map.of();
  }

  /** JDBC properties to connect with (credentials, mostly). */
  default Properties properties() {
    return new Properties();
  }

  /**
   * Properties (replacing {@link #properties()}) with credentials the store refuses; the wrong
   * secrets are listed in {@link #secrets()} too. Empty when the store has no credentials.
   */
  default Optional<Properties> wrongCredentials() {
    return Optional.empty();
  }

  /** Whether separate JVMs may open the store at once (false for in-memory stores). */
  default boolean sharedAcrossProcesses() {
    return true;
  }
}
