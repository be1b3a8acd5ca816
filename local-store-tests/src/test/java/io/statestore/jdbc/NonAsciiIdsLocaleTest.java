package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statestore.jdbc.reliability.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without a UTF-8 locale ({@code LC_ALL=C}, {@code LANG} unset, as in many
 * containers) lists, reads and writes non-ASCII state ids of a file store exactly as Meltano names
 * their directories: in UTF-8 bytes.
 */
public class NonAsciiIdsLocaleTest {
  private static final String CAFE = NonAsciiIds.escape(NonAsciiIds.CAFE);
  private static final String BODY = NonAsciiIds.BODY;

  private static List<String> run(String mode, Path dir, String locale) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LANG", null);
    env.put("LANGUAGE", null);
    env.put("LC_CTYPE", null);
    env.put("LC_ALL", locale);
    try (ChildJvm child = ChildJvm.start(List.of(), env, NonAsciiIds.class, mode, dir.toString())) {
      assertEquals(0, child.await(120, TimeUnit.SECONDS), child.output());
      return List.of(child.output().split("\n"));
    }
  }

  private static String line(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix + " ")).findFirst().orElse(null);
  }

  @Test
  public void nonAsciiIdsWorkWithoutAUtf8Locale(@TempDir Path work) throws Exception {
    Path store = work.resolve("store");
    List<String> setup = run("setup", store, "C.UTF-8");
    assumeTrue(
        line(setup, "ENCODING").equals("ENCODING UTF-8"), "no C.UTF-8 locale here: " + setup);
    assertEquals(2, Files.list(store).count());

    List<String> out = run("check", store, "C");
    assumeFalse(line(out, "ENCODING").endsWith("UTF-8"), "LC_ALL=C still gives UTF-8: " + out);
    String all = String.join("\n", out);
    assertEquals("LIST ok " + CAFE + " | dev:plain", line(out, "LIST"), all);
    assertEquals("LOCKS ok ", line(out, "LOCKS"), all);
    assertEquals("READ ok " + CAFE + " " + BODY, line(out, "READ"), all);
    assertEquals("PLAIN ok dev:plain", line(out, "PLAIN"), all);
    assertEquals("PREFIX ok dev:plain", line(out, "PREFIX"), all);
    assertEquals("WRITE ok", line(out, "WRITE"), all);

    // Written in UTF-8 bytes, where Meltano (and a JVM with a UTF-8 locale) finds it.
    List<String> back = run("check", store, "C.UTF-8");
    assertEquals(
        "LIST ok dev:caf\\u00e9-x | dev:plain | dev:th\\u00e9",
        line(back, "LIST"),
        String.join("\n", back));
  }
}
