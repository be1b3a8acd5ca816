package io.statestore.spi;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Storage primitives over one store. This is all a backend implements: locking, retries, state id
 * rules and JSON validation live once, above it, in {@code io.statestore.core.StateStore}.
 *
 * <p>Each state id owns two objects, named by {@link ObjectKind}. Implementations must be safe for
 * use by several threads at once. Every method reports failures as {@link StateStoreException}.
 */
public interface StateBackend extends AutoCloseable {

  /**
   * Reads one object.
   *
   * @return the object, or empty if it does not exist
   */
  Optional<StoredObject> read(String stateId, ObjectKind kind);

  /**
   * Lists the ids that have an object of the given kind and start with {@code prefix}, in ascending
   * order of id (UTF-16 code units, as {@link String#compareTo}). Must not read object contents.
   * The stream is lazy (pages are fetched as it is consumed) and must be closed.
   *
   * @param prefix a literal prefix, possibly empty
   */
  Stream<ListedState> list(ObjectKind kind, String prefix);

  /**
   * Writes one object, atomically: a reader sees the old or the new content, never a mix.
   *
   * @return the version now stored
   * @throws StateStoreException {@link ErrorKind#ALREADY_EXISTS} or {@link ErrorKind#CONFLICT} when
   *     the precondition does not hold; nothing is written then
   */
  Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition);

  /**
   * Deletes one object.
   *
   * @return {@code false} if there was nothing to delete (not an error)
   * @throws StateStoreException {@link ErrorKind#CONFLICT} when a {@link Precondition.Matches}
   *     precondition does not hold; nothing is deleted then
   */
  boolean delete(String stateId, ObjectKind kind, Precondition precondition);

  /**
   * The state ids this store can hold. A write of an id the rule refuses fails before it reaches
   * the backend, and a read of one reaches it only for an id its listing returned, so the backend
   * is never asked for a name it cannot form. The default is {@link StateIdRule#portable()} (1 to
   * 255 bytes, no {@code /}, {@code \}, {@code ..} or control characters); a store that can hold
   * more declares it, so that ids other tools write there are never refused or hidden.
   */
  default StateIdRule idRule() {
    return StateIdRule.portable();
  }

  /** A description of the store safe to show anywhere: no secrets. */
  String describe();

  /**
   * How many requests a statement or a copy should have in flight at once against this store when
   * the user does not say ({@code parallel_requests}): more than one where each request waits on a
   * network (an object store), one where requests contend for the same file or database. The
   * default is 1.
   */
  default int parallelRequests() {
    return 1;
  }

  /** Releases clients, pools and files. The default does nothing. */
  @Override
  default void close() {}
}
