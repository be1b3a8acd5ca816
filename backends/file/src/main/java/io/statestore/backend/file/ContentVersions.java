package io.statestore.backend.file;

import io.statestore.spi.Version;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Versions of file contents: the hex SHA-256 of the bytes. A content hash (rather than a file's
 * modification time or inode) also notices writes made in place by other tools, such as Meltano.
 */
final class ContentVersions {
  private ContentVersions() {}

  /** The version of some content. */
  static Version of(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return new Version(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
