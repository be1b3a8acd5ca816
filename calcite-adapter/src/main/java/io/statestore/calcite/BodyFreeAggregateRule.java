package io.statestore.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.tools.RelBuilder;

/**
 * Gives an aggregate that uses no column of a statestore table ({@code COUNT(*)}, and {@code
 * COUNT(state_id)}, which Calcite reduces to it) the scan of {@code state_id} alone as its input,
 * so that it lists ids and reads no body; Calcite would otherwise scan whole rows.
 */
final class BodyFreeAggregateRule extends RelOptRule {
  static final BodyFreeAggregateRule INSTANCE = new BodyFreeAggregateRule();

  private BodyFreeAggregateRule() {
    super(
        operand(LogicalAggregate.class, operand(LogicalTableScan.class, none())),
        "BodyFreeAggregateRule");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    LogicalTableScan scan = call.rel(1);
    if (scan.getTable().unwrap(StoreBackedTable.class) == null
        || !aggregate.getGroupSet().isEmpty()) {
      return false;
    }
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (!c.getArgList().isEmpty()
          || c.filterArg >= 0
          || !c.collation.getFieldCollations().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    LogicalTableScan scan = call.rel(1);
    RelBuilder builder = call.builder();
    RelNode ids = builder.push(scan).project(builder.field(StateRows.STATE_ID)).build();
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), List.of(ids)));
  }
}
