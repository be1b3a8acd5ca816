package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {
  @Test
  void settingsInTheUrlOfTheEmbeddedDefaultApplyToIt() {
    ConnectionConfig c =
        ConnectionConfig.parse(
            "jdbc:statestore:?lock_timeout_seconds=600&attach.dst=file:///tmp/x",
            StatestoreDriver.PREFIX,
            new Properties());
    assertEquals("", c.uri());
    assertEquals(Map.of("lock_timeout_seconds", "600"), c.settings());
    assertEquals("file:///tmp/x", c.attached().get("dst").uri());
    assertEquals("jdbc:statestore:", c.displayUrl());
  }

  @Test
  void theUrlWinsOverPropertiesForTheDefault() {
    Properties p = new Properties();
    p.setProperty("lock_timeout_seconds", "5");
    ConnectionConfig c =
        ConnectionConfig.parse(
            "jdbc:statestore:?lock_timeout_seconds=7", StatestoreDriver.PREFIX, p);
    assertEquals("7", c.settings().get("lock_timeout_seconds"));
  }
}
