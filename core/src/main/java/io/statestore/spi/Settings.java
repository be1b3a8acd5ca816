package io.statestore.spi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolved setting values for one store: explicit values first, then each definition's environment
 * variable, then its default. Values are checked against their {@link SettingKind} when read; a bad
 * value yields {@link ErrorKind#INVALID_CONFIGURATION} naming the key (never a secret value).
 */
public final class Settings {
  private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();
  private final Map<String, String> values;
  private final Environment environment;

  /**
   * @param definitions every setting that may be read
   * @param values explicit values by key (already resolved from aliases)
   * @param environment where environment variable fallbacks come from
   */
  public Settings(
      Collection<SettingDefinition> definitions,
      Map<String, String> values,
      Environment environment) {
    for (SettingDefinition d : definitions) {
      this.definitions.put(d.key(), d);
    }
    this.values = Map.copyOf(values);
    this.environment = environment;
  }

  /** Where a value comes from, for messages that must name a source but never a secret. */
  public enum Source {
    /** Set explicitly (property, URI query, or the API). */
    SETTING,
    /** Read from the definition's environment variable. */
    ENVIRONMENT,
    /** The definition's default. */
    DEFAULT,
    /** No value. */
    NONE
  }

  /** The environment these settings fall back to. */
  public Environment environment() {
    return environment;
  }

  /** The source of a setting's value. */
  public Source source(SettingDefinition def) {
    if (values.containsKey(def.key())) {
      return Source.SETTING;
    }
    if (def.envVar() != null && environment.get(def.envVar()).isPresent()) {
      return Source.ENVIRONMENT;
    }
    return def.defaultValue() != null ? Source.DEFAULT : Source.NONE;
  }

  /** The raw value of a setting, empty when none applies. */
  public Optional<String> find(SettingDefinition def) {
    String explicit = values.get(def.key());
    if (explicit != null) {
      return Optional.of(explicit);
    }
    if (def.envVar() != null) {
      Optional<String> env = environment.get(def.envVar());
      if (env.isPresent()) {
        return env;
      }
    }
    return Optional.ofNullable(def.defaultValue());
  }

  /** The value of a setting, failing with a message naming it when it has none. */
  public String require(SettingDefinition def) {
    return find(def)
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () ->
                new StateStoreException(
                    ErrorKind.INVALID_CONFIGURATION,
                    "Setting '"
                        + def.key()
                        + "' is required"
                        + (def.envVar() == null
                            ? ""
                            : " (or environment variable " + def.envVar() + ")")));
  }

  /** A whole-number setting. */
  public Optional<Long> findLong(SettingDefinition def) {
    return find(def).map(v -> parse(def, v).longValueExact());
  }

  /** A decimal setting. */
  public Optional<BigDecimal> findDecimal(SettingDefinition def) {
    return find(def).map(v -> parse(def, v));
  }

  /** A boolean setting ({@code true/false/yes/no/1/0}). */
  public Optional<Boolean> findBoolean(SettingDefinition def) {
    return find(def).map(v -> parseBoolean(def, v));
  }

  /** Checks every explicit value against its definition's kind and choices. */
  public void validate() {
    for (Map.Entry<String, String> e : values.entrySet()) {
      SettingDefinition def = definitions.get(e.getKey());
      if (def == null) {
        continue;
      }
      String v = e.getValue();
      switch (def.kind()) {
        case INT -> parse(def, v).longValueExact();
        case DECIMAL -> parse(def, v);
        case BOOL -> parseBoolean(def, v);
        default -> {}
      }
      if (!def.choices().isEmpty() && !def.choices().contains(v)) {
        throw new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            "Setting '" + def.key() + "' must be one of " + def.choices());
      }
    }
  }

  private static BigDecimal parse(SettingDefinition def, String v) {
    try {
      BigDecimal d = new BigDecimal(v.strip());
      if (def.kind() == SettingKind.INT) {
        d.toBigIntegerExact();
      }
      if (d.signum() < 0) {
        throw new NumberFormatException("negative");
      }
      return d;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '"
              + def.key()
              + "' must be a non-negative "
              + (def.kind() == SettingKind.INT ? "whole number" : "number")
              + (def.sensitive() ? "" : ", got '" + v + "'"),
          e);
    }
  }

  private static boolean parseBoolean(SettingDefinition def, String v) {
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default ->
          throw new StateStoreException(
              ErrorKind.INVALID_CONFIGURATION, "Setting '" + def.key() + "' must be true or false");
    };
  }

  /** Lists the keys that have explicit values; never the values. */
  @Override
  public String toString() {
    return "Settings" + values.keySet();
  }
}
