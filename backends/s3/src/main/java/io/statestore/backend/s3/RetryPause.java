package io.statestore.backend.s3;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.util.concurrent.ThreadLocalRandom;

/** The short, growing, jittered pause before an S3 request is asked again. */
final class RetryPause {
  private RetryPause() {}

  /** Sleeps about 20 ms times {@code attempt}; interruption is {@link ErrorKind#CANCELLED}. */
  static void pause(int attempt) {
    long millis = 20L * attempt + ThreadLocalRandom.current().nextLong(20);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(ErrorKind.CANCELLED, "Interrupted while retrying", e);
    }
  }
}
