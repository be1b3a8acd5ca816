package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store URIs to JDBC URLs. */
class JdbcUrlsTest {
  private static final Path HOME = Path.of("/var/lib/statestore");

  private static String url(String uri) {
    return JdbcUrls.of(StoreLocation.parse(uri), HOME);
  }

  @Test
  void emptyIsTheEmbeddedDefault() {
    assertEquals(
        "jdbc:h2:file:/var/lib/statestore/statestore;AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0",
        url("systemdb:"));
    assertEquals(url("systemdb:"), url("systemdb"));
  }

  @Test
  void aJdbcUrlIsKeptWithItsParameters() {
    assertEquals(
        "jdbc:sqlite:/p/.meltano/meltano.db", url("systemdb:jdbc:sqlite:/p/.meltano/meltano.db"));
    assertEquals(
        "jdbc:postgresql://h:5432/db?sslmode=require&ApplicationName=statestore",
        url("systemdb:jdbc:postgresql://h:5432/db?sslmode=require&ApplicationName=statestore"));
    assertEquals(
        "jdbc:h2:file:/x/db;MODE=PostgreSQL", url("systemdb:jdbc:h2:file:/x/db;MODE=PostgreSQL"));
  }

  @Test
  void onlyWhatWouldChangeAQueryIsEncoded() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("options", "-c search_path=meltano,public");
    q.put("odd", "a&b=c#d+e%f");
    q.put("flag", "");
    assertEquals(
        "?options=-c%20search_path%3Dmeltano,public&odd=a%26b%3Dc%23d%2Be%25f&flag",
        JdbcUrls.query(q));
    assertEquals("", JdbcUrls.query(Map.of()));
  }

  @Test
  void anythingElseIsRefused() {
    for (String uri : new String[] {"systemdb:foo", "systemdb:jdbc:", "systemdb:?x=1"}) {
      StateStoreException e = assertThrows(StateStoreException.class, () -> url(uri));
      assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), uri);
    }
  }
}
