package io.statestore.core.objectstore;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Maps the failures of one object store's SDK onto {@link ErrorKind}s, by HTTP status first, with
 * messages that name the store, the container, the endpoint and where the credentials came from,
 * never a secret. The service's own messages are not copied into ours (some echo what the request
 * signed); the SDK exception stays as the cause.
 *
 * <p>In order: a call without an answer that timed out is {@link ErrorKind#TIMEOUT}, an interrupted
 * one {@link ErrorKind#CANCELLED}; the cloud's own rules ({@link Reader#special}) come next;
 * another call without an answer is {@link ErrorKind#UNAVAILABLE}; then a missing container is
 * {@link ErrorKind#INVALID_CONFIGURATION}, 401, 403 and the cloud's denial codes {@link
 * ErrorKind#DENIED}, 408 and 504 {@link ErrorKind#TIMEOUT}, and every other answer {@link
 * ErrorKind#UNAVAILABLE}.
 */
public final class ObjectStoreErrors {

  /** How one SDK's failures read: what only that SDK knows. */
  public interface Reader {
    /** The HTTP status of a failure, or 0 when no answer came. */
    int status(RuntimeException e);

    /** The service's error code of a failure, or {@code ""}. */
    String code(RuntimeException e);

    /** Whether an answer says the container (bucket) itself does not exist. */
    boolean isMissingContainer(int status, String code);

    /** Whether an answer's code, whatever its status, means the credentials were refused. */
    default boolean isDeniedCode(String code) {
      return false;
    }

    /** Whether a failure is the SDK's own timeout, besides the JDK's socket and HTTP ones. */
    default boolean isTimeout(Throwable t) {
      return false;
    }

    /**
     * This cloud's reading of a failure, before the common rules, or empty for none.
     *
     * @param answer e.g. {@code S3 answered 301 PermanentRedirect}, or {@code null} without one
     */
    default Optional<Special> special(RuntimeException e, int status, String code, String answer) {
      return Optional.empty();
    }
  }

  /**
   * A cloud's own reading of one failure.
   *
   * @param kind the kind to report
   * @param detail what follows {@code Failed <action> in <store>: } in the message
   */
  public record Special(ErrorKind kind, String detail) {
    public Special {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * What messages say about one store.
   *
   * @param service the service's name, e.g. {@code Cloud Storage}
   * @param location the store's container and prefix
   * @param word the service's word for a container, e.g. {@code bucket}
   * @param endpoint where requests go, safe to show (no user info, no query)
   * @param refused what the service refused when it denies a request, e.g. {@code the credentials
   *     from setting s3.aws_access_key_id}; never a secret
   * @param check what to check then, e.g. {@code check the key and the permissions on bucket 'b'}
   * @param timeoutSettings the settings that bound the wait for an answer, e.g. {@code
   *     s3.connect_timeout_seconds, s3.read_timeout_seconds}
   */
  public record Naming(
      String service,
      ObjectStoreLocation location,
      String word,
      String endpoint,
      String refused,
      String check,
      String timeoutSettings) {
    public Naming {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(location, "location");
    }
  }

  private final Naming naming;
  private final Reader reader;

  public ObjectStoreErrors(Naming naming, Reader reader) {
    this.naming = Objects.requireNonNull(naming, "naming");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The SDK's reading of failures, for backends that act on a status or code themselves. */
  public Reader reader() {
    return reader;
  }

  /**
   * Translates a failure that no operation-specific rule handled.
   *
   * @param action what was being done, e.g. {@code reading state.json of state_id 'x'}
   */
  public StateStoreException translate(RuntimeException e, String action) {
    if (e instanceof StateStoreException s) {
      return s;
    }
    String where = "Failed " + action + " in " + naming.location() + ": ";
    int status = reader.status(e);
    if (status == 0 && isTimeout(e)) {
      return noAnswer(e, where, true);
    }
    if (isInterrupted(e)) {
      Thread.currentThread().interrupt();
      return new StateStoreException(ErrorKind.CANCELLED, where + "interrupted", e);
    }
    String code = reader.code(e);
    String answer =
        status == 0
            ? null
            : naming.service() + " answered " + status + (code.isEmpty() ? "" : " " + code);
    Optional<Special> special = reader.special(e, status, code, answer);
    if (special.isPresent()) {
      return new StateStoreException(special.get().kind(), where + special.get().detail(), e);
    }
    if (status == 0) {
      return noAnswer(e, where, false);
    }
    if (reader.isMissingContainer(status, code)) {
      return missingContainer(e, action, answer);
    }
    if (status == 401 || status == 403 || reader.isDeniedCode(code)) {
      return new StateStoreException(
          ErrorKind.DENIED,
          where + answer + ": the store refused " + naming.refused() + " (" + naming.check() + ")",
          e);
    }
    boolean retried = status == 408 || status == 429 || status >= 500;
    String message = where + answer + (retried ? " after retries" : "");
    if (status == 408 || status == 504) {
      return new StateStoreException(ErrorKind.TIMEOUT, message, e);
    }
    return new StateStoreException(ErrorKind.UNAVAILABLE, message, e);
  }

  /**
   * The error that the container does not exist.
   *
   * @param answer the service's answer, or {@code null} when an answer that does not tell a missing
   *     container from a missing object was checked otherwise
   */
  public StateStoreException missingContainer(
      RuntimeException cause, String action, String answer) {
    return new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        "Failed "
            + action
            + " in "
            + naming.location()
            + ": the "
            + naming.word()
            + " '"
            + naming.location().container()
            + "' does not exist at "
            + naming.endpoint()
            + (answer == null ? "" : " (" + answer + ")")
            + "; create it or fix the URI",
        cause);
  }

  /** A failure without an answer: it timed out, or the store could not be reached. */
  private StateStoreException noAnswer(RuntimeException e, String where, boolean timedOut) {
    String what =
        timedOut
            ? " at " + naming.endpoint() + " did not answer in time (" + naming.timeoutSettings()
            : " could not be reached at " + naming.endpoint() + " (" + describeCause(e);
    return new StateStoreException(
        timedOut ? ErrorKind.TIMEOUT : ErrorKind.UNAVAILABLE,
        where + naming.service() + what + ")",
        e);
  }

  private boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof TimeoutException
          || reader.isTimeout(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean isInterrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof ClosedByInterruptException
          || (t instanceof InterruptedIOException
              && !t.getClass().getSimpleName().contains("Timeout"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  /** The innermost cause's type and message, with anything secret-looking redacted. */
  static String describeCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String type = root.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? type
        : type + ": " + StoreLocation.redact(message);
  }
}
