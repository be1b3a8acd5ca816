package io.statestore.calcite;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.calcite.DataContext;

/**
 * One condition on {@code state_id} that a scan applies itself, compiled once when the statement is
 * planned: literal values and patterns are taken apart then, and only the dynamic parameters
 * ({@code ?}) are read from the {@link DataContext} at each execution.
 */
abstract class KeyCondition {
  /**
   * Whether the condition is applied exactly whatever its parameters' values, so that nothing above
   * the scan need test it again. A {@code LIKE} with a parameter pattern is not: a pattern that
   * turns out to be bad narrows nothing and is reported by the engine's own evaluation.
   */
  abstract boolean exact();

  /** {@code lookup} narrowed by this condition, or {@code null} when it cannot narrow it now. */
  abstract KeyLookup narrow(KeyLookup lookup, DataContext context);

  /** A value known when planning, or read from a parameter at execution. */
  interface Value extends Function<DataContext, String> {}

  /** The ids an equality, {@code IN} list or {@code OR} of them allows. */
  static final class Points extends KeyCondition {
    private final List<Value> values;

    Points(List<Value> values) {
      this.values = List.copyOf(values);
    }

    /** How many ids the condition names (some may be the same). */
    int size() {
      return values.size();
    }

    @Override
    boolean exact() {
      return true;
    }

    @Override
    KeyLookup narrow(KeyLookup lookup, DataContext context) {
      SortedSet<String> ids = new TreeSet<>();
      for (Value v : values) {
        String id = v.apply(context);
        if (id != null) {
          ids.add(id); // = NULL matches nothing
        }
      }
      return lookup.withPoints(ids);
    }
  }

  /** {@code state_id LIKE pattern [ESCAPE e]}: a prefix listing plus the exact match. */
  static final class Like extends KeyCondition {
    private final Value pattern;
    private final Value escape;
    private final LikePattern compiled;

    /** A pattern given as parameters, compiled at each execution; {@code escape} may be null. */
    Like(Value pattern, Value escape) {
      this.pattern = pattern;
      this.escape = escape;
      this.compiled = null;
    }

    /** A literal pattern, compiled once. */
    Like(LikePattern compiled) {
      this.pattern = null;
      this.escape = null;
      this.compiled = compiled;
    }

    @Override
    boolean exact() {
      return compiled != null;
    }

    @Override
    KeyLookup narrow(KeyLookup lookup, DataContext context) {
      LikePattern p = compiled;
      if (p == null) {
        Character esc = null;
        if (escape != null) {
          String e = escape.apply(context);
          if (e == null || e.length() != 1) {
            return null; // the engine reports the bad escape
          }
          esc = e.charAt(0);
        }
        String text = pattern.apply(context);
        if (text == null) {
          return lookup.withPoints(new TreeSet<>()); // LIKE NULL matches nothing
        }
        try {
          p = LikePattern.compile(text, esc);
        } catch (IllegalArgumentException e) {
          return null; // the engine reports it in its own words
        }
      }
      return lookup.withPrefix(p.literalPrefix()).withPredicate(p::matches);
    }
  }
}
