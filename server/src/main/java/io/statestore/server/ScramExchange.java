package io.statestore.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's side of one SCRAM-SHA-256 authentication (RFC 5802, RFC 7677, without channel
 * binding). For an unknown user it runs the same exchange with a made-up verifier and fails at the
 * end, so a client cannot tell unknown users from wrong passwords.
 */
final class ScramExchange {
  private final ScramVerifier verifier;
  private final boolean known;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  ScramExchange(ScramVerifier verifier, SecureRandom random) {
    this.known = verifier != null;
    this.verifier =
        known ? verifier : ScramVerifier.derive(new char[] {'x'}, randomBytes(random, 16), 4096);
    byte[] serverNonce = randomBytes(random, 18);
    this.nonce = Base64.getEncoder().encodeToString(serverNonce);
  }

  private static byte[] randomBytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /**
   * Answers the client-first message ({@code n,,n=user,r=nonce}); null when it is malformed or asks
   * for channel binding.
   */
  String serverFirst(String clientFirst) {
    if (!(clientFirst.startsWith("n,") || clientFirst.startsWith("y,"))) {
      return null;
    }
    int bare = clientFirst.indexOf(',', 2);
    if (bare < 0) {
      return null;
    }
    clientFirstBare = clientFirst.substring(bare + 1);
    String clientNonce = attribute(clientFirstBare, 'r');
    if (clientNonce == null || clientNonce.isEmpty()) {
      return null;
    }
    nonce = clientNonce + nonce;
    serverFirst =
        "r="
            + nonce
            + ",s="
            + Base64.getEncoder().encodeToString(verifier.salt)
            + ",i="
            + verifier.iterations;
    return serverFirst;
  }

  /**
   * Checks the client-final message's proof; returns the server-final message ({@code v=...}) or
   * null when the password was wrong, the user unknown or the message malformed.
   */
  String serverFinal(String clientFinal) {
    if (serverFirst == null) {
      return null;
    }
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0 || !nonce.equals(attribute(clientFinal, 'r'))) {
      return null;
    }
    String withoutProof = clientFinal.substring(0, proofAt);
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] authMessage =
        (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey, authMessage);
    if (proof.length != clientSignature.length) {
      return null;
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    }
    boolean matches = MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey);
    if (!matches || !known) {
      return null;
    }
    byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey, authMessage);
    return "v=" + Base64.getEncoder().encodeToString(serverSignature);
  }

  private static String attribute(String message, char name) {
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
        return part.substring(2);
      }
    }
    return null;
  }
}
