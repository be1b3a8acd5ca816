package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.jdbc.reliability.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code updated_at} and {@code locked_at} are wall-clock times without zone in JVMs whose zone is
 * not UTC (half-hour offset, daylight saving time): each zone runs {@link WallClockTimes} in a JVM
 * of its own started with {@code -Duser.timezone}, over a file store, H2 and SQLite system
 * databases in Meltano's format, and the locks table.
 */
public class WallClockTimeZonesTest {
  @ParameterizedTest
  @ValueSource(strings = {"Asia/Kolkata", "America/New_York"})
  public void timesAreWallClockTimesInTheZone(String zone, @TempDir Path work) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            List.of("-Duser.timezone=" + zone), Map.of(), WallClockTimes.class, work.toString())) {
      assertEquals(0, child.await(180, TimeUnit.SECONDS), child.output());
      List<String> failures = child.lines("FAIL");
      assertTrue(failures.isEmpty(), "in " + zone + ":\n" + String.join("\n", failures));
      assertEquals(7, child.lines("PASS").size(), child.output());
    }
  }
}
