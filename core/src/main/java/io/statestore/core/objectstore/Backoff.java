package io.statestore.core.objectstore;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The short pause before an object store request is asked again: 5 ms before the second attempt,
 * doubling for each further one, plus up to as much again at random so that competing clients fall
 * out of step. Eight attempts wait about 0.6 to 1.3 s in all.
 */
public final class Backoff {
  private Backoff() {}

  /**
   * Sleeps before attempt {@code attempt + 1}.
   *
   * @param attempt the attempt just made, from 1
   * @throws StateStoreException {@link ErrorKind#CANCELLED} when interrupted
   */
  public static void pause(int attempt) {
    long millis = 5L << Math.min(Math.max(attempt - 1, 0), 10);
    try {
      Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(ErrorKind.CANCELLED, "Interrupted while asking again", e);
    }
  }
}
