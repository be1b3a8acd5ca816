package io.statestore.core.objectstore;

import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * States in an object store (S3, Azure Blob Storage, Cloud Storage), in Meltano's layout: {@code
 * <prefix>/<state_id>/state.json} and {@code <prefix>/<state_id>/lock}, over one cloud's {@link
 * ObjectStoreClient}.
 *
 * <p>Each write is one put, create-if-absent and compare-and-set are the store's own conditional
 * put, and a compare-and-set delete its conditional delete: the store decides every race. What
 * every cloud needs around that is done here, once:
 *
 * <ul>
 *   <li>A read whose answer lacks a version, or describes a version replaced before its bytes were
 *       read, is asked again; only a store that never shows a version is {@link
 *       ErrorKind#UNSUPPORTED}, and one that keeps replacing the object {@link ErrorKind#CONFLICT}.
 *   <li>A conditional put refused after the SDK sent it more than once, whose earlier attempt may
 *       have written it and lost the answer, is checked: if the object now there is this write's
 *       own, the write is done. A conditional delete refused so is done if the object is gone.
 *   <li>A put answered without a version is confirmed the same way. If the object is gone or
 *       another writer's, the write is reported as lost to that writer ({@link
 *       ErrorKind#ALREADY_EXISTS} for a new lock, else {@link ErrorKind#CONFLICT}), so a lock
 *       attempt is simply made again; a lock that cannot be confirmed by version is removed again.
 *   <li>A concurrent request the store refused ({@link ObjectStoreClient.Outcome#BUSY}) is asked
 *       again a few times.
 *   <li>Listings are lazy, page by page, in id order ({@link IdOrder}).
 * </ul>
 *
 * <p>Thread-safe when the client is. {@link #close()} closes the client.
 */
public final class ObjectStoreBackend implements StateBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreBackend.class);
  private static final int BUSY_ATTEMPTS = 5;

  private final ObjectStoreClient client;
  private final ObjectStoreErrors errors;
  private final ObjectStoreLocation location;
  private final ObjectKeyLayout layout;
  private final StateIdRule idRule;
  private final int pageSize;
  private final AnswerChecks checks;

  /**
   * @param client the cloud's client, owned (closed) by this backend from now on
   * @param errors how the cloud's failures are reported
   * @param location the container and prefix
   * @param idRule the ids the store can hold, e.g. from {@link ObjectKeyLayout#idRule}
   * @param pageSize keys per listing page
   */
  public ObjectStoreBackend(
      ObjectStoreClient client,
      ObjectStoreErrors errors,
      ObjectStoreLocation location,
      StateIdRule idRule,
      int pageSize) {
    this.client = Objects.requireNonNull(client, "client");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.location = Objects.requireNonNull(location, "location");
    this.layout = location.layout();
    this.idRule = Objects.requireNonNull(idRule, "idRule");
    this.pageSize = pageSize;
    this.checks = new AnswerChecks(client, errors, location.describe());
  }

  /** The cloud's client, e.g. to ask it where its credentials came from. */
  public ObjectStoreClient client() {
    return client;
  }

  /** The container and prefix. */
  public ObjectStoreLocation location() {
    return location;
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    String what = what(stateId, kind);
    Optional<ObjectStoreClient.Fetched> got = checks.fetch(layout.key(stateId, kind), what);
    if (got.isEmpty()) {
      return Optional.empty();
    }
    ObjectStoreClient.Fetched f = got.get();
    if (f.replaced()) {
      throw new StateStoreException(
          ErrorKind.CONFLICT,
          "Failed reading "
              + what
              + " in "
              + describe()
              + ": another writer replaced it "
              + AnswerChecks.ATTEMPTS
              + " times while it was being read; try again");
    }
    if (f.version() == null) {
      throw checks.noVersion(what);
    }
    return Optional.of(new StoredObject(f.content(), f.lastModified(), new Version(f.version())));
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return new ObjectListing(client, errors, layout, kind, prefix, pageSize).stream();
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    String key = layout.key(stateId, kind);
    String what = what(stateId, kind);
    ObjectStoreClient.Write write =
        new ObjectStoreClient.Write(content, UUID.randomUUID().toString());
    ObjectStoreClient.Put put =
        untilNotBusy(() -> client.put(key, write, precondition), "writing " + what);
    if (put.outcome() == ObjectStoreClient.Outcome.DONE) {
      LOG.debug("Wrote {} ({} bytes) in {}", what, content.length, describe());
      return put.version() != null
          ? new Version(put.version())
          : confirmUnversioned(key, write, what, kind, precondition);
    }
    if (put.retried()) {
      Optional<Version> ours = ownEarlierAttempt(key, write, what, kind);
      if (ours.isPresent()) {
        return ours.get();
      }
    }
    if (precondition instanceof Precondition.Absent) {
      throw new StateStoreException(ErrorKind.ALREADY_EXISTS, what + " exists in " + describe());
    }
    throw changed(what);
  }

  /**
   * After a conditional put was refused on a retry: the version now stored if it is this write's,
   * i.e. an earlier attempt succeeded and only its answer was lost. A lock of ours that shows no
   * version is removed, so that the refusal makes the caller simply try the lock again.
   */
  private Optional<Version> ownEarlierAttempt(
      String key, ObjectStoreClient.Write write, String what, ObjectKind kind) {
    AnswerChecks.Landing landing;
    try {
      landing = checks.landed(key, write, what);
    } catch (StateStoreException e) {
      LOG.debug("Could not check a retried write of {}", what, e);
      return Optional.empty();
    }
    if (landing.seen() == AnswerChecks.Seen.OURS) {
      LOG.info(
          "A retried write of {} in {} found its own earlier attempt stored; taking it as done",
          what,
          describe());
      return Optional.of(landing.version());
    }
    if (landing.seen() == AnswerChecks.Seen.OURS_WITHOUT_VERSION && kind == ObjectKind.LOCK) {
      checks.removeIfStillOurs(key, write, what);
    }
    return Optional.empty();
  }

  /**
   * The version of an object just written whose answer carried none: taken when the object is this
   * write's own. Otherwise another writer removed or replaced it since, and the write is reported
   * as lost to that writer. A store that never shows versions is {@link ErrorKind#UNSUPPORTED}; a
   * lock written there is removed again.
   */
  private Version confirmUnversioned(
      String key,
      ObjectStoreClient.Write write,
      String what,
      ObjectKind kind,
      Precondition precondition) {
    AnswerChecks.Landing landing = checks.landed(key, write, what);
    switch (landing.seen()) {
      case OURS -> {
        LOG.debug("The write of {} answered without a version; found ours", what);
        return landing.version();
      }
      case OURS_WITHOUT_VERSION -> {
        if (kind == ObjectKind.LOCK) {
          checks.removeIfStillOurs(key, write, what);
        }
        throw checks.noVersion(what);
      }
      default -> {
        String message =
            what
                + " in "
                + describe()
                + " was "
                + (landing.seen() == AnswerChecks.Seen.GONE ? "removed" : "replaced")
                + " by another writer right after this write";
        LOG.info("The write of {} answered without a version, and {}", what, message);
        throw new StateStoreException(
            kind == ObjectKind.LOCK && precondition instanceof Precondition.Absent
                ? ErrorKind.ALREADY_EXISTS
                : ErrorKind.CONFLICT,
            message);
      }
    }
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    String key = layout.key(stateId, kind);
    String what = what(stateId, kind);
    ObjectStoreClient.Delete d =
        untilNotBusy(() -> client.delete(key, precondition), "deleting " + what);
    boolean conditional = precondition instanceof Precondition.Matches;
    switch (d.outcome()) {
      case DONE -> {
        LOG.debug("Deleted {} in {}", what, describe());
        return true;
      }
      case MISSING -> {
        if (!conditional) {
          return false;
        }
        if (d.retried()) {
          LOG.info("A retried delete of {} in {} found it gone", what, describe());
          return true;
        }
        throw changed(what);
      }
      default -> {
        if (d.retried() && checks.isGone(key, what)) {
          // An earlier attempt of ours deleted it; only its answer was lost.
          LOG.info("A retried delete of {} in {} found it gone", what, describe());
          return true;
        }
        throw changed(what);
      }
    }
  }

  /** Runs a put or delete, asking again while the store refuses it as a concurrent request. */
  private <T> T untilNotBusy(Supplier<T> request, String action) {
    for (int attempt = 1; ; attempt++) {
      T answer = checks.call(request, action);
      boolean busy =
          answer instanceof ObjectStoreClient.Put p && p.outcome() == ObjectStoreClient.Outcome.BUSY
              || answer instanceof ObjectStoreClient.Delete d
                  && d.outcome() == ObjectStoreClient.Outcome.BUSY;
      if (!busy || attempt >= BUSY_ATTEMPTS) {
        return answer;
      }
      Backoff.pause(attempt);
    }
  }

  private StateStoreException changed(String what) {
    return new StateStoreException(
        ErrorKind.CONFLICT, what + " changed or was removed meanwhile in " + describe());
  }

  private static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id " + StateIds.quote(stateId);
  }

  @Override
  public StateIdRule idRule() {
    return idRule;
  }

  @Override
  public String describe() {
    return location.describe();
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return describe();
  }
}
