package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static io.statestore.cli.Stores.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statestore copy}: options, exit statuses and output. */
class CopyCommandTest {
  @TempDir Path dir;

  private String src() {
    return Stores.file(dir.resolve("src"));
  }

  private String dst() {
    return Stores.h2(dir.resolve("dst"));
  }

  @Test
  void copiesSkipsExistingAndReportsThem() throws Exception {
    Stores.insertAll(src(), Map.of("dev:a", doc("a"), "dev:b", doc("b"), "prod:c", doc("c")));
    Stores.insert(dst(), "dev:a", doc("other"));
    CliRun r = run("copy", src(), dst(), "--pattern", "dev:*");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("skipped dev:a: exists in the target"), r.toString());
    assertTrue(r.out().contains("Copied 1, skipped 1"), r.toString());
    assertFalse(r.out().contains("\r"), "no progress bar off a terminal");
    assertEquals(Map.of("dev:a", doc("other"), "dev:b", doc("b")), Stores.all(dst()));

    CliRun again = run("copy", src(), dst(), "--skip-existing");
    assertEquals(0, again.status(), again.toString());
    assertTrue(
        again.out().contains("Copied 1, skipped 2 (1 unchanged, 1 existing"), again.toString());
  }

  @Test
  void overwriteProtectsNewerTargetsAndExitsTwo() throws Exception {
    Stores.insert(src(), "a", doc("src"));
    Stores.insert(dst(), "a", doc("dst"));
    Files.setLastModifiedTime(
        dir.resolve("src").resolve("a").resolve("state.json"),
        FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    CliRun refused = run("copy", src(), dst(), "--overwrite");
    assertEquals(ExitCodes.PARTIAL, refused.status(), refused.toString());
    assertTrue(refused.out().contains("skipped a: the target state is newer"), refused.toString());
    assertEquals(doc("dst"), Stores.all(dst()).get("a"));

    CliRun dry = run("copy", src(), dst(), "--overwrite", "--force", "--dry-run");
    assertEquals(0, dry.status(), dry.toString());
    assertTrue(dry.out().contains("would replace a"), dry.toString());
    assertEquals(doc("dst"), Stores.all(dst()).get("a"));

    CliRun forced = run("copy", src(), dst(), "--overwrite", "--force");
    assertEquals(0, forced.status(), forced.toString());
    assertEquals(doc("src"), Stores.all(dst()).get("a"));
  }

  @Test
  void failedStatesAreListedAndTheRestCopied() throws Exception {
    Stores.insertAll(
        src(),
        Map.of(
            "a",
            doc("a"),
            "big",
            "{\"completed\": {\"x\": \"" + "y".repeat(3000) + "\"}}",
            "c",
            doc("c")));
    CliRun r = run("copy", src(), dst(), "--dst-property", "max_body_bytes=1000");
    assertEquals(ExitCodes.PARTIAL, r.status(), r.toString());
    assertTrue(r.err().contains("failed big [22023]"), r.toString());
    assertTrue(r.out().contains("Copied 2, skipped 0"), r.toString());
    assertEquals(List.of("a", "c"), List.copyOf(Stores.all(dst()).keySet()));
  }

  @Test
  void badOptionCombinationsAreUserErrors() {
    assertEquals(
        ExitCodes.USER_ERROR, run("copy", src(), dst(), "--overwrite", "--skip-existing").status());
    CliRun force = run("copy", src(), dst(), "--force");
    assertEquals(ExitCodes.USER_ERROR, force.status(), force.toString());
    assertTrue(force.err().contains("--force only applies with --overwrite"));
    assertEquals(ExitCodes.USER_ERROR, run("copy", src(), dst(), "--batch-size", "0").status());
  }

  @Test
  void showsAProgressBarOnATerminal() throws Exception {
    Stores.insertAll(src(), Map.of("a", doc("a"), "b", doc("b")));
    CliRun r = run("", true, "copy", src(), dst(), "--batch-size", "1");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("\r[###############               ] 50% 1/2"), r.toString());
    assertTrue(r.out().contains("100% 2/2"), r.toString());
  }

  @Test
  void migrateCopiesBetweenStoresAsCopyOfTwoUrisDoes() throws Exception {
    Stores.insertAll(src(), Map.of("dev:a", doc("a"), "prod:b", doc("b")));
    CliRun r = run("migrate", src(), dst(), "--pattern", "dev:*");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("Copied 1, skipped 0"), r.toString());
    assertEquals(Map.of("dev:a", doc("a")), Stores.all(dst()));

    CliRun ids = run("copy", "-s", src(), "dev:a", "dev:c", "--dry-run");
    assertEquals(ExitCodes.USER_ERROR, ids.status(), ids.toString());
    assertTrue(ids.err().contains("statestore migrate"), ids.toString());
  }
}
