package io.statestore.backend.systemdb;

import io.statestore.core.StateDocuments;
import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Maps a state document onto Meltano's two JSON columns and back: {@code {"completed": <
 * completed_state>, "partial": <partial_state>}} in Meltano's rendering. A NULL column reads as
 * {@code null}, as Meltano renders it ({@code json.dumps} of {@code None}), and a {@code null} part
 * is written as NULL, as Meltano writes {@code None}. A state's version is the hex SHA-256 of its
 * document.
 */
final class StateCodec {
  private final String table;

  /** A codec whose messages name the state table {@code table}. */
  StateCodec(String table) {
    this.table = table;
  }

  /**
   * Splits a document into its two columns. A document in Meltano's rendering (what {@code
   * StateStore} passes) is re-joined byte for byte, which proves it has just the two keys; anything
   * else is checked in full.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_DOCUMENT} when it is not a state document
   */
  MeltanoStateTable.Parts split(String stateId, byte[] document) {
    MeltanoStateTable.Parts parts;
    try {
      String[] split = StateDocuments.toParts(document);
      parts = new MeltanoStateTable.Parts(column(split[0]), column(split[1]));
    } catch (StateStoreException e) {
      throw notADocument(stateId, e);
    }
    if (!Arrays.equals(join(parts), document) && !StateDocuments.isDocument(document)) {
      throw notADocument(stateId, null);
    }
    return parts;
  }

  /** The document of two parts rendered by {@link #split}, as a read will return it. */
  static byte[] join(MeltanoStateTable.Parts parts) {
    return ("{\"completed\": "
            + json(parts.completed())
            + ", \"partial\": "
            + json(parts.partial())
            + "}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A rendered part as its column: JSON {@code null} is NULL. */
  private static String column(String part) {
    return "null".equals(part) ? null : part;
  }

  private static String json(String column) {
    return column == null ? "null" : column;
  }

  /**
   * The stored object of a row as read, whoever wrote it. A row whose {@code completed_state} or
   * {@code partial_state} is not JSON (written by hand or by another tool) is returned as its two
   * columns put together as stored, {@code {"completed": <text>, "partial": <text>}}, which is not
   * a state document: the store then returns it as damaged, with a warning, instead of failing
   * every read that meets it.
   */
  StoredObject read(String stateId, StateRow row) {
    byte[] document;
    try {
      document = StateDocuments.fromParts(row.completed(), row.partial());
    } catch (StateStoreException e) {
      document =
          ("{\"completed\": "
                  + (row.completed() == null ? "{}" : row.completed())
                  + ", \"partial\": "
                  + (row.partial() == null ? "{}" : row.partial())
                  + "}")
              .getBytes(StandardCharsets.UTF_8);
    }
    return new StoredObject(document, row.updatedAt(), version(document));
  }

  /** The hex SHA-256 of a document. */
  static Version version(byte[] document) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return new Version(HexFormat.of().formatHex(sha.digest(document)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private StateStoreException notADocument(String stateId, Throwable cause) {
    return new StateStoreException(
        ErrorKind.INVALID_DOCUMENT,
        "The body of state_id "
            + StateIds.quote(stateId)
            + " is not a state document {\"completed\": ..., \"partial\": ...}; table "
            + table
            + " stores only those",
        cause);
  }
}
