package io.statestore.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.interpreter.Bindables.BindableTableScan;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Pushes a projection into the scan of a statestore table, as Calcite's own project-into-scan rules
 * do for other tables, but keeping {@code state_id} as the scan's first column.
 *
 * <p>Listings come in {@code state_id} order and the table declares that collation; Calcite gives a
 * projected scan the table's collation whatever its columns, so a scan of {@code body} alone would
 * claim to be sorted by body. With {@code state_id} always first, the claim holds for every scan,
 * and {@code ORDER BY state_id} needs no sort. Ids cost nothing extra: the listing gives them.
 */
final class StateProjectScanRule extends RelOptRule {
  /** A projection over a table scan. */
  static final StateProjectScanRule OVER_SCAN =
      new StateProjectScanRule(
          operand(Project.class, operand(TableScan.class, none())), "StateProjectScanRule");

  /** A projection over an interpreted (filtered) scan. */
  static final StateProjectScanRule OVER_INTERPRETER =
      new StateProjectScanRule(
          operand(
              Project.class,
              operand(EnumerableInterpreter.class, operand(BindableTableScan.class, none()))),
          "StateProjectScanRule:interpreter");

  private StateProjectScanRule(RelOptRuleOperand operand, String description) {
    super(operand, description);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    TableScan scan = (TableScan) call.rels[call.rels.length - 1];
    return scan.getTable().unwrap(StoreBackedTable.class) != null;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    TableScan scan = (TableScan) call.rels[call.rels.length - 1];
    List<RexNode> filters = List.of();
    ImmutableIntList base = ImmutableIntList.identity(scan.getTable().getRowType().getFieldCount());
    if (scan instanceof BindableTableScan bindable) {
      filters = bindable.filters;
      base = bindable.projects;
    }
    ImmutableIntList from = base;
    List<Integer> columns = new ArrayList<>();
    columns.add(StateRows.STATE_ID);
    RexShuttle remap =
        new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            int column = from.get(ref.getIndex());
            if (!columns.contains(column)) {
              columns.add(column);
            }
            return new RexInputRef(columns.indexOf(column), ref.getType());
          }
        };
    List<RexNode> exprs = remap.apply(project.getProjects());
    if (columns.equals(base) && scan instanceof BindableTableScan) {
      return; // the scan already has exactly these columns
    }
    RelNode newScan =
        BindableTableScan.create(scan.getCluster(), scan.getTable(), filters, columns);
    if (call.rels.length == 3) {
      newScan = EnumerableInterpreter.create(newScan, 0.5d);
    }
    RelBuilder builder = call.builder();
    builder.push(newScan).project(exprs, project.getRowType().getFieldNames());
    call.transformTo(builder.build());
  }
}
