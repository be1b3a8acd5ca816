package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line repairs damaged states and locks, and a copy never skips one silently. */
class CliDamageTest {
  private static final String GOOD = "{\"completed\": {\"a\": 1}, \"partial\": {}}";
  private static final String FIXED = "{\"completed\": {\"fixed\": 1}, \"partial\": {}}";

  @TempDir Path dir;
  private Path src;
  private String uri;

  @BeforeEach
  void storeWithADamagedState() throws Exception {
    src = dir.resolve("src");
    uri = "file://" + src;
    for (String id : new String[] {"a", "bad", "c"}) {
      Files.createDirectories(src.resolve(id));
      Files.writeString(src.resolve(id).resolve("state.json"), GOOD);
    }
    Files.writeString(src.resolve("bad/state.json"), "{\"completed\": {\"a\"");
  }

  @Test
  void setAndClearForceRepairADamagedState() throws Exception {
    Path input = Files.writeString(dir.resolve("fixed.json"), FIXED);
    CliRun set = run("set", "bad", "--input-file", input.toString(), "--force", "-s", uri);
    assertEquals(ExitCodes.OK, set.status(), set.toString());
    assertEquals(FIXED, Files.readString(src.resolve("bad/state.json")));

    Files.writeString(src.resolve("bad/state.json"), "{\"completed\": {\"a\"");
    CliRun clear = run("clear", "bad", "--force", "-s", uri);
    assertEquals(ExitCodes.OK, clear.status(), clear.toString());
    assertFalse(Files.exists(src.resolve("bad/state.json")));
  }

  @Test
  void copyCopiesTheGoodStatesAndReportsTheDamagedOne() throws Exception {
    Path dst = dir.resolve("dst");
    CliRun copy = run("copy", uri, "file://" + dst);
    assertEquals(ExitCodes.PARTIAL, copy.status(), copy.toString());
    assertTrue(copy.err().contains("bad"), copy.toString());
    assertEquals(GOOD, Files.readString(dst.resolve("a/state.json")));
    assertEquals(GOOD, Files.readString(dst.resolve("c/state.json")));
    assertFalse(Files.exists(dst.resolve("bad")), copy.toString());
  }

  @Test
  void locksAndUnlockWorkOnAnOutOfRangeLock() throws Exception {
    Path lock = Files.writeString(src.resolve("a/lock"), "99999999999999999");
    Instant old = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Files.setLastModifiedTime(lock, FileTime.from(old));
    CliRun locks = run("locks", "-s", uri);
    assertEquals(ExitCodes.OK, locks.status(), locks.toString());
    assertTrue(locks.out().contains("a"), locks.toString());
    CliRun unlock = run("unlock", "a", "--force", "-s", uri);
    assertEquals(ExitCodes.OK, unlock.status(), unlock.toString());
    assertFalse(Files.exists(lock));
    assertEquals(
        GOOD, new String(Files.readAllBytes(src.resolve("a/state.json")), StandardCharsets.UTF_8));
  }

  @Test
  void aSystemDbRowThatIsNotJsonIsShownAndNeverFailsTheOthers() throws Exception {
    Path db = dir.resolve("h2");
    String h2 = Stores.h2(db);
    Stores.insertAll(h2, java.util.Map.of("a", GOOD, "bad", GOOD, "c", GOOD));
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:h2:file:" + db.resolve("db"));
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE state SET completed_state = '{\"a\": tru' WHERE state_id = 'bad'");
    }
    CliRun list = run("list", "-s", h2);
    assertEquals(ExitCodes.OK, list.status(), list.toString());
    assertEquals(java.util.List.of("a", "bad", "c"), list.out().lines().toList());
    CliRun raw = run("get", "--raw", "-s", h2, "bad");
    assertEquals(ExitCodes.OK, raw.status(), raw.toString());
    assertTrue(raw.out().contains("{\"a\": tru"), raw.toString());
    assertTrue(raw.err().contains("'bad'"), raw.toString());
    CliRun export = run("export", "-s", h2);
    assertEquals(ExitCodes.PARTIAL, export.status(), export.toString());
    assertTrue(
        export.out().contains("\"a\":{") && export.out().contains("\"c\":{"), export.toString());
    CliRun clear = run("clear", "--force", "-s", h2, "bad");
    assertEquals(ExitCodes.OK, clear.status(), clear.toString());
  }
}
