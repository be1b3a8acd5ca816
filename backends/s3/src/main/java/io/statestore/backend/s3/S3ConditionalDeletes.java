package io.statestore.backend.s3;

import io.statestore.core.objectstore.Backoff;
import io.statestore.core.objectstore.ObjectStoreClient.Delete;
import io.statestore.core.objectstore.ObjectStoreClient.Head;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Compare-and-set deletes on S3 and S3-compatible stores, which honour {@code If-Match} on {@code
 * DeleteObject} to different degrees. What the store does is learnt on the first conditional
 * delete, and each later one is as few requests as that allows:
 *
 * <ul>
 *   <li>Amazon S3 (since September 2025) refuses a conditional delete with 412 when the ETag
 *       differs and with 404 when the object is gone: one {@code DeleteObject} with {@code
 *       If-Match} decides it all, with no HEAD before.
 *   <li>S3Proxy (4.1.0, the store the tests start) refuses a differing ETag with 412 but answers a
 *       conditional delete of a missing object with 204, like a delete that took effect. There a
 *       HEAD first compares the ETag and finds a vanished object, and the delete still carries
 *       {@code If-Match}, so that a change between the two is refused.
 *   <li>A store that refuses conditional deletes (501, or 400 naming the header) or deletes in
 *       spite of a differing {@code If-Match} gets a HEAD that compares the ETag, then a plain
 *       delete: a short race with other writers, logged once.
 * </ul>
 *
 * <p>The first conditional delete learns it this way: after a HEAD has shown the expected ETag, a
 * delete with another, well-formed ETag is sent. A 412 shows that the store checks it; a delete
 * with {@code If-Match} of a key that never exists then shows whether it refuses one for a missing
 * object. A store that deleted the object in spite of the differing ETag did just what the plain
 * fallback would have done right after that HEAD.
 */
final class S3ConditionalDeletes {
  private static final Logger LOG = LoggerFactory.getLogger(S3ConditionalDeletes.class);

  /** Appended to a key to name one that never exists, for the second question. */
  static final String PROBE_SUFFIX = ".if-match-probe";

  /** How conditional deletes are made on this store. */
  enum Mode {
    /** Not known yet: the next conditional delete finds out. */
    UNKNOWN,
    /** One {@code DeleteObject} with {@code If-Match}. */
    IF_MATCH,
    /** A HEAD comparing the ETag, then {@code DeleteObject} with {@code If-Match}. */
    HEAD_THEN_IF_MATCH,
    /** A HEAD comparing the ETag, then a plain {@code DeleteObject}. */
    HEAD_THEN_PLAIN
  }

  private final S3StoreClient client;
  private final String store;
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UNKNOWN);

  S3ConditionalDeletes(S3StoreClient client, String store) {
    this.client = client;
    this.store = store;
  }

  /** How conditional deletes are made now. */
  Mode mode() {
    return mode.get();
  }

  /** Deletes {@code key} only while its ETag is {@code eTag}. */
  Delete delete(String key, String eTag) {
    Mode now = mode.get();
    if (now == Mode.IF_MATCH) {
      return deleteIfMatch(key, eTag);
    }
    Optional<Head> current = head(key);
    if (current.isEmpty()) {
      return Delete.missing(false);
    }
    if (!ETags.same(current.get().version(), eTag)) {
      return Delete.refused(false);
    }
    return switch (now) {
      case HEAD_THEN_PLAIN -> {
        client.deleteObject(key, null);
        yield Delete.done();
      }
      case HEAD_THEN_IF_MATCH -> deleteIfMatch(key, eTag);
      default -> learn(key, eTag);
    };
  }

  private Delete deleteIfMatch(String key, String eTag) {
    S3Failures failures = client.failures();
    try {
      client.deleteObject(key, eTag);
      return Delete.done();
    } catch (SdkException e) {
      boolean retried = S3StoreClient.retried(e);
      if (failures.isConcurrentConditionalRequest(e)) {
        return Delete.busy(retried);
      }
      if (failures.status(e) == 412) {
        return Delete.refused(retried);
      }
      if (failures.isMissingKey(e)) {
        return Delete.missing(retried);
      }
      if (failures.refusesConditionalDeletes(e)) {
        plainFromNowOn("refuses conditional deletes (If-Match)");
        return delete(key, eTag);
      }
      throw e;
    }
  }

  /** The first conditional delete, right after a HEAD showed {@code eTag}. */
  private Delete learn(String key, String eTag) {
    S3Failures failures = client.failures();
    try {
      client.deleteObject(key, ETags.another(eTag));
      plainFromNowOn("deleted an object in spite of a differing If-Match");
      return Delete.done();
    } catch (SdkException e) {
      if (failures.refusesConditionalDeletes(e)) {
        plainFromNowOn("refuses conditional deletes (If-Match)");
        client.deleteObject(key, null);
        return Delete.done();
      }
      if (failures.isMissingKey(e)) {
        return Delete.missing(false);
      }
      if (failures.isConcurrentConditionalRequest(e)) {
        return Delete.busy(false);
      }
      if (failures.status(e) != 412) {
        throw e;
      }
    }
    Mode learnt = refusesMissing(key) ? Mode.IF_MATCH : Mode.HEAD_THEN_IF_MATCH;
    if (mode.compareAndSet(Mode.UNKNOWN, learnt)) {
      if (learnt == Mode.IF_MATCH) {
        LOG.debug("{} checks If-Match on deletes: each conditional delete is one request", store);
      } else {
        LOG.info(
            "{} checks If-Match on deletes of existing objects only (a missing one is answered"
                + " as deleted): each conditional delete compares ETags with a HEAD first",
            store);
      }
    }
    return deleteIfMatch(key, eTag);
  }

  /** Whether the store refuses a conditional delete of a key that does not exist. */
  private boolean refusesMissing(String key) {
    S3Failures failures = client.failures();
    try {
      client.deleteObject(key + PROBE_SUFFIX, ETags.another(""));
      return false;
    } catch (SdkException e) {
      int status = failures.status(e);
      if (status == 404 || status == 412) {
        return true;
      }
      LOG.debug("A conditional delete of a missing object in {} was answered {}", store, status, e);
      return false;
    }
  }

  private void plainFromNowOn(String why) {
    if (mode.getAndSet(Mode.HEAD_THEN_PLAIN) != Mode.HEAD_THEN_PLAIN) {
      LOG.warn(
          "{} {}; deleting after comparing ETags instead, which leaves a short race with other"
              + " writers",
          store,
          why);
    }
  }

  /** The object's metadata; an answer without an ETag is asked again a few times first. */
  private Optional<Head> head(String key) {
    for (int attempt = 1; ; attempt++) {
      Optional<Head> head = client.head(key);
      if (head.isEmpty() || head.get().version() != null || attempt >= 6) {
        return head;
      }
      Backoff.pause(attempt);
    }
  }
}
