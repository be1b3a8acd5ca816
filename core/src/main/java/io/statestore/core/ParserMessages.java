package io.statestore.core;

import java.util.regex.Pattern;

/**
 * Removes a JSON parser's internals from an error message: Jackson ends its messages with {@code at
 * [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column:
 * 15]}, which tells a user nothing but the position; that becomes {@code (line 1, column 15)}.
 */
public final class ParserMessages {
  private static final Pattern SOURCE =
      Pattern.compile("\\s*(?:at )?\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
  private static final Pattern SOURCE_WITHOUT_POSITION =
      Pattern.compile("\\s*(?:at )?\\[Source: [^\\]]*\\]");

  private ParserMessages() {}

  /** The message without the parser's source description; {@code null} stays {@code null}. */
  public static String clean(String message) {
    if (message == null || !message.contains("[Source: ")) {
      return message;
    }
    String s = SOURCE.matcher(message).replaceAll(" (line $1, column $2)");
    return SOURCE_WITHOUT_POSITION.matcher(s).replaceAll("").strip();
  }
}
