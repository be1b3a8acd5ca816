package io.statestore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy that makes a server look far away: it holds the first bytes of the answer to
 * every HTTP request for a fixed delay before passing them on, and passes everything else through
 * at once. A request begins where the client sends a method and a path ({@code GET /...}) after the
 * server has answered the previous one (or on a new connection); a body sent after {@code 100
 * Continue}, or after an early answer, is no new request. The delay is added on the way back rather
 * than on the way in, so that the server sees each request at once and does not close a kept-alive
 * connection under a request the proxy still holds. Each connection has a thread per direction, so
 * requests on different connections wait side by side, as they would on a real network.
 */
public final class DelayingProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DelayingProxy.class);
  private static final int BUFFER = 64 * 1024;

  private final ServerSocket server;
  private final int targetPort;
  private final long delayMillis;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final Thread acceptor;

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param targetPort the loopback port of the server
   * @param delayMillis the delay added to each request
   */
  public DelayingProxy(int targetPort, long delayMillis) throws IOException {
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.delayMillis = delayMillis;
    this.acceptor = new Thread(this::acceptLoop, "delaying-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Requests seen (and answers delayed) so far. */
  public long requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        Connection c = new Connection(client, upstream);
        start(c::clientToServer, "proxy-up-" + client.getPort());
        start(c::serverToClient, "proxy-down-" + client.getPort());
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("The delaying proxy could not accept or reach port {}", targetPort, e);
        }
      }
    }
  }

  private static void start(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  /** One client connection and its connection to the server. */
  private final class Connection {
    private final Socket client;
    private final Socket upstream;
    private volatile boolean awaitingRequest = true;
    private volatile boolean answerPending;

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void clientToServer() {
      byte[] buf = new byte[BUFFER];
      try (InputStream in = client.getInputStream();
          OutputStream out = upstream.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          // Only a request's start clears the flag: the rest of a body the server answered early
          // (a 412 to a conditional write) must not hide the next request.
          if (awaitingRequest && startsRequest(buf, n)) {
            awaitingRequest = false;
            answerPending = true;
            requests.incrementAndGet();
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // The other side closed the connection, or the proxy was closed.
      } finally {
        closeBoth();
      }
    }

    void serverToClient() {
      byte[] buf = new byte[BUFFER];
      try (InputStream in = upstream.getInputStream();
          OutputStream out = client.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (answerPending) {
            answerPending = false;
            Thread.sleep(delayMillis);
          }
          awaitingRequest = true;
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // The other side closed the connection, or the proxy was closed.
      } finally {
        closeBoth();
      }
    }

    private void closeBoth() {
      quietClose(client);
      quietClose(upstream);
    }
  }

  /** Whether a chunk starts with an HTTP method in capitals, a space and a slash. */
  static boolean startsRequest(byte[] buf, int n) {
    int i = 0;
    while (i < n && i < 8 && buf[i] >= 'A' && buf[i] <= 'Z') {
      i++;
    }
    return i >= 3 && i + 1 < n && buf[i] == ' ' && buf[i + 1] == '/';
  }

  private void quietClose(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      quietClose(s);
    }
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "delaying proxy 127.0.0.1:" + port() + " → " + targetPort + ", " + delayMillis + " ms";
  }
}
