package io.statestore.core.objectstore;

import io.statestore.spi.Precondition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The requests of one cloud's object store that {@link ObjectStoreBackend} builds a state store on:
 * get, head, conditional put, conditional delete and one page of a listing, each on a full object
 * key. An implementation only calls its SDK: locking, retries of unclear answers, confirmation of
 * writes whose answer was lost and the mapping of failures live once, in the backend.
 *
 * <p>Answers the backend must act on (no such object, a precondition that does not hold, a
 * concurrent request on the same key) are returned as values. Any other failure is thrown as the
 * SDK's own exception, which the backend translates with {@link ObjectStoreErrors}; a {@code
 * StateStoreException} thrown here passes through unchanged. Implementations must be thread-safe.
 */
public interface ObjectStoreClient extends AutoCloseable {

  /**
   * Reads one object with its version.
   *
   * @return the object, or empty if there is none
   */
  Optional<Fetched> get(String key);

  /**
   * Reads one object's metadata, for confirming whose write it holds.
   *
   * @return the metadata, or empty if there is no object
   */
  Optional<Head> head(String key);

  /**
   * Writes one object in a single request, under a precondition the store itself checks: absent is
   * a create-if-absent, matches a compare-and-set on the version.
   */
  Put put(String key, Write write, Precondition precondition);

  /**
   * Deletes one object; under {@link Precondition.Matches} only while it still has that version,
   * decided atomically by the store.
   */
  Delete delete(String key, Precondition precondition);

  /**
   * One page of the keys starting with {@code keyPrefix}, in the store's key order, without
   * contents.
   *
   * @param pageToken the token of the page to read, {@code null} for the first one
   */
  Page list(String keyPrefix, String pageToken, int pageSize);

  /**
   * Whether {@link Head#writeId()} reliably tells which write stored an object (the store keeps
   * {@link Write#writeId()} with it). Then a write is confirmed as ours by its id alone, so that
   * another writer's identical bytes never pass for ours; otherwise by the digest of its bytes.
   */
  default boolean keepsWriteIds() {
    return false;
  }

  /** Releases the SDK client. */
  @Override
  void close();

  /**
   * What one write puts.
   *
   * @param content the bytes
   * @param writeId a random id of this one write, which a store may keep with the object
   */
  record Write(byte[] content, String writeId) {
    public Write {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(writeId, "writeId");
    }
  }

  /**
   * An object as one GET answered it.
   *
   * @param content its bytes
   * @param lastModified when it was last written, or {@code null}
   * @param version its version (ETag, generation), or {@code null} when the answer carried none
   * @param replaced the version the answer began with was replaced before its bytes could be read:
   *     the answer describes no single version (content is then empty)
   */
  record Fetched(byte[] content, Instant lastModified, String version, boolean replaced) {
    public Fetched {
      Objects.requireNonNull(content, "content");
    }

    /** An object read whole, with or without a version. */
    public static Fetched of(byte[] content, Instant lastModified, String version) {
      return new Fetched(content, lastModified, empty(version), false);
    }

    /** An object replaced while it was being read. */
    public static Fetched replacedWhileRead() {
      return new Fetched(new byte[0], null, null, true);
    }
  }

  /**
   * An object's metadata.
   *
   * @param version its version, or {@code null} when the answer carried none
   * @param md5Hex the MD5 of its bytes in lower-case hex as the store reports it, or {@code null}
   * @param writeId the {@link Write#writeId()} kept with it, or {@code null}
   */
  record Head(String version, String md5Hex, String writeId) {
    public Head {
      version = empty(version);
      md5Hex = empty(md5Hex);
      writeId = empty(writeId);
    }
  }

  /** How a put or a delete ended. */
  enum Outcome {
    /** Written or deleted. */
    DONE,
    /** A delete found no object. */
    MISSING,
    /** The precondition did not hold (the object exists, has another version, or is gone). */
    REFUSED,
    /** The store refused a concurrent request on the same key; asking again may succeed. */
    BUSY
  }

  /**
   * The answer to a put.
   *
   * @param outcome {@link Outcome#DONE}, {@link Outcome#REFUSED} or {@link Outcome#BUSY}
   * @param version the version written, or {@code null} when the answer carried none
   * @param retried whether the SDK sent the request more than once (an earlier attempt may have
   *     taken effect and lost its answer)
   */
  record Put(Outcome outcome, String version, boolean retried) {
    public Put {
      Objects.requireNonNull(outcome, "outcome");
      version = empty(version);
    }

    /** Written; {@code version} may be {@code null} when the answer lacked it. */
    public static Put done(String version) {
      return new Put(Outcome.DONE, version, false);
    }

    /** The precondition did not hold. */
    public static Put refused(boolean retried) {
      return new Put(Outcome.REFUSED, null, retried);
    }

    /** A concurrent request on the key was refused; ask again. */
    public static Put busy(boolean retried) {
      return new Put(Outcome.BUSY, null, retried);
    }
  }

  /**
   * The answer to a delete.
   *
   * @param outcome how it ended
   * @param retried whether the SDK sent the request more than once
   */
  record Delete(Outcome outcome, boolean retried) {
    public Delete {
      Objects.requireNonNull(outcome, "outcome");
    }

    /** Deleted. */
    public static Delete done() {
      return new Delete(Outcome.DONE, false);
    }

    /** There was no object. */
    public static Delete missing(boolean retried) {
      return new Delete(Outcome.MISSING, retried);
    }

    /** The precondition did not hold. */
    public static Delete refused(boolean retried) {
      return new Delete(Outcome.REFUSED, retried);
    }

    /** A concurrent request on the key was refused; ask again. */
    public static Delete busy(boolean retried) {
      return new Delete(Outcome.BUSY, retried);
    }
  }

  /**
   * One listed key.
   *
   * @param key the full key
   * @param lastModified the object's last-modified time, or {@code null}
   */
  record Entry(String key, Instant lastModified) {
    public Entry {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * One page of a listing.
   *
   * @param entries the keys, in the store's order
   * @param nextToken the token of the next page, or {@code null} after the last one
   */
  record Page(List<Entry> entries, String nextToken) {
    public Page {
      entries = List.copyOf(entries);
      nextToken = empty(nextToken);
    }
  }

  private static String empty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
