package io.statestore.backend.file;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Names of state directories as bytes in UTF-8, whatever the JVM's file name encoding.
 *
 * <p>Meltano (Python 3.7+, which uses UTF-8 for file names even in the C locale) names a state's
 * directory by the UTF-8 bytes of its id. Java converts file names with the encoding of the locale
 * the JVM started in ({@code sun.jnu.encoding}), which is ASCII under {@code LC_ALL=C} or no locale
 * at all, as in many containers: there, {@code dev:café} would list as {@code dev:caf��} and could
 * not be opened. When that encoding is not UTF-8, non-ASCII names go through {@code file:} URIs,
 * whose percent-escapes carry the name's bytes exactly ({@link Path#toUri()} and {@link
 * Path#of(URI)} on the default file system), so the store reads and writes the same directories as
 * Meltano does.
 */
final class FileNames {
  /** The JVM's file name encoding. */
  private static final boolean JVM_UTF8 = isUtf8(System.getProperty("sun.jnu.encoding"));

  private final boolean utf8;

  private FileNames(boolean utf8) {
    this.utf8 = utf8;
  }

  /** File names of this JVM. */
  static FileNames forJvm() {
    return new FileNames(JVM_UTF8);
  }

  /** File names as if the JVM's file name encoding were UTF-8 or not (for tests). */
  static FileNames withUtf8Encoding(boolean utf8) {
    return new FileNames(utf8);
  }

  /** Whether a charset name names UTF-8. */
  static boolean isUtf8(String charsetName) {
    try {
      return charsetName != null && Charset.forName(charsetName).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The entry {@code name} (UTF-8 bytes on disk) directly under {@code dir}. */
  Path resolve(Path dir, String name) {
    if (utf8 || isAscii(name)) {
      return dir.resolve(name);
    }
    String raw = dir.toAbsolutePath().toUri().getRawPath();
    StringBuilder uri = new StringBuilder("file://").append(raw);
    if (!raw.endsWith("/")) {
      uri.append('/');
    }
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        uri.append((char) c);
      } else {
        uri.append('%')
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      }
    }
    return Path.of(URI.create(uri.toString()));
  }

  /**
   * The name of an entry, its bytes read as UTF-8 (a byte sequence that is not UTF-8 shows as
   * U+FFFD, as it does in a UTF-8 JVM).
   */
  String name(Path entry) {
    String shown = entry.getFileName().toString();
    if (utf8 || isAscii(shown)) {
      return shown;
    }
    String raw = entry.toAbsolutePath().toUri().getRawPath();
    if (raw.endsWith("/")) {
      raw = raw.substring(0, raw.length() - 1);
    }
    String segment = raw.substring(raw.lastIndexOf('/') + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char ch = segment.charAt(i);
      if (ch == '%' && i + 2 < segment.length()) {
        bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(ch);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
