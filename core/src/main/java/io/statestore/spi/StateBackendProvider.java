package io.statestore.spi;

import java.util.List;

/**
 * Opens backends for one URI scheme. Implementations are found with {@link
 * java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/io.statestore.spi.StateBackendProvider}.
 */
public interface StateBackendProvider {

  /** The URI scheme served, lower case, e.g. {@code s3}. */
  String scheme();

  /** One line for people, e.g. {@code "Amazon S3 and S3-compatible object stores"}. */
  default String description() {
    return scheme() + " backend";
  }

  /** The backend's own settings (the common lock settings are added by statestore). */
  List<SettingDefinition> settings();

  /**
   * Whether {@code ?key=value} pairs that are not statestore settings stay in the URI for the
   * backend (as a JDBC URL needs) instead of being refused as unknown settings.
   */
  default boolean keepsUnknownQueryParameters() {
    return false;
  }

  /**
   * Opens a backend. Must fail fast, before any network call where possible, on a malformed URI or
   * missing settings, with {@link ErrorKind#INVALID_CONFIGURATION} naming what is wrong.
   */
  StateBackend open(StoreLocation location, Settings settings);
}
