package io.statestore.calcite;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;

/**
 * The physical write operator for statestore tables: it hands the rows its input produces to a
 * {@link StateWriter}, which performs one backend write per row, and returns the row count.
 */
public final class EnumerableStateModify extends TableModify implements EnumerableRel {
  private static final Method EXECUTE;

  static {
    try {
      EXECUTE = StateWriter.class.getMethod("execute", DataContext.class, Enumerable.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  EnumerableStateModify(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      Prepare.CatalogReader catalogReader,
      RelNode input,
      Operation operation,
      List<String> updateColumnList,
      List<RexNode> sourceExpressionList,
      boolean flattened) {
    super(
        cluster,
        traits,
        table,
        catalogReader,
        input,
        operation,
        updateColumnList,
        sourceExpressionList,
        flattened);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableStateModify(
        getCluster(),
        traitSet,
        getTable(),
        getCatalogReader(),
        sole(inputs),
        getOperation(),
        getUpdateColumnList(),
        getSourceExpressionList(),
        isFlattened());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", child.block);
    if (child.physType.getFormat() != JavaRowFormat.ARRAY
        && getInput().getRowType().getFieldCount() > 1) {
      rows = builder.append("arrays", child.physType.convertTo(rows, JavaRowFormat.ARRAY));
    }
    StoreTable target = getTable().unwrapOrThrow(StoreTable.class);
    StateWriter writer =
        new StateWriter(
            target.store(),
            target instanceof LocksTable,
            getOperation(),
            getUpdateColumnList() == null ? List.of() : getUpdateColumnList(),
            getInput().getRowType().getFieldCount(),
            getTable().getRowType().getFieldCount());
    Expression stashed = implementor.stash(writer, StateWriter.class);
    builder.add(
        Expressions.return_(null, Expressions.call(stashed, EXECUTE, DataContext.ROOT, rows)));
    PhysType physType =
        PhysTypeImpl.of(
            implementor.getTypeFactory(), getRowType(), pref.prefer(JavaRowFormat.SCALAR));
    return implementor.result(physType, builder.toBlock());
  }
}
