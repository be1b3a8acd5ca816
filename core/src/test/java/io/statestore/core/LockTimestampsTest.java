package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockTimestampsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "99999999999999999",
        "-99999999999999999",
        "-1",
        "253402300800",
        "1e400",
        "NaN",
        "Infinity",
        "",
        " ",
        "garbage",
        "1723058800.5x"
      })
  void contentThatIsNoSaneTimeParsesToNothing(String content) {
    assertTrue(LockTimestamps.parse(content.getBytes(StandardCharsets.US_ASCII)).isEmpty());
  }

  @Test
  void meltanoContentParses() {
    assertEquals(
        Optional.of(Instant.ofEpochSecond(1723058800, 123456000)),
        LockTimestamps.parse("1723058800.123456".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.of(Instant.ofEpochSecond(253402300799L)),
        LockTimestamps.parse("253402300799".getBytes(StandardCharsets.US_ASCII)));
  }
}
