package io.statestore.calcite;

import io.statestore.spi.StateStoreException;
import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.util.CancelFlag;
import org.apache.calcite.util.TryThreadLocal;

/**
 * Calcite's statement preparation with statestore's write rule in place of Calcite's
 * collection-based one and statestore's parser ({@link StatestoreParserImpl}) as the default.
 * Install it with {@code Driver.withPrepareFactory(StatestorePrepare::new)} or a driver subclass.
 *
 * <p>DDL is never executed: every statement that is not a query, a write or {@code EXPLAIN} is
 * refused with {@link io.statestore.spi.ErrorKind#UNSUPPORTED} at preparation, before anything
 * runs.
 *
 * <p>Under a {@link StatementDeadline} (a statement the driver executes), the planner gives up when
 * the statement's query timeout passes, and preparation that overran it ends with {@link
 * io.statestore.spi.ErrorKind#TIMEOUT}.
 *
 * <p>Planner metadata is answered through proxies over Calcite's default providers rather than by
 * handler classes that Calcite generates and compiles on first use: statestore's plans are a scan
 * and a few operators, and compiling those handlers was a large part of a new process's first
 * query.
 */
public class StatestorePrepare extends CalcitePrepareImpl {
  private static final MetadataHandlerProvider METADATA =
      new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

  /**
   * Keeps {@code IN} lists as they are, however long: Calcite turns a list of 20 or more items into
   * a join with a {@code VALUES} table, which the table cannot push down, so {@code state_id IN (?,
   * ?, ...)} of a hundred ids would scan the whole store instead of reading a hundred states.
   */
  @Override
  public <T> CalciteSignature<T> prepareSql(
      CalcitePrepare.Context context, Query<T> query, Type elementType, long maxRowCount) {
    CalciteSignature<T> signature;
    try (TryThreadLocal.Memo ignored =
        Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      signature = super.prepareSql(context, query, elementType, maxRowCount);
    } catch (RuntimeException e) {
      // When the query timeout passes, the planner stops at its next step and fails in its own
      // words ("Volcano timeout", "not enough rules to produce a node"); validation errors and
      // statestore's own are reported as they are.
      if (!(e instanceof CalciteContextException) && !(e instanceof StateStoreException)) {
        StatementDeadline.checkPrepared(e);
      }
      throw e;
    }
    StatementDeadline.checkPrepared(null);
    return signature;
  }

  @Override
  protected SqlParser.Config parserConfig() {
    return super.parserConfig().withParserFactory(StatestoreParserImpl.FACTORY);
  }

  /** Refuses DDL, which Calcite would otherwise run against its in-memory catalog. */
  @Override
  public void executeDdl(CalcitePrepare.Context context, SqlNode node) {
    if (node instanceof RefusedStatement refused) {
      throw refused.refusal();
    }
    throw RefusedStatement.refusal(node.getKind().sql);
  }

  @Override
  protected RelOptPlanner createPlanner(
      CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext,
      RelOptCostFactory costFactory) {
    CancelFlag timeUp = StatementDeadline.planningFlag();
    org.apache.calcite.plan.Context context = externalContext;
    if (timeUp != null) {
      context =
          Contexts.chain(
              Contexts.of(timeUp),
              externalContext != null ? externalContext : Contexts.of(prepareContext.config()));
    }
    RelOptPlanner planner = super.createPlanner(prepareContext, context, costFactory);
    planner.removeRule(EnumerableRules.ENUMERABLE_TABLE_MODIFICATION_RULE);
    planner.addRule(StateModifyRule.INSTANCE);
    // Projections keep state_id first in the scan, so that the table's collation holds.
    planner.removeRule(CoreRules.PROJECT_TABLE_SCAN);
    planner.removeRule(CoreRules.PROJECT_INTERPRETER_TABLE_SCAN);
    planner.addRule(StateProjectScanRule.OVER_SCAN);
    planner.addRule(StateProjectScanRule.OVER_INTERPRETER);
    planner.addRule(BodyFreeAggregateRule.INSTANCE);
    // Scans run as generated code, not through an interpreter built at every execution.
    planner.addRule(StateScanRule.INSTANCE);
    return planner;
  }

  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
    return cluster;
  }
}
