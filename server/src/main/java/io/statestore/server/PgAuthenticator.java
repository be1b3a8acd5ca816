package io.statestore.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a client after its startup packet: SCRAM-SHA-256 against the users' verifiers (so
 * no password crosses the connection), the password itself over TLS when the server is configured
 * so (checked against the same verifier), or trust when the server was started so on a loopback
 * address. A failure is reported as PostgreSQL does, with SQLState 28P01 and the same message for
 * unknown users and wrong passwords.
 */
final class PgAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(PgAuthenticator.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int AUTH_OK = 0;
  private static final int AUTH_SASL = 10;
  private static final int AUTH_SASL_CONTINUE = 11;
  private static final int AUTH_SASL_FINAL = 12;

  private final ServerConfig config;
  private final DataInputStream in;
  private static final int AUTH_CLEARTEXT = 3;
  private final PgResponses out;
  private final boolean tls;

  PgAuthenticator(ServerConfig config, DataInputStream in, PgResponses out, boolean tls) {
    this.config = config;
    this.in = in;
    this.out = out;
    this.tls = tls;
  }

  /** True when the client may go on; else the client was told why and must be closed. */
  boolean authenticate(String user) throws IOException {
    if (config.isTrustLoopback()) {
      out.writer().begin('R').int32(AUTH_OK).end();
      return true;
    }
    ScramVerifier verifier = config.users() == null ? null : config.users().verifier(user);
    if (tls && config.isPasswordOverTls()) {
      return cleartext(user, verifier);
    }
    ScramExchange scram = new ScramExchange(verifier, RANDOM);
    out.writer().begin('R').int32(AUTH_SASL).cstring("SCRAM-SHA-256").int8(0).end();
    out.writer().flush();
    PgMessage first = read();
    if (first == null) {
      return false;
    }
    String mechanism = first.cstring();
    int len = first.int32();
    if (!mechanism.equals("SCRAM-SHA-256") || len < 0) {
      return refuse("28000", "SCRAM-SHA-256 is the only authentication method offered");
    }
    String serverFirst = scram.serverFirst(new String(first.bytes(len), StandardCharsets.UTF_8));
    if (serverFirst == null) {
      return refuse("08P01", "malformed SCRAM-SHA-256 message");
    }
    out.writer()
        .begin('R')
        .int32(AUTH_SASL_CONTINUE)
        .bytes(serverFirst.getBytes(StandardCharsets.UTF_8))
        .end();
    out.writer().flush();
    PgMessage fin = read();
    if (fin == null) {
      return false;
    }
    String serverFinal =
        scram.serverFinal(new String(fin.bytes(fin.remaining()), StandardCharsets.UTF_8));
    if (serverFinal == null) {
      LOG.info("Authentication failed for user {}", user);
      return refuse("28P01", "password authentication failed for user \"" + user + "\"");
    }
    out.writer()
        .begin('R')
        .int32(AUTH_SASL_FINAL)
        .bytes(serverFinal.getBytes(StandardCharsets.UTF_8))
        .end();
    out.writer().begin('R').int32(AUTH_OK).end();
    return true;
  }

  /** PostgreSQL's {@code password} method, over TLS only: the password checked, never kept. */
  private boolean cleartext(String user, ScramVerifier verifier) throws IOException {
    out.writer().begin('R').int32(AUTH_CLEARTEXT).end();
    out.writer().flush();
    PgMessage m = read();
    if (m == null) {
      return false;
    }
    char[] password = m.cstring().toCharArray();
    ScramVerifier known = verifier != null ? verifier : ScramVerifier.create(password, RANDOM);
    ScramVerifier given = ScramVerifier.derive(password, known.salt, known.iterations);
    java.util.Arrays.fill(password, ' ');
    if (verifier == null || !MessageDigest.isEqual(given.storedKey, verifier.storedKey)) {
      LOG.info("Authentication failed for user {}", user);
      return refuse("28P01", "password authentication failed for user \"" + user + "\"");
    }
    out.writer().begin('R').int32(AUTH_OK).end();
    return true;
  }

  /** The client's next password message, or null (after telling it) when it sent another. */
  private PgMessage read() throws IOException {
    char type = (char) in.readUnsignedByte();
    int len = in.readInt();
    if (type != 'p' || len < 4 || len > 65536) {
      refuse("08P01", "expected a password message during authentication");
      return null;
    }
    byte[] body = new byte[len - 4];
    in.readFully(body);
    return new PgMessage(type, body);
  }

  private boolean refuse(String sqlState, String message) throws IOException {
    out.error("FATAL", sqlState, message);
    out.writer().flush();
    return false;
  }
}
