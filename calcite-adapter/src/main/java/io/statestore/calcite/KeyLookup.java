package io.statestore.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How a scan reaches its state ids, resolved at execution time from the pushed-down filters: a set
 * of point look-ups, or one prefix listing, plus the exact predicates applied to each id.
 */
final class KeyLookup {
  private final SortedSet<String> points;
  private final String prefix;
  private final List<Predicate<String>> predicates;

  private KeyLookup(SortedSet<String> points, String prefix, List<Predicate<String>> predicates) {
    this.points = points;
    this.prefix = prefix;
    this.predicates = predicates;
  }

  /** Every state. */
  static KeyLookup all() {
    return new KeyLookup(null, "", List.of());
  }

  /** Narrows to a set of ids (intersecting any earlier set). */
  KeyLookup withPoints(SortedSet<String> ids) {
    SortedSet<String> next = new TreeSet<>(ids);
    if (points != null) {
      next.retainAll(points);
    }
    return new KeyLookup(next, prefix, predicates);
  }

  /** Narrows to ids starting with a prefix; the longest prefix seen wins the listing. */
  KeyLookup withPrefix(String candidate) {
    String p = candidate.length() > prefix.length() ? candidate : prefix;
    return new KeyLookup(points, p, predicates);
  }

  /** Adds an exact predicate every returned id must pass. */
  KeyLookup withPredicate(Predicate<String> predicate) {
    List<Predicate<String>> next = new ArrayList<>(predicates);
    next.add(Objects.requireNonNull(predicate));
    return new KeyLookup(points, prefix, next);
  }

  /** The ids to get one by one, or {@code null} to list by {@link #prefix()}. */
  SortedSet<String> points() {
    return points;
  }

  /** The literal prefix to list (empty: all). */
  String prefix() {
    return prefix;
  }

  /** Whether an id passes every pushed predicate. */
  boolean accepts(String id) {
    if (!id.startsWith(prefix)) {
      return false;
    }
    for (Predicate<String> p : predicates) {
      if (!p.test(id)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return points != null ? "points" + points : "prefix '" + prefix + "'";
  }
}
