package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets a backend puts in an error while opening never leave {@link StateStores#open}. */
class SecretScrubberTest {
  private static final SettingDefinition TOKEN =
      SettingDefinition.builder("leaky.token", SettingKind.SECRET).description("A secret.").build();

  /** A backend that fails to open with everything it was given in its messages. */
  public static final class LeakyProvider implements StateBackendProvider {
    @Override
    public String scheme() {
      return "leaky";
    }

    @Override
    public List<SettingDefinition> settings() {
      return List.of(TOKEN);
    }

    @Override
    public boolean keepsUnknownQueryParameters() {
      return true;
    }

    @Override
    public StateBackend open(StoreLocation location, Settings settings) {
      IllegalStateException root =
          new IllegalStateException("library says: bad token " + settings.find(TOKEN).orElse(""));
      throw new StateStoreException(
          ErrorKind.DENIED,
          "Could not open " + location.specific() + " " + location.query(),
          new RuntimeException("wrapped: " + location.specific(), root));
    }
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void secretsAreMaskedInTheWholeChain() {
    BackendRegistry registry = BackendRegistry.load();
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () ->
                StateStores.open(
                    "leaky://bob:Pw-In-Uri-1@host/x;PASSWORD=Pw-In-Path-2?api_key=Pw-Query-3",
                    Map.of("leaky.token", "Pw-Setting-4"),
                    Environment.of(Map.of()),
                    k -> false,
                    registry));
    assertEquals(ErrorKind.DENIED, e.kind());
    String text = printed(e);
    for (String secret : List.of("Pw-In-Uri-1", "Pw-In-Path-2", "Pw-Query-3", "Pw-Setting-4")) {
      assertFalse(text.contains(secret), secret + " in\n" + text);
    }
    assertTrue(text.contains("IllegalStateException: library says: bad token ***"), text);
    assertTrue(text.contains("host/x"), "the rest of the message is kept: " + text);
  }

  @Test
  void cleanExceptionsAreLeftAlone() {
    StateStoreException clean = new StateStoreException(ErrorKind.UNAVAILABLE, "down");
    SecretScrubber s =
        SecretScrubber.of(
            StoreLocation.parse("x://u:secret-1@h/p"),
            new Settings(List.of(), Map.of(), Environment.of(Map.of())),
            List.of());
    assertSame(clean, s.scrub(clean));
    assertEquals("x://***@h/p", s.scrub("x://u:secret-1@h/p"));
  }
}
