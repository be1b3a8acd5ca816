package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.StateStore;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback endpoint that accepts TCP connections and never answers: a store that hangs. Closing
 * it closes every connection it accepted.
 */
public final class HungEndpoint implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();
  private volatile long firstAccepted;
  private volatile boolean anyAccepted;

  /** Starts listening on a free loopback port. */
  public HungEndpoint() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "hung-endpoint-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The endpoint's URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * When the first connection arrived ({@link System#nanoTime()}), or {@code fallback} if none has:
   * lets a test time what a store call did, apart from the work before the call (planning a
   * statement can take seconds on a busy machine).
   */
  public long firstAcceptedNanos(long fallback) {
    return anyAccepted ? firstAccepted : fallback;
  }

  /**
   * Asserts that reading a state from {@code store}, opened on this endpoint with one-second
   * timeouts, fails as a {@link ErrorKind#TIMEOUT} within ten seconds whose message names the
   * read-timeout setting {@code readTimeoutKey}; returns that failure for further checks.
   */
  public static StateStoreException assertReadTimesOut(StateStore store, String readTimeoutKey) {
    long start = System.nanoTime();
    StateStoreException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> assertThrows(StateStoreException.class, () -> store.get("a")));
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertEquals(ErrorKind.TIMEOUT, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains(readTimeoutKey), e.getMessage());
    assertTrue(seconds <= 10, "took " + seconds + " s");
    return e;
  }

  private void accept() {
    try {
      while (true) {
        Socket s = server.accept();
        if (!anyAccepted) {
          firstAccepted = System.nanoTime();
          anyAccepted = true;
        }
        synchronized (accepted) {
          accepted.add(s);
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      synchronized (accepted) {
        for (Socket s : accepted) {
          s.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
