package io.statestore.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM-SHA-256 verifier (RFC 7677) in PostgreSQL's text form, {@code
 * SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}: what the server keeps instead of a
 * password. Its {@link #toString()} never shows the keys.
 */
final class ScramVerifier {
  static final String PREFIX = "SCRAM-SHA-256$";
  static final int DEFAULT_ITERATIONS = 4096;

  final int iterations;
  final byte[] salt;
  final byte[] storedKey;
  final byte[] serverKey;

  private ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    this.iterations = iterations;
    this.salt = salt;
    this.storedKey = storedKey;
    this.serverKey = serverKey;
  }

  /** Derives the verifier of a password with a fresh random salt. */
  static ScramVerifier create(char[] password, SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return derive(password, salt, DEFAULT_ITERATIONS);
  }

  static ScramVerifier derive(char[] password, byte[] salt, int iterations) {
    byte[] salted = saltedPassword(password, salt, iterations);
    byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
    byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
    Arrays.fill(salted, (byte) 0);
    return new ScramVerifier(iterations, salt, sha256(clientKey), serverKey);
  }

  /** Reads the text form; null when it is not one. */
  static ScramVerifier parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = text.substring(PREFIX.length()).split("\\$");
    if (parts.length != 2) {
      return null;
    }
    String[] iterSalt = parts[0].split(":");
    String[] keys = parts[1].split(":");
    if (iterSalt.length != 2 || keys.length != 2) {
      return null;
    }
    try {
      Base64.Decoder d = Base64.getDecoder();
      int iterations = Integer.parseInt(iterSalt[0]);
      byte[] stored = d.decode(keys[0]);
      byte[] server = d.decode(keys[1]);
      if (iterations < 1 || stored.length != 32 || server.length != 32) {
        return null;
      }
      return new ScramVerifier(iterations, d.decode(iterSalt[1]), stored, server);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  String encode() {
    Base64.Encoder e = Base64.getEncoder();
    return PREFIX
        + iterations
        + ":"
        + e.encodeToString(salt)
        + "$"
        + e.encodeToString(storedKey)
        + ":"
        + e.encodeToString(serverKey);
  }

  @Override
  public String toString() {
    return "ScramVerifier[SCRAM-SHA-256, " + iterations + " iterations]";
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** PBKDF2-HMAC-SHA-256 with one output block, the Hi() function of RFC 5802. */
  static byte[] saltedPassword(char[] password, byte[] salt, int iterations) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] pw = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      byte[] first = Arrays.copyOf(salt, salt.length + 4);
      first[salt.length + 3] = 1;
      byte[] u = hmac(pw, first);
      byte[] result = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = hmac(pw, u);
        for (int j = 0; j < result.length; j++) {
          result[j] ^= u[j];
        }
      }
      return result;
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }
}
