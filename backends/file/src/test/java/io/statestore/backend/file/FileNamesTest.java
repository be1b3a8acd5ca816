package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names through {@code file:} URIs (used when the JVM's file name encoding is not UTF-8) are the
 * same directories, in UTF-8 bytes, as plain names in a UTF-8 JVM. (A JVM without a UTF-8 locale is
 * tested in the driver's {@code NonAsciiIdsLocaleTest}.)
 */
public class FileNamesTest {
  private static final FileNames BYTES = FileNames.withUtf8Encoding(false);

  @Test
  public void nonAsciiNamesAreUtf8BytesOnDisk(@TempDir Path root) throws Exception {
    List<String> ids =
        List.of("dev:caf\u00e9-x", "\u65e5\u672c:tap-\ud83d\ude00", "a b%41+c", "plain");
    for (String id : ids) {
      Path dir = BYTES.resolve(root, id);
      assertEquals(root, dir.getParent(), id);
      Files.createDirectory(dir);
      assertTrue(Files.isDirectory(dir), id);
      assertEquals(id, BYTES.name(dir), id);
    }
    try (Stream<Path> listed = Files.list(root)) {
      List<String> names = listed.map(BYTES::name).sorted().toList();
      assertEquals(ids.stream().sorted().toList(), names);
    }
    if (FileNames.isUtf8(System.getProperty("sun.jnu.encoding"))) {
      for (String id : ids) {
        assertTrue(Files.isDirectory(root.resolve(id)), "not UTF-8 on disk: " + id);
      }
    }
  }

  @Test
  public void charsetNames() {
    assertTrue(FileNames.isUtf8("UTF-8"));
    assertTrue(FileNames.isUtf8("utf8"));
    assertEquals(false, FileNames.isUtf8("ANSI_X3.4-1968"));
    assertEquals(false, FileNames.isUtf8(null));
    assertEquals(false, FileNames.isUtf8("no-such-charset"));
  }
}
