package io.statestore.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback endpoint that accepts TCP connections and never answers: a store that hangs. Closing
 * it closes every connection it accepted.
 */
public final class HungEndpoint implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();

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

  private void accept() {
    try {
      while (true) {
        Socket s = server.accept();
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
