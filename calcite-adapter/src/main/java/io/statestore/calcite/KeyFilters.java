package io.statestore.calcite;

import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.calcite.DataContext;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Turns the filters Calcite pushes into a scan into a {@link KeyLookup}: {@code state_id = x},
 * {@code state_id IN (...)} (a {@code SEARCH} over points after Calcite's simplification), ORs of
 * those, and {@code state_id LIKE 'prefix%'} (with {@code ESCAPE}). Dynamic parameters are read
 * from the {@link DataContext}. Each filter it handles exactly is removed from the list, so Calcite
 * does not evaluate it again; the others stay for Calcite.
 */
final class KeyFilters {
  private static final int STATE_ID = 0;

  private KeyFilters() {}

  static KeyLookup analyze(List<RexNode> filters, DataContext context) {
    KeyLookup lookup = KeyLookup.all();
    for (Iterator<RexNode> it = filters.iterator(); it.hasNext(); ) {
      RexNode filter = it.next();
      boolean all = true;
      // Each conjunct that is understood narrows the look-up; the filter leaves the list only
      // when every conjunct was understood exactly (otherwise Calcite evaluates it again).
      for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
        KeyLookup next = apply(lookup, conjunct, context);
        if (next != null) {
          lookup = next;
        } else {
          all = false;
        }
      }
      if (all) {
        it.remove();
      }
    }
    return lookup;
  }

  /** The lookup narrowed by {@code filter}, or {@code null} when it cannot be handled exactly. */
  private static KeyLookup apply(KeyLookup lookup, RexNode filter, DataContext context) {
    SortedSet<String> points = points(filter, context);
    if (points != null) {
      return lookup.withPoints(points);
    }
    if (filter instanceof RexCall call
        && call.getKind() == SqlKind.LIKE
        && call.getOperator() instanceof SqlLikeOperator like
        && !like.isNegated()
        && isStateId(call.getOperands().get(0))) {
      String pattern = value(call.getOperands().get(1), context);
      Character escape = null;
      if (call.getOperands().size() > 2) {
        String esc = value(call.getOperands().get(2), context);
        if (esc == null || esc.length() != 1) {
          return null; // let Calcite report the bad escape
        }
        escape = esc.charAt(0);
      }
      if (pattern == null) {
        return lookup.withPoints(new TreeSet<>());
      }
      LikePattern compiled;
      try {
        compiled = LikePattern.compile(pattern, escape);
      } catch (IllegalArgumentException e) {
        return null; // Calcite reports it with its own message
      }
      return lookup.withPrefix(compiled.literalPrefix()).withPredicate(compiled::matches);
    }
    return null;
  }

  /** The ids an equality, IN list or OR of them allows; {@code null} if not of that form. */
  private static SortedSet<String> points(RexNode filter, DataContext context) {
    if (!(filter instanceof RexCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case EQUALS -> {
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        RexNode other = isStateId(a) ? b : isStateId(b) ? a : null;
        if (other == null || !isConstant(other)) {
          return null;
        }
        SortedSet<String> out = new TreeSet<>();
        String v = value(other, context);
        if (v != null) {
          out.add(v);
        }
        return out;
      }
      case SEARCH -> {
        if (!isStateId(call.getOperands().get(0))
            || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
          return null;
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints()) {
          return null;
        }
        SortedSet<String> out = new TreeSet<>();
        for (var range : sarg.rangeSet.asRanges()) {
          Object endpoint = range.lowerEndpoint();
          out.add(endpoint instanceof NlsString s ? s.getValue() : String.valueOf(endpoint));
        }
        return out;
      }
      case OR -> {
        SortedSet<String> out = new TreeSet<>();
        for (RexNode operand : call.getOperands()) {
          SortedSet<String> part = points(operand, context);
          if (part == null) {
            return null;
          }
          out.addAll(part);
        }
        return out;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isStateId(RexNode node) {
    // A CAST of the column (e.g. to CHAR(n)) changes its value, so only the bare column counts.
    return node instanceof RexInputRef ref && ref.getIndex() == STATE_ID;
  }

  private static boolean isConstant(RexNode node) {
    if (node instanceof RexLiteral || node instanceof RexDynamicParam) {
      return true;
    }
    return node.getKind() == SqlKind.CAST && isConstant(((RexCall) node).getOperands().get(0));
  }

  private static String value(RexNode node, DataContext context) {
    if (node instanceof RexLiteral literal) {
      return literal.getValueAs(String.class);
    }
    if (node instanceof RexDynamicParam param) {
      Object v = context.get("?" + param.getIndex());
      return v == null ? null : v.toString();
    }
    if (node.getKind() == SqlKind.CAST) {
      return value(((RexCall) node).getOperands().get(0), context);
    }
    return null;
  }
}
