package io.statestore.core.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code scheme://container/prefix} read as Meltano reads it, and the URIs refused. */
class ObjectStoreLocationTest {
  private static final ObjectStoreLocation.Naming NAMING =
      new ObjectStoreLocation.Naming(
          "box",
          "Box store URI",
          "bin",
          "Box",
          true,
          name -> name.matches("[a-z0-9-]{3,20}"),
          "3 to 20 of a-z, 0-9 and -",
          "give the key in the setting box.key");

  private static ObjectStoreLocation parse(String uri) {
    return ObjectStoreLocation.parse(StoreLocation.parse(uri), NAMING);
  }

  @ParameterizedTest
  @CsvSource({
    "box://bin-1,                   bin-1, '',            box://bin-1",
    "box://bin-1/,                  bin-1, '',            box://bin-1",
    "box://bin-1//meltano/state//,  bin-1, meltano/state, box://bin-1/meltano/state",
    "box://Bin-1/a b/%20c,          bin-1, a b/%20c,      box://bin-1/a b/%20c",
    "BOX://bin-1/x,                 bin-1, x,             box://bin-1/x"
  })
  void containerAndPrefix(String uri, String container, String prefix, String described) {
    ObjectStoreLocation location = parse(uri);
    assertEquals(container, location.container());
    assertEquals(prefix, location.prefix());
    assertEquals(described, location.describe());
    assertEquals(described, location.toString());
    assertEquals(
        (prefix.isEmpty() ? "" : prefix + "/") + "id/state.json",
        location.layout().key("id", ObjectKind.STATE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "box:bin-1/x",
        "box:/bin-1/x",
        "box://",
        "box:///x",
        "box://b/x",
        "box://bin_1/x",
        "box://bin-1:443/x",
        "box://bin-1/x?unknown=1"
      })
  void malformedUrisAreRefusedNamingTheProblem(String uri) {
    StateStoreException e = assertThrows(StateStoreException.class, () -> parse(uri));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().startsWith("Box store URI '"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "box:///x  | names no bin; it must be box://<bin>/<prefix>",
        "box://b/x | names the bin 'b', which is not a valid Box bin name (3 to 20 of a-z, 0-9 and"
            + " -)",
        "box:x     | must be box://<bin>/<prefix>"
      })
  void messagesSayWhatIsWrong(String uri, String what) {
    StateStoreException e = assertThrows(StateStoreException.class, () -> parse(uri));
    assertTrue(e.getMessage().endsWith(what), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"box://user:s3cr3t@bin-1/x", "box://s3cr3t@bin-1/x"})
  void credentialsInTheUriAreRefusedWithoutShowingThem(String uri) {
    StateStoreException e = assertThrows(StateStoreException.class, () -> parse(uri));
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertTrue(e.getMessage().contains("give the key in the setting box.key"), e.getMessage());
  }
}
