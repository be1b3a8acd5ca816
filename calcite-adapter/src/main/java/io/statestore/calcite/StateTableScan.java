package io.statestore.calcite;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The scan of a statestore table ({@code state} or {@code locks}) in the enumerable convention: the
 * key conditions on {@code state_id} it applies itself ({@code filters}, over the table's columns)
 * and the columns it returns ({@code projects}; {@code state_id} first, so that a listing's id
 * order is the scan's order). Its code is generated once per prepared statement and calls {@link
 * CompiledScan#rows}, so an execution neither plans nor interprets anything.
 */
public final class StateTableScan extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;

  /** Conditions on {@code state_id}, over the table's columns, that the scan applies. */
  final ImmutableList<RexNode> filters;

  /** The table's columns the scan returns, in order. */
  final ImmutableIntList projects;

  private StateTableScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      List<RexNode> filters,
      List<Integer> projects) {
    super(cluster, traits);
    this.table = table;
    this.filters = ImmutableList.copyOf(filters);
    this.projects = ImmutableIntList.copyOf(projects);
  }

  /** A scan of {@code table}; the listing's order holds when {@code state_id} comes first. */
  static StateTableScan create(
      RelOptCluster cluster, RelOptTable table, List<RexNode> filters, List<Integer> projects) {
    List<RelCollation> collations = new ArrayList<>();
    if (!projects.isEmpty()
        && projects.get(0) == StateRows.STATE_ID
        && table.getCollationList() != null) {
      for (RelCollation c : table.getCollationList()) {
        if (c.equals(RelCollations.of(StateRows.STATE_ID))) {
          collations.add(c);
        }
      }
    }
    RelTraitSet traits =
        cluster
            .traitSetOf(EnumerableConvention.INSTANCE)
            .replaceIfs(RelCollationTraitDef.INSTANCE, () -> collations);
    return new StateTableScan(cluster, traits, table, filters, projects);
  }

  @Override
  public RelOptTable getTable() {
    return table;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StateTableScan(getCluster(), traitSet, table, filters, projects);
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int p : projects) {
      builder.add(fields.get(p));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    int columns = table.getRowType().getFieldCount();
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .itemIf("filters", filters, !filters.isEmpty())
        .itemIf("projects", projects, !projects.equals(ImmutableIntList.identity(columns)));
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    // state_id is the key: n ids give at most n rows; a prefix listing a tenth of the table.
    double rows = table.getRowCount();
    for (RexNode filter : filters) {
      KeyCondition condition = KeyFilters.compile(filter);
      rows =
          condition instanceof KeyCondition.Points points
              ? Math.min(rows, points.size())
              : rows * 0.1d;
    }
    return Math.max(rows, 1d);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Cheaper than the interpreted scan it replaces, and cheaper the more it leaves out.
    double rows = estimateRowCount(mq);
    double f = filters.isEmpty() ? 1d : 0.5d;
    double p = (projects.size() + 2d) / (table.getRowType().getFieldCount() + 2d);
    return planner.getCostFactory().makeCost(rows, rows + 1, 0).multiplyBy(f * p * 0.001d);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Rows of one column are the column's values, as the engine's other operators expect.
    boolean scalar = projects.size() == 1;
    PhysType physType =
        PhysTypeImpl.of(
            implementor.getTypeFactory(),
            getRowType(),
            scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY,
            false);
    List<KeyCondition> conditions = new ArrayList<>();
    for (RexNode filter : filters) {
      conditions.add(KeyFilters.compile(filter));
    }
    CompiledScan compiled =
        new CompiledScan(table.unwrap(StoreBackedTable.class), conditions, projects.toIntArray());
    Expression scan = implementor.stash(compiled, CompiledScan.class);
    return implementor.result(
        physType,
        Blocks.toBlock(
            Expressions.call(scan, scalar ? "values" : "rows", implementor.getRootExpression())));
  }
}
