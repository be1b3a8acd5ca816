package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static io.statestore.cli.Stores.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statestore copy} between stores that can hold different state ids. */
class CopyIdsTest {
  @TempDir Path dir;

  @Test
  void anIdTheTargetCannotHoldIsReportedAsFailedWithTheRuleAndTheRestIsCopied() throws Exception {
    String src = Stores.h2(dir.resolve("src"));
    String dst = Stores.file(dir.resolve("dst"));
    String longId = "dev:" + "x".repeat(296);
    Stores.insertAll(
        src,
        Map.of(
            "team/dev:tap-x-to-y",
            doc("a"),
            longId,
            doc("b"),
            "dev:tap-v1..v2-to-target",
            doc("c"),
            "ok",
            doc("d")));

    CliRun r = run("copy", src, dst);

    assertEquals(ExitCodes.PARTIAL, r.status(), r.toString());
    assertTrue(r.err().contains("failed team/dev:tap-x-to-y [22023]"), r.toString());
    assertTrue(r.err().contains("contains '/'"), r.toString());
    assertTrue(r.err().contains("failed " + longId + " [22023]"), r.toString());
    assertTrue(r.err().contains("the limit is 255"), r.toString());
    assertTrue(r.out().contains("Copied 2"), r.toString());
    assertEquals(List.of("dev:tap-v1..v2-to-target", "ok"), List.copyOf(Stores.all(dst).keySet()));
  }
}
