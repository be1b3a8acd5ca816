package io.statestore.core;

import io.statestore.spi.SettingDefinition;
import java.util.List;

/**
 * Renders setting definitions as the Markdown table the README shows, so the documentation is
 * produced from (and tested against) the same definitions that configure the stores.
 */
public final class SettingsDocs {
  private SettingsDocs() {}

  /** A Markdown table with one row per setting. */
  public static String markdownTable(List<SettingDefinition> settings) {
    StringBuilder sb = new StringBuilder();
    sb.append("| Setting | Default | Environment variable | Description |\n");
    sb.append("|---|---|---|---|\n");
    for (SettingDefinition d : settings) {
      sb.append("| `").append(d.key()).append('`');
      if (!d.aliases().isEmpty()) {
        sb.append(" (or `").append(String.join("`, `", d.aliases())).append("`)");
      }
      sb.append(" | ")
          .append(d.defaultValue() == null ? "" : "`" + d.defaultValue() + "`")
          .append(" | ")
          .append(d.envVar() == null ? "" : "`" + d.envVar() + "`")
          .append(" | ")
          .append(d.description().replace("|", "\\|"));
      if (!d.choices().isEmpty()) {
        sb.append(" One of: `").append(String.join("`, `", d.choices())).append("`.");
      }
      if (d.required()) {
        sb.append(" Required.");
      }
      if (d.sensitive()) {
        sb.append(" **Sensitive**: never shown or logged.");
      }
      sb.append(" |\n");
    }
    return sb.toString();
  }
}
