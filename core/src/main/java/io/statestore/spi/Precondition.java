package io.statestore.spi;

import java.util.Objects;

/**
 * The condition a write or delete must meet to take effect. A backend must check it atomically with
 * the write where its store allows (S3 {@code If-None-Match}, GCS {@code ifGenerationMatch}, {@code
 * CREATE_NEW} on files), or under the state's lock otherwise.
 */
public sealed interface Precondition {

  /** No condition: write whatever is there. */
  static Precondition none() {
    return None.INSTANCE;
  }

  /** The object must not exist; otherwise {@link ErrorKind#ALREADY_EXISTS}. */
  static Precondition absent() {
    return Absent.INSTANCE;
  }

  /** The object must exist with this version; otherwise {@link ErrorKind#CONFLICT}. */
  static Precondition matches(Version version) {
    return new Matches(version);
  }

  /** See {@link #none()}. */
  enum None implements Precondition {
    INSTANCE
  }

  /** See {@link #absent()}. */
  enum Absent implements Precondition {
    INSTANCE
  }

  /**
   * See {@link #matches(Version)}.
   *
   * @param version the version the object must have
   */
  record Matches(Version version) implements Precondition {
    public Matches {
      Objects.requireNonNull(version, "version");
    }
  }
}
