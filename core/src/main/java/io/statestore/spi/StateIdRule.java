package io.statestore.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which state ids a store can hold, declared by its backend ({@link StateBackend#idRule()}).
 *
 * <p>Every rule refuses what no store can hold: a {@code null} or empty id, NUL characters and
 * unpaired surrogates (which are not text in UTF-8). A backend adds what its store cannot name: a
 * file store a path component's limits, a database its column length, an object store its key
 * length. The rule is applied above the backend: a write of an id it refuses fails with {@link
 * ErrorKind#INVALID_INPUT} naming the rule, and a read of such an id finds nothing unless the store
 * lists it (so an id a store holds is never hidden, whoever wrote it).
 *
 * <p>Immutable; each {@code with...} method returns a new rule.
 */
public final class StateIdRule {
  /** The longest id of {@link #portable()}, in UTF-8 bytes: a file name's limit. */
  public static final int PORTABLE_MAX_UTF8_BYTES = 255;

  private final String store;
  private final List<Check> checks;
  private final int maxUtf8Bytes;
  private final int maxChars;

  private interface Check {
    String problem(String id);
  }

  private StateIdRule(String store, List<Check> checks, int maxUtf8Bytes, int maxChars) {
    this.store = store;
    this.checks = List.copyOf(checks);
    this.maxUtf8Bytes = maxUtf8Bytes;
    this.maxChars = maxChars;
  }

  /**
   * Any non-empty text without NUL or unpaired surrogates, of any length.
   *
   * @param store what the store is, for messages ("the file store", "table state")
   */
  public static StateIdRule anyText(String store) {
    return new StateIdRule(Objects.requireNonNull(store), List.of(StateIdRule::textProblem), 0, 0);
  }

  /**
   * The rule every store can follow, and the default of {@link StateBackend#idRule()}: 1 to {@value
   * #PORTABLE_MAX_UTF8_BYTES} bytes of UTF-8, not blank, no {@code /} or {@code \}, no {@code ..},
   * not {@code .}, no control characters.
   */
  public static StateIdRule portable() {
    return anyText("this store")
        .withCheck(id -> id.isBlank() ? "it is only white space" : null)
        .without('/', "it would name a nested path")
        .without('\\', "it would name a nested path on Windows")
        .withCheck(id -> id.contains("..") || id.equals(".") ? "it contains '..' or is '.'" : null)
        .withoutControlCharacters("they cannot be used in every store")
        .withMaxUtf8Bytes(PORTABLE_MAX_UTF8_BYTES, "a file name's limit");
  }

  /** This rule for a store described as {@code store} in messages. */
  public StateIdRule forStore(String store) {
    return new StateIdRule(Objects.requireNonNull(store), checks, maxUtf8Bytes, maxChars);
  }

  /**
   * Adds a check.
   *
   * @param problem returns why an id breaks the rule (a phrase such as "it contains '/'"), or
   *     {@code null} when it does not
   */
  public StateIdRule withCheck(Function<String, String> problem) {
    Objects.requireNonNull(problem);
    List<Check> next = new ArrayList<>(checks);
    next.add(problem::apply);
    return new StateIdRule(store, next, maxUtf8Bytes, maxChars);
  }

  /** Refuses ids containing {@code c}, saying {@code why}. */
  public StateIdRule without(char c, String why) {
    String shown = c == '\\' ? "'\\'" : "'" + c + "'";
    return withCheck(id -> id.indexOf(c) >= 0 ? "it contains " + shown + " (" + why + ")" : null);
  }

  /** Refuses the id that is exactly {@code name}, saying {@code why}. */
  public StateIdRule notNamed(String name, String why) {
    return withCheck(id -> id.equals(name) ? "it is '" + name + "' (" + why + ")" : null);
  }

  /** Refuses ids with ISO control characters (U+0000 to U+001F, U+007F to U+009F). */
  public StateIdRule withoutControlCharacters(String why) {
    return withCheck(
        id -> {
          for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
              return "it contains a control character (U+"
                  + String.format("%04X", (int) c)
                  + "; "
                  + why
                  + ")";
            }
          }
          return null;
        });
  }

  /** Refuses ids longer than {@code max} bytes of UTF-8, saying what the limit is. */
  public StateIdRule withMaxUtf8Bytes(int max, String what) {
    StateIdRule r =
        withCheck(
            id -> {
              int bytes = id.getBytes(StandardCharsets.UTF_8).length;
              return bytes > max
                  ? "it is "
                      + bytes
                      + " bytes long in UTF-8; the limit is "
                      + max
                      + " ("
                      + what
                      + ")"
                  : null;
            });
    int m = maxUtf8Bytes == 0 ? max : Math.min(maxUtf8Bytes, max);
    return new StateIdRule(store, r.checks, m, maxChars);
  }

  /** Refuses ids longer than {@code max} UTF-16 characters, saying what the limit is. */
  public StateIdRule withMaxChars(int max, String what) {
    StateIdRule r =
        withCheck(
            id ->
                id.length() > max
                    ? "it is "
                        + id.length()
                        + " characters long; the limit is "
                        + max
                        + " ("
                        + what
                        + ")"
                    : null);
    int m = maxChars == 0 ? max : Math.min(maxChars, max);
    return new StateIdRule(store, r.checks, maxUtf8Bytes, m);
  }

  /**
   * Why the store cannot hold an id.
   *
   * @return a phrase naming the rule it breaks and the store, or {@code null} when it can hold it
   */
  public String problem(String stateId) {
    for (Check c : checks) {
      String p = c.problem(stateId);
      if (p != null) {
        return p + "; " + store + " cannot hold it";
      }
    }
    return null;
  }

  /** Whether the store can hold the id. */
  public boolean accepts(String stateId) {
    return problem(stateId) == null;
  }

  /**
   * The length of the longest id of ASCII letters the rule accepts, or {@link Integer#MAX_VALUE}
   * when it sets no length limit.
   */
  public int longestAsciiId() {
    int a = maxUtf8Bytes == 0 ? Integer.MAX_VALUE : maxUtf8Bytes;
    int b = maxChars == 0 ? Integer.MAX_VALUE : maxChars;
    return Math.min(a, b);
  }

  /** What the store is, as messages name it. */
  public String store() {
    return store;
  }

  private static String textProblem(String id) {
    if (id == null) {
      return "it is null";
    }
    if (id.isEmpty()) {
      return "it is empty";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == 0) {
        return "it contains a NUL character";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
          return "it contains an unpaired surrogate";
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return "it contains an unpaired surrogate";
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "StateIdRule[" + store + ", longest ASCII id " + longestAsciiId() + "]";
  }
}
