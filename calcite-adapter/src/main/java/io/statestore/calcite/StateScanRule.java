package io.statestore.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.interpreter.Bindables.BindableTableScan;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns the scan of a statestore table that Calcite's filter and projection rules (and {@link
 * StateProjectScanRule}) have pushed into a {@link BindableTableScan} into a {@link
 * StateTableScan}, whose code is generated once instead of an interpreter being built at every
 * execution.
 *
 * <p>The key conditions on {@code state_id} go into the scan; every other condition (and a {@code
 * LIKE} whose pattern is a parameter, which the scan uses to narrow its listing but which may turn
 * out to be bad) stays above it as a filter that Calcite compiles, over the columns it needs.
 */
final class StateScanRule extends RelOptRule {
  static final StateScanRule INSTANCE = new StateScanRule();

  private StateScanRule() {
    super(operand(BindableTableScan.class, none()), "StateScanRule");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    BindableTableScan scan = call.rel(0);
    return scan.getTable().unwrap(StoreBackedTable.class) != null && !scan.projects.isEmpty();
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    BindableTableScan scan = call.rel(0);
    List<RexNode> pushed = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    for (RexNode filter : scan.filters) {
      for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
        KeyCondition condition = KeyFilters.compile(conjunct);
        if (condition != null) {
          pushed.add(conjunct);
        }
        if (condition == null || !condition.exact()) {
          residual.add(conjunct);
        }
      }
    }
    // state_id first (the listing's order), then the asked columns, then what the rest needs.
    List<Integer> columns = new ArrayList<>();
    columns.add(StateRows.STATE_ID);
    for (int p : scan.projects) {
      if (!columns.contains(p)) {
        columns.add(p);
      }
    }
    RexShuttle remap =
        new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            if (!columns.contains(ref.getIndex())) {
              columns.add(ref.getIndex());
            }
            return new RexInputRef(columns.indexOf(ref.getIndex()), ref.getType());
          }
        };
    List<RexNode> rest = remap.apply(residual);
    RelBuilder builder = call.builder();
    builder.push(StateTableScan.create(scan.getCluster(), scan.getTable(), pushed, columns));
    if (!rest.isEmpty()) {
      builder.filter(rest);
    }
    List<RexNode> out = new ArrayList<>();
    for (int p : scan.projects) {
      out.add(builder.field(columns.indexOf(p)));
    }
    builder.project(out, scan.getRowType().getFieldNames());
    call.transformTo(builder.build());
  }
}
