package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Client info: the standard names are kept, unknown ones reported. */
class ClientInfoTest {
  @Test
  void knownNamesAreKeptAndUnknownOnesReported() throws SQLException {
    try (Connection c =
        DriverManager.getConnection("jdbc:statestore:memory:ci-" + UUID.randomUUID())) {
      assertNull(c.getClientInfo("ApplicationName"));
      c.setClientInfo("ApplicationName", "DBeaver 24");
      c.setClientInfo("ClientUser", "alice");
      c.setClientInfo("ClientHostname", "laptop");
      assertEquals("DBeaver 24", c.getClientInfo("ApplicationName"));
      assertEquals("alice", c.getClientInfo().getProperty("ClientUser"));
      assertEquals("laptop", c.getClientInfo().getProperty("ClientHostname"));
      c.setClientInfo("ClientUser", null);
      assertNull(c.getClientInfo("ClientUser"));

      SQLClientInfoException e =
          assertThrows(SQLClientInfoException.class, () -> c.setClientInfo("Colour", "blue"));
      assertNotNull(e.getSQLState());
      assertTrue(e.getMessage().contains("Colour"), e.getMessage());
      assertEquals(ClientInfoStatus.REASON_UNKNOWN_PROPERTY, e.getFailedProperties().get("Colour"));
      assertNull(c.getClientInfo("Colour"));

      Properties p = new Properties();
      p.setProperty("ApplicationName", "jOOQ");
      c.setClientInfo(p);
      assertEquals("jOOQ", c.getClientInfo("ApplicationName"));
      assertNull(c.getClientInfo("ClientHostname"), "names not given are cleared");
      p.setProperty("Shape", "round");
      e = assertThrows(SQLClientInfoException.class, () -> c.setClientInfo(p));
      assertTrue(e.getFailedProperties().containsKey("Shape"));
    }
  }
}
