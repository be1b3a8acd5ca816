package io.statestore.backend.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pass-through HTTP proxy in front of S3Proxy that runs the writes of one key one at a time, so
 * that {@code If-Match} is atomic as on Amazon S3.
 *
 * <p>S3Proxy checks {@code If-Match} with a read followed by an unconditional write, so two racing
 * compare-and-set writes can both win; its {@code If-None-Match: *} is atomic (it publishes the
 * object with a hard link) and passes through here unserialized. Reads are never serialized, so a
 * client that compared versions itself (read, then an unconditional write) would still lose the
 * contract's races. Requests are forwarded byte for byte (SigV4 signatures stay valid), one request
 * per connection ({@code Connection: close}). It can also answer conditional deletes of missing
 * keys as Amazon S3 does ({@link #answerConditionalDeletesOfMissingKeys}), and inject faults.
 */
final class WriteSerializingProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteSerializingProxy.class);
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final ServerSocket server;
  private final int upstreamPort;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "s3-write-serializer");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final AtomicReference<String> dropResponse = new AtomicReference<>();
  private final AtomicReference<Predicate<String>> keyExists = new AtomicReference<>();
  private final AtomicBoolean asAmazonS3 = new AtomicBoolean(true);
  private final AtomicBoolean refuseConditionalDeletes = new AtomicBoolean();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Queue<ETagFault> eTagFaults = new ConcurrentLinkedQueue<>();

  /**
   * Answers the next {@code times} successful {@code method} requests to a path ending in {@code
   * pathSuffix} without their {@code ETag} header, as S3Proxy's file stores do for a read that
   * races a replacement of the object; {@code beforeAnswer} runs once the store has answered and
   * before the client gets the answer (e.g. another writer replacing the object).
   */
  void stripETag(String method, String pathSuffix, int times, Runnable beforeAnswer) {
    eTagFaults.add(new ETagFault(method, pathSuffix, new AtomicInteger(times), beforeAnswer));
  }

  /**
   * Answers a {@code DELETE} with {@code If-Match} of a key that does not exist with {@code 404
   * NoSuchKey}, as Amazon S3 does (S3Proxy deletes nothing and answers 204), deciding under the
   * key's write lock with {@code exists}, which is given the request path; {@code null} passes such
   * deletes to S3Proxy.
   */
  void answerConditionalDeletesOfMissingKeys(Predicate<String> exists) {
    keyExists.set(exists);
  }

  /** Whether conditional deletes of missing keys are answered as Amazon S3 answers them. */
  boolean answersConditionalDeletesOfMissingKeys() {
    return keyExists.get() != null && asAmazonS3.get();
  }

  /**
   * Passes conditional deletes of missing keys to S3Proxy (which answers 204) while {@code
   * passThrough} is true, even where {@link #answerConditionalDeletesOfMissingKeys} was set.
   */
  void passConditionalDeletesOfMissingKeys(boolean passThrough) {
    asAmazonS3.set(!passThrough);
  }

  /**
   * Answers every {@code DELETE} with {@code If-Match} with {@code 501 NotImplemented}, as a store
   * without conditional deletes does, while {@code refuse} is true.
   */
  void refuseConditionalDeletes(boolean refuse) {
    refuseConditionalDeletes.set(refuse);
  }

  /** How many requests of a method reached the proxy since the last {@link #resetCounts()}. */
  int requests(String method) {
    AtomicInteger n = requests.get(method);
    return n == null ? 0 : n.get();
  }

  /** Sets every request count to 0. */
  void resetCounts() {
    requests.clear();
  }

  /** Forgets the faults {@link #stripETag} set that are still pending. */
  void clearETagFaults() {
    eTagFaults.clear();
  }

  private record ETagFault(
      String method, String pathSuffix, AtomicInteger left, Runnable beforeAnswer) {
    boolean take(String m, String path) {
      if (!m.equals(method) || !path.endsWith(pathSuffix)) {
        return false;
      }
      return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
  }

  /** Starts forwarding from a free port on 127.0.0.1 to {@code upstreamPort} there. */
  WriteSerializingProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  /**
   * Makes the next write to a path ending in {@code pathSuffix} take effect but lose its answer:
   * the connection closes without a response, as when a network drops it, and the client retries.
   */
  void dropNextResponse(String pathSuffix) {
    dropResponse.set(pathSuffix);
  }

  /** The port clients connect to. */
  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pool.execute(() -> handle(client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("Proxy accept failed", e);
        }
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
      String method = requestLine[0];
      String path = requestLine[1].split("\\?", 2)[0];
      String lower = text.toLowerCase(Locale.ROOT);
      boolean write = method.equals("PUT") || method.equals("DELETE") || method.equals("POST");
      boolean createOnly = lower.contains("\r\nif-none-match:");
      boolean conditionalDelete = method.equals("DELETE") && lower.contains("\r\nif-match:");
      requests.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
      ReentrantLock lock =
          write && !createOnly ? locks.computeIfAbsent(path, k -> new ReentrantLock()) : null;
      if (lock != null) {
        lock.lock();
      }
      boolean answered = true;
      try {
        answered = conditionalDelete && answerInstead(client, in, path, contentLength(lower));
      } finally {
        if (answered && lock != null) {
          lock.unlock();
        }
      }
      if (answered) {
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
        OutputStream up = upstream.getOutputStream();
        up.write(withConnectionClose(text).getBytes(StandardCharsets.ISO_8859_1));
        up.flush();
        long length = contentLength(lower);
        pool.execute(() -> copyBody(in, up, length));
        String drop = dropResponse.get();
        if (write
            && drop != null
            && path.endsWith(drop)
            && dropResponse.compareAndSet(drop, null)) {
          InputStream answer = new BufferedInputStream(upstream.getInputStream());
          byte[] first = readHead(answer);
          if (first != null && new String(first, StandardCharsets.ISO_8859_1).contains(" 100 ")) {
            client.getOutputStream().write(first); // let the client send its body
            client.getOutputStream().flush();
          }
          answer.transferTo(OutputStream.nullOutputStream());
          return;
        }
        InputStream answer = new BufferedInputStream(upstream.getInputStream());
        byte[] status = readHead(answer);
        while (status != null && isInterim(status)) {
          client.getOutputStream().write(status);
          client.getOutputStream().flush();
          status = readHead(answer);
        }
        if (status == null) {
          return;
        }
        String reply = new String(status, StandardCharsets.ISO_8859_1);
        if (isSuccess(reply)) {
          for (ETagFault fault : eTagFaults) {
            if (fault.take(method, path)) {
              if (lock != null && lock.isHeldByCurrentThread()) {
                lock.unlock(); // the store has answered: let the fault's own writes through
              }
              fault.beforeAnswer().run();
              reply = withoutETag(reply);
              break;
            }
          }
          if (!reply.toLowerCase(Locale.ROOT).contains("\r\netag:")
              && (method.equals("GET") || method.equals("HEAD") || method.equals("PUT"))
              && path.indexOf('/', 1) > 0
              && !path.endsWith("/")
              && !requestLine[1].contains("?")) {
            LOG.warn(
                "Successful answer without an ETag to {} {}: {}",
                method,
                path,
                reply.substring(0, reply.indexOf("\r\n")));
          }
        }
        client.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
        answer.transferTo(client.getOutputStream());
      } finally {
        if (lock != null && lock.isHeldByCurrentThread()) {
          lock.unlock();
        }
      }
    } catch (SocketException e) {
      LOG.debug("Proxy connection ended", e);
    } catch (IOException e) {
      LOG.warn("Proxy request failed", e);
    }
  }

  /**
   * Answers a conditional delete here when a fault or Amazon S3's behaviour calls for it (the
   * caller holds the key's write lock).
   */
  private boolean answerInstead(Socket client, InputStream in, String path, long bodyLength)
      throws IOException {
    Predicate<String> exists = keyExists.get();
    String answer;
    if (refuseConditionalDeletes.get()) {
      answer = error(501, "Not Implemented", "NotImplemented");
    } else if (exists != null && asAmazonS3.get() && !exists.test(path)) {
      answer = error(404, "Not Found", "NoSuchKey");
    } else {
      return false;
    }
    in.skipNBytes(bodyLength);
    client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
    client.getOutputStream().flush();
    return true;
  }

  private static String error(int status, String reason, String code) {
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + reason
            + "</Message></Error>";
    return "HTTP/1.1 "
        + status
        + " "
        + reason
        + "\r\nContent-Type: application/xml\r\nContent-Length: "
        + body.length()
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  private static boolean isInterim(byte[] head) {
    return head.length > 12 && head[9] == '1';
  }

  private static boolean isSuccess(String head) {
    return head.length() > 12 && head.charAt(9) == '2';
  }

  private static String withoutETag(String head) {
    StringBuilder sb = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("etag:")) {
        sb.append(line).append("\r\n");
      }
    }
    return sb.append("\r\n").toString();
  }

  private static void copyBody(InputStream in, OutputStream up, long length) {
    try {
      byte[] buf = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          return;
        }
        up.write(buf, 0, n);
        left -= n;
      }
      up.flush();
    } catch (IOException e) {
      LOG.debug("Request body not forwarded (answered early)", e);
    }
  }

  private static long contentLength(String lowerHead) {
    if (lowerHead.contains("\r\ntransfer-encoding:")) {
      throw new IllegalStateException("chunked request bodies are not supported by the test proxy");
    }
    int i = lowerHead.indexOf("\r\ncontent-length:");
    if (i < 0) {
      return 0;
    }
    int start = i + "\r\ncontent-length:".length();
    return Long.parseLong(lowerHead.substring(start, lowerHead.indexOf("\r\n", start)).strip());
  }

  private static String withConnectionClose(String head) {
    StringBuilder sb = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        continue;
      }
      sb.append(line).append("\r\n");
    }
    return sb.append("Connection: close\r\n\r\n").toString();
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int matched = 0;
    while (out.size() < MAX_HEAD_BYTES) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      out.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return out.toByteArray();
      }
    }
    throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
