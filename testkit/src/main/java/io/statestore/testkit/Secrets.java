package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collection;

/** Assertions that a failure shows none of the secrets a test gave the store. */
public final class Secrets {
  private Secrets() {}

  /**
   * Fails when any secret appears in the text or message of {@code e}, of any of its causes, or of
   * anything suppressed along the way.
   */
  public static void assertNotShown(Throwable e, Collection<String> secrets) {
    check(e, secrets, 0);
  }

  private static void check(Throwable e, Collection<String> secrets, int depth) {
    for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
      String text = t + " " + t.getMessage();
      for (String secret : secrets) {
        if (text.contains(secret)) {
          fail("a secret is shown by " + t.getClass().getName() + ": " + t);
        }
      }
      for (Throwable s : t.getSuppressed()) {
        check(s, secrets, depth + 1);
      }
    }
  }
}
