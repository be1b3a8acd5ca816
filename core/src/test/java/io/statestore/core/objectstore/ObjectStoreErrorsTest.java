package io.statestore.core.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error-mapping skeleton: HTTP status and code to {@link ErrorKind}, with safe messages. */
class ObjectStoreErrorsTest {

  /** A failure of a fake SDK, with an HTTP status and a service code. */
  static final class Answered extends RuntimeException {
    final int status;
    final String code;

    Answered(int status, String code) {
      super("the service said: key=s3cr3t " + code);
      this.status = status;
      this.code = code;
    }
  }

  /** How the fake SDK's failures read; its own rule: 418 is a wrong region. */
  static final ObjectStoreErrors.Reader READER =
      new ObjectStoreErrors.Reader() {
        @Override
        public int status(RuntimeException e) {
          return e instanceof Answered a ? a.status : 0;
        }

        @Override
        public String code(RuntimeException e) {
          return e instanceof Answered a ? a.code : "";
        }

        @Override
        public boolean isMissingContainer(int status, String code) {
          return code.equals("NoSuchBucket");
        }

        @Override
        public boolean isDeniedCode(String code) {
          return code.equals("ExpiredToken");
        }

        @Override
        public Optional<ObjectStoreErrors.Special> special(
            RuntimeException e, int status, String code, String answer) {
          return status == 418
              ? Optional.of(
                  new ObjectStoreErrors.Special(
                      ErrorKind.INVALID_CONFIGURATION, answer + ": set the region"))
              : Optional.empty();
        }
      };

  private final ObjectStoreErrors errors =
      new ObjectStoreErrors(
          new ObjectStoreErrors.Naming(
              "Fake Storage",
              ObjectStoreLocation.of("fake", "bkt", "p"),
              "bucket",
              "http://127.0.0.1:9",
              "the credentials from setting fake.key",
              "check the key",
              "fake.connect_timeout_seconds, fake.read_timeout_seconds"),
          READER);

  private StateStoreException translate(RuntimeException e) {
    StateStoreException s = errors.translate(e, "reading x");
    assertTrue(s.getMessage().startsWith("Failed reading x in fake://bkt/p: "), s.getMessage());
    assertFalse(s.getMessage().contains("s3cr3t"), "the service's message is not copied");
    assertSame(e, s.getCause());
    return s;
  }

  @ParameterizedTest
  @CsvSource({
    "404, NoSuchBucket, INVALID_CONFIGURATION",
    "401, '', DENIED",
    "403, AccessDenied, DENIED",
    "400, ExpiredToken, DENIED",
    "418, Teapot, INVALID_CONFIGURATION",
    "408, '', TIMEOUT",
    "504, GatewayTimeout, TIMEOUT",
    "429, SlowDown, UNAVAILABLE",
    "500, InternalError, UNAVAILABLE",
    "400, BadRequest, UNAVAILABLE",
  })
  void answersMapByStatusAndCode(int status, String code, ErrorKind kind) {
    StateStoreException e = translate(new Answered(status, code));
    assertEquals(kind, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("Fake Storage answered " + status), e.getMessage());
  }

  @Test
  void messagesNameWhatToFix() {
    assertTrue(
        translate(new Answered(404, "NoSuchBucket"))
            .getMessage()
            .contains("the bucket 'bkt' does not exist at http://127.0.0.1:9"));
    assertTrue(
        translate(new Answered(403, "AccessDenied"))
            .getMessage()
            .contains("refused the credentials from setting fake.key (check the key)"));
    assertTrue(translate(new Answered(503, "")).getMessage().endsWith("after retries"));
  }

  @Test
  void withoutAnAnswerATimeoutNamesItsSettingsAndElseTheStoreIsUnreachable() {
    StateStoreException timeout =
        translate(new UncheckedIOException(new SocketTimeoutException("Read timed out")));
    assertEquals(ErrorKind.TIMEOUT, timeout.kind());
    assertTrue(timeout.getMessage().contains("fake.read_timeout_seconds"), timeout.getMessage());

    StateStoreException down =
        translate(new UncheckedIOException(new IOException("Connection refused: key=s3cr3t")));
    assertEquals(ErrorKind.UNAVAILABLE, down.kind());
    assertTrue(
        down.getMessage().contains("could not be reached at http://127.0.0.1:9"),
        down.getMessage());
  }

  @Test
  void anInterruptedCallIsCancelled() {
    StateStoreException e = translate(new UncheckedIOException(new InterruptedIOException()));
    assertEquals(ErrorKind.CANCELLED, e.kind());
    assertTrue(Thread.interrupted(), "the interrupt is kept");
  }

  @Test
  void aStateStoreExceptionPassesThrough() {
    StateStoreException mine = new StateStoreException(ErrorKind.CONFLICT, "as it was");
    assertSame(mine, errors.translate(mine, "reading x"));
  }
}
