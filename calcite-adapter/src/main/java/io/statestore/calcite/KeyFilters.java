package io.statestore.calcite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * Which filters on {@code state_id} a scan applies itself: {@code state_id = x}, {@code state_id IN
 * (...)} (a {@code SEARCH} over points after Calcite's simplification), ORs of those, and {@code
 * state_id LIKE 'prefix%'} (with {@code ESCAPE}), each compiled into a {@link KeyCondition}.
 * Dynamic parameters are read from the {@link DataContext} at execution.
 */
final class KeyFilters {
  private static final int STATE_ID = 0;

  private KeyFilters() {}

  /**
   * The look-up the filters Calcite pushes into a scan allow, resolved now; each filter applied
   * exactly is removed from the list, so Calcite does not evaluate it again, the others stay.
   */
  static KeyLookup analyze(List<RexNode> filters, DataContext context) {
    KeyLookup lookup = KeyLookup.all();
    for (Iterator<RexNode> it = filters.iterator(); it.hasNext(); ) {
      RexNode filter = it.next();
      boolean all = true;
      // Each conjunct that is understood narrows the look-up; the filter leaves the list only
      // when every conjunct was understood exactly (otherwise Calcite evaluates it again).
      for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
        KeyCondition condition = compile(conjunct);
        KeyLookup next = condition == null ? null : condition.narrow(lookup, context);
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

  /** The look-up that compiled conditions allow, with this execution's parameters. */
  static KeyLookup resolve(List<KeyCondition> conditions, DataContext context) {
    KeyLookup lookup = KeyLookup.all();
    for (KeyCondition c : conditions) {
      KeyLookup next = c.narrow(lookup, context);
      if (next != null) {
        lookup = next;
      }
    }
    return lookup;
  }

  /** The condition a filter on {@code state_id} sets, or {@code null} if it is of no such form. */
  static KeyCondition compile(RexNode filter) {
    List<KeyCondition.Value> points = points(filter);
    if (points != null) {
      return new KeyCondition.Points(points);
    }
    if (filter instanceof RexCall call
        && call.getKind() == SqlKind.LIKE
        && call.getOperator() instanceof SqlLikeOperator like
        && !like.isNegated()
        && isStateId(call.getOperands().get(0))
        && isConstant(call.getOperands().get(1))
        && (call.getOperands().size() < 3 || isConstant(call.getOperands().get(2)))) {
      RexNode pattern = call.getOperands().get(1);
      RexNode escape = call.getOperands().size() > 2 ? call.getOperands().get(2) : null;
      if (!isLiteral(pattern) || (escape != null && !isLiteral(escape))) {
        return new KeyCondition.Like(value(pattern), escape == null ? null : value(escape));
      }
      Character esc = null;
      if (escape != null) {
        String e = value(escape).apply(null);
        if (e == null || e.length() != 1) {
          return null; // let Calcite report the bad escape
        }
        esc = e.charAt(0);
      }
      String text = value(pattern).apply(null);
      if (text == null) {
        return new KeyCondition.Points(List.of()); // LIKE NULL matches nothing
      }
      try {
        return new KeyCondition.Like(LikePattern.compile(text, esc));
      } catch (IllegalArgumentException e) {
        return null; // Calcite reports it with its own message
      }
    }
    return null;
  }

  /** The ids an equality, IN list or OR of them allows; {@code null} if not of that form. */
  private static List<KeyCondition.Value> points(RexNode filter) {
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
        return List.of(value(other));
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
        List<KeyCondition.Value> out = new ArrayList<>();
        for (var range : sarg.rangeSet.asRanges()) {
          Object endpoint = range.lowerEndpoint();
          String id = endpoint instanceof NlsString s ? s.getValue() : String.valueOf(endpoint);
          out.add(context -> id);
        }
        return out;
      }
      case OR -> {
        List<KeyCondition.Value> out = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          List<KeyCondition.Value> part = points(operand);
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

  private static boolean isLiteral(RexNode node) {
    if (node instanceof RexLiteral) {
      return true;
    }
    return node.getKind() == SqlKind.CAST && isLiteral(((RexCall) node).getOperands().get(0));
  }

  /** A constant's value: fixed now for a literal, read at execution for a parameter. */
  private static KeyCondition.Value value(RexNode node) {
    if (node instanceof RexLiteral literal) {
      String v = literal.getValueAs(String.class);
      return context -> v;
    }
    if (node instanceof RexDynamicParam param) {
      String name = "?" + param.getIndex();
      return context -> {
        Object v = context.get(name);
        return v == null ? null : v.toString();
      };
    }
    if (node.getKind() == SqlKind.CAST) {
      return value(((RexCall) node).getOperands().get(0));
    }
    return context -> null;
  }
}
