package io.statestore.calcite;

import java.util.regex.Pattern;

/**
 * A SQL {@code LIKE} pattern ({@code %}, {@code _}, optional escape character), compiled to a
 * regular expression and split into the literal prefix every match starts with.
 */
final class LikePattern {
  private final Pattern regex;
  private final String literalPrefix;

  private LikePattern(Pattern regex, String literalPrefix) {
    this.regex = regex;
    this.literalPrefix = literalPrefix;
  }

  /**
   * Compiles a pattern.
   *
   * @param pattern the LIKE pattern
   * @param escape the escape character, or {@code null}
   * @throws IllegalArgumentException when the escape character ends the pattern or escapes a
   *     character other than {@code %}, {@code _} or itself
   */
  static LikePattern compile(String pattern, Character escape) {
    StringBuilder re = new StringBuilder();
    StringBuilder prefix = new StringBuilder();
    boolean inPrefix = true;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape) {
        if (i + 1 >= pattern.length()) {
          throw new IllegalArgumentException("LIKE pattern ends with its escape character");
        }
        char next = pattern.charAt(++i);
        if (next != '%' && next != '_' && next != escape) {
          throw new IllegalArgumentException("Invalid escape sequence in LIKE pattern");
        }
        re.append(Pattern.quote(String.valueOf(next)));
        if (inPrefix) {
          prefix.append(next);
        }
      } else if (c == '%') {
        re.append(".*");
        inPrefix = false;
      } else if (c == '_') {
        re.append('.');
        inPrefix = false;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        if (inPrefix) {
          prefix.append(c);
        }
      }
    }
    return new LikePattern(Pattern.compile(re.toString(), Pattern.DOTALL), prefix.toString());
  }

  boolean matches(String value) {
    return regex.matcher(value).matches();
  }

  String literalPrefix() {
    return literalPrefix;
  }
}
