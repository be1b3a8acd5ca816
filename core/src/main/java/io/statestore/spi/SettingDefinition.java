package io.statestore.spi;

import java.util.List;
import java.util.Objects;

/**
 * One setting of statestore or of a backend. The same definition drives parsing, validation, the
 * JDBC driver's {@code getPropertyInfo} and the documentation's settings table.
 *
 * @param key the setting's name, e.g. {@code s3.aws_access_key_id}
 * @param label a short human label
 * @param kind the value's type
 * @param description one or two sentences for people
 * @param defaultValue the value used when none is given, or {@code null}
 * @param envVar an environment variable read when no value is given, or {@code null}
 * @param sensitive whether the value is a secret that must never be shown
 * @param required whether opening the store fails without a value
 * @param choices allowed values, empty for any
 * @param aliases other names accepted for the key (e.g. JDBC's {@code user})
 */
public record SettingDefinition(
    String key,
    String label,
    SettingKind kind,
    String description,
    String defaultValue,
    String envVar,
    boolean sensitive,
    boolean required,
    List<String> choices,
    List<String> aliases) {

  public SettingDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    label = label == null ? key : label;
    description = description == null ? "" : description;
    sensitive = sensitive || kind == SettingKind.SECRET;
    choices = List.copyOf(choices == null ? List.of() : choices);
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
  }

  /** Starts a definition; finish it with the builder's {@code build()}. */
  public static Builder builder(String key, SettingKind kind) {
    return new Builder(key, kind);
  }

  /** A fluent builder for {@link SettingDefinition}. */
  public static final class Builder {
    private final String key;
    private final SettingKind kind;
    private String label;
    private String description;
    private String defaultValue;
    private String envVar;
    private boolean sensitive;
    private boolean required;
    private List<String> choices = List.of();
    private List<String> aliases = List.of();

    private Builder(String key, SettingKind kind) {
      this.key = key;
      this.kind = kind;
    }

    public Builder label(String value) {
      this.label = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    public Builder envVar(String value) {
      this.envVar = value;
      return this;
    }

    public Builder sensitive() {
      this.sensitive = true;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder choices(String... values) {
      this.choices = List.of(values);
      return this;
    }

    public Builder aliases(String... values) {
      this.aliases = List.of(values);
      return this;
    }

    public SettingDefinition build() {
      return new SettingDefinition(
          key,
          label,
          kind,
          description,
          defaultValue,
          envVar,
          sensitive,
          required,
          choices,
          aliases);
    }
  }
}
