package io.statestore.core.objectstore;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads that make unclear answers clear, for {@link ObjectStoreBackend}: a read asked again while
 * its answer lacks a version or describes a replaced one, and the check whether the object now
 * stored is the one a write put there (its answer was lost, or came without a version).
 *
 * <p>A write is ours when the store keeps write ids and the object carries this write's id;
 * otherwise when the store's digest of the object is the MD5 of our bytes, or, where the store
 * reports none or another digest (an ETag is not always an MD5), when its bytes are ours.
 */
final class AnswerChecks {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerChecks.class);

  /** How often an answer without a version, or of a replaced version, is asked again. */
  static final int ATTEMPTS = 8;

  /** What the object under a key is, seen from one write. */
  enum Seen {
    /** The write's own object, with a version. */
    OURS,
    /** The write's own object, but the store shows no version for it. */
    OURS_WITHOUT_VERSION,
    /** Another writer's object. */
    OTHER,
    /** No object. */
    GONE
  }

  /**
   * What a check found.
   *
   * @param seen whose object is there
   * @param version its version when it is ours, else {@code null}
   */
  record Landing(Seen seen, Version version) {}

  private final ObjectStoreClient client;
  private final ObjectStoreErrors errors;
  private final String store;

  AnswerChecks(ObjectStoreClient client, ObjectStoreErrors errors, String store) {
    this.client = client;
    this.errors = errors;
    this.store = store;
  }

  /** Runs one client request, translating an SDK failure. */
  <T> T call(Supplier<T> request, String action) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw errors.translate(e, action);
    }
  }

  /**
   * Reads an object, asking again while the answer lacks a version or the version it began with was
   * replaced before its bytes were read.
   *
   * @return the last answer, which may still lack a version or be replaced; empty for no object
   */
  Optional<ObjectStoreClient.Fetched> fetch(String key, String what) {
    for (int attempt = 1; ; attempt++) {
      Optional<ObjectStoreClient.Fetched> got = call(() -> client.get(key), "reading " + what);
      boolean unclear = got.isPresent() && (got.get().replaced() || got.get().version() == null);
      if (!unclear || attempt >= ATTEMPTS) {
        return got;
      }
      LOG.debug(
          "Reading {} gave {} (attempt {}); reading again",
          what,
          got.get().replaced() ? "a version replaced meanwhile" : "no version",
          attempt);
      Backoff.pause(attempt);
    }
  }

  /** An object's metadata, asked again while the answer lacks a version. */
  Optional<ObjectStoreClient.Head> head(String key, String what) {
    for (int attempt = 1; ; attempt++) {
      Optional<ObjectStoreClient.Head> got =
          call(() -> client.head(key), "reading the metadata of " + what);
      if (got.isEmpty() || got.get().version() != null || attempt >= ATTEMPTS) {
        return got;
      }
      LOG.debug("The metadata of {} came without a version (attempt {})", what, attempt);
      Backoff.pause(attempt);
    }
  }

  /** Whose object is under {@code key} now, as seen by {@code write}. */
  Landing landed(String key, ObjectStoreClient.Write write, String what) {
    Optional<ObjectStoreClient.Head> head = head(key, what);
    if (head.isEmpty()) {
      return new Landing(Seen.GONE, null);
    }
    ObjectStoreClient.Head h = head.get();
    if (client.keepsWriteIds()) {
      return write.writeId().equals(h.writeId()) ? ours(h.version()) : other();
    }
    if (h.version() != null && md5Hex(write.content()).equalsIgnoreCase(h.md5Hex())) {
      return ours(h.version());
    }
    Optional<ObjectStoreClient.Fetched> now = fetch(key, what);
    if (now.isEmpty()) {
      return new Landing(Seen.GONE, null);
    }
    if (now.get().replaced() || !Arrays.equals(now.get().content(), write.content())) {
      return other();
    }
    return ours(now.get().version());
  }

  /** Whether there is no object under {@code key}; {@code false} when that cannot be told. */
  boolean isGone(String key, String what) {
    try {
      return head(key, what).isEmpty();
    } catch (StateStoreException e) {
      LOG.debug("Could not check whether {} is gone", what, e);
      return false;
    }
  }

  /**
   * Removes the object a write left when it still is that write's own (a lock that cannot be
   * confirmed by version must not stay behind). Failures are logged, not thrown.
   */
  void removeIfStillOurs(String key, ObjectStoreClient.Write write, String what) {
    try {
      Optional<String> version;
      if (client.keepsWriteIds()) {
        Optional<ObjectStoreClient.Head> h = client.head(key);
        if (h.isEmpty() || !write.writeId().equals(h.get().writeId())) {
          return;
        }
        version = Optional.ofNullable(h.get().version());
      } else {
        Optional<ObjectStoreClient.Fetched> now = client.get(key);
        if (now.isEmpty() || !Arrays.equals(now.get().content(), write.content())) {
          return;
        }
        version = Optional.ofNullable(now.get().version());
      }
      client.delete(
          key, version.map(v -> Precondition.matches(new Version(v))).orElse(Precondition.none()));
      LOG.info("Removed {} that this write left in {} without a version", what, store);
    } catch (RuntimeException e) {
      LOG.warn("Could not remove {} that this write left in {}", what, store, e);
    }
  }

  /** The error for a store that shows no version for an object, even when asked again. */
  StateStoreException noVersion(String what) {
    return new StateStoreException(
        ErrorKind.UNSUPPORTED,
        store + " returned no ETag or other version for " + what + "; conditional writes need it");
  }

  private static Landing ours(String version) {
    return version == null
        ? new Landing(Seen.OURS_WITHOUT_VERSION, null)
        : new Landing(Seen.OURS, new Version(version));
  }

  private static Landing other() {
    return new Landing(Seen.OTHER, null);
  }

  /** The MD5 of some bytes in lower-case hex, as S3 gives it as the ETag of a simple put. */
  static String md5Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }
}
