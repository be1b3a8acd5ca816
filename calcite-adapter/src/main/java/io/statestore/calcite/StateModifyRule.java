package io.statestore.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalTableModify;

/**
 * Plans {@code INSERT}, {@code UPDATE}, {@code DELETE} and {@code MERGE} on statestore tables as
 * {@link EnumerableStateModify}, and every other table's writes as Calcite's own operator would. It
 * replaces {@link EnumerableRules#ENUMERABLE_TABLE_MODIFICATION_RULE}, whose collection-based
 * writes cannot express UPDATE or a per-row error.
 */
public final class StateModifyRule extends ConverterRule {
  /** The rule. */
  public static final StateModifyRule INSTANCE =
      Config.INSTANCE
          .withConversion(
              LogicalTableModify.class,
              Convention.NONE,
              EnumerableConvention.INSTANCE,
              "StateModifyRule")
          .withRuleFactory(StateModifyRule::new)
          .toRule(StateModifyRule.class);

  private StateModifyRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalTableModify modify = (LogicalTableModify) rel;
    if (modify.getTable().unwrap(StoreTable.class) == null) {
      return EnumerableRules.ENUMERABLE_TABLE_MODIFICATION_RULE.convert(rel);
    }
    RelTraitSet traits = modify.getTraitSet().replace(EnumerableConvention.INSTANCE);
    return new EnumerableStateModify(
        modify.getCluster(),
        traits,
        modify.getTable(),
        modify.getCatalogReader(),
        convert(modify.getInput(), traits),
        modify.getOperation(),
        modify.getUpdateColumnList(),
        modify.getSourceExpressionList(),
        modify.isFlattened());
  }
}
