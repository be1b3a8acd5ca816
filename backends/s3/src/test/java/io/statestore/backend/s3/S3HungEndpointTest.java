package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An endpoint that accepts connections and never answers fails within the read timeout. */
class S3HungEndpointTest {
  private ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();
  private Thread acceptor;

  @BeforeEach
  void hungEndpoint() throws Exception {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket s = server.accept();
                  synchronized (accepted) {
                    accepted.add(s);
                  }
                }
              } catch (Exception e) {
                // closed
              }
            },
            "hung-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws Exception {
    server.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void aReadFromAnEndpointThatNeverAnswersTimesOut() {
    String uri =
        "s3://bucket/p?s3.endpoint_url=http://127.0.0.1:"
            + server.getLocalPort()
            + "&s3.read_timeout_seconds=1&s3.connect_timeout_seconds=1&fallback_dir=off";
    Map<String, String> props = Map.of("user", "AKIAEXAMPLE", "password", "not-a-real-secret");
    try (StateStore store =
        StateStores.open(
            uri, props, Environment.of(Map.of()), k -> false, BackendRegistry.load())) {
      long start = System.nanoTime();
      StateStoreException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> assertThrows(StateStoreException.class, () -> store.get("a")));
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      assertEquals(ErrorKind.TIMEOUT, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("s3.read_timeout_seconds"), e.getMessage());
      assertTrue(seconds <= 10, "took " + seconds + " s");
    }
  }
}
