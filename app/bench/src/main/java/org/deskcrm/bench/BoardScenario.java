package org.deskcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.deskcrm.deal.BoardFilter;
import org.deskcrm.deal.DealService;
import org.deskcrm.deal.StageColumn;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;

/** The pipeline board: every stage's header totals (per currency) and its first 50 cards. */
final class BoardScenario implements Plans.Explained {
    static final int CARDS = 50;

    @Override
    public String id() {
        return "board";
    }

    @Override
    public String title() {
        return "Pipeline board: column data and stage totals";
    }

    @Override
    public String measures() {
        return "App: DealService.board(user, default pipeline, no filter, 50 cards per column) - per stage the totals per "
                + "currency and the first page of cards (company, owner, last activity), with the record rule. Raw: the same "
                + "per-stage queries by hand: cards in board order on the (organization_id, pipeline_id, stage_id, position) "
                + "index, and COUNT/SUM grouped by currency. The same board every iteration; before each one (untimed) one deal row "
                + "is touched so H2 cannot reuse a stored result.";
    }

    @Override
    public List<Outcome> run(Bench b) throws Exception {
        var deals = DealService.create(b.ws.db.dsl(), b.ws.app.audit, b.ws.app.clock);
        UUID pipeline = Sql.value(b.ws.db.dsl(), UUID.class,
                "SELECT id FROM pipelines WHERE organization_id = ? AND is_default = TRUE AND deleted_at IS NULL", b.ws.organizationId);
        List<UUID> stages = Sql.column(b.ws.db.dsl(), UUID.class, "SELECT id FROM pipeline_stages WHERE pipeline_id = ? "
                + "AND deleted_at IS NULL AND archived_at IS NULL ORDER BY position", pipeline);
        long total = Sql.value(b.ws.db.dsl(), Long.class, "SELECT COUNT(*) FROM deals WHERE organization_id = ? AND deleted_at IS NULL",
                b.ws.organizationId);
        long open = Sql.value(b.ws.db.dsl(), Long.class, "SELECT COUNT(*) FROM deals WHERE organization_id = ? AND deleted_at IS NULL "
                + "AND status = 'open'", b.ws.organizationId);
        UUID someDeal = Sql.value(b.ws.db.dsl(), UUID.class, "SELECT id FROM deals WHERE organization_id = ? AND pipeline_id = ? "
                + "ORDER BY id LIMIT 1", b.ws.organizationId, pipeline);
        List<Outcome> out = new ArrayList<>();
        for (CurrentUser user : b.ws.users()) {
            var pair = b.measure(List.of(pipeline),
                    p -> {
                        List<StageColumn> columns = deals.board(user, p, BoardFilter.NONE, CARDS, ProgressSink.NONE);
                        if (columns.size() != stages.size()) {
                            throw new IllegalStateException("board has " + columns.size() + " columns");
                        }
                    },
                    p -> raw(b, user, p, stages),
                    () -> touchDeal(b, someDeal));
            long visible = 0;
            for (StageColumn c : deals.board(user, pipeline, BoardFilter.NONE, CARDS, ProgressSink.NONE)) {
                visible += c.totals().count();
            }
            String note = String.format(Locale.ROOT, "%,d deals (%,d open) in the pipeline; %,d visible to this user; %d stages",
                    total, open, visible, stages.size());
            out.add(Outcome.measured(id(), BenchWorkspace.label(user), pair.app(), pair.raw(), new Target.Ratio(1.5), note));
        }
        return out;
    }

    @Override
    public void once(Bench b, org.jooq.DSLContext dsl, CurrentUser user) throws Exception {
        var deals = DealService.create(dsl, b.ws.app.audit, b.ws.app.clock);
        UUID pipeline = Sql.value(b.ws.db.dsl(), UUID.class,
                "SELECT id FROM pipelines WHERE organization_id = ? AND is_default = TRUE AND deleted_at IS NULL", b.ws.organizationId);
        List<UUID> stages = Sql.column(b.ws.db.dsl(), UUID.class, "SELECT id FROM pipeline_stages WHERE pipeline_id = ? "
                + "AND deleted_at IS NULL AND archived_at IS NULL ORDER BY position", pipeline);
        deals.board(user, pipeline, BoardFilter.NONE, CARDS, ProgressSink.NONE);
        raw(b, user, pipeline, stages);
    }

    /** A write to deals that changes nothing visible (the same position): H2's stored results that read deals become stale. */
    private static void touchDeal(Bench b, UUID deal) {
        try (var ps = b.raw.prepareStatement("UPDATE deals SET position = position WHERE id = ?")) {
            ps.setObject(1, deal);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void raw(Bench b, CurrentUser user, UUID pipeline, List<UUID> stages) throws Exception {
        Sql.rows(b.raw, "SELECT id, name, description, position, color, default_probability, is_closed, is_won FROM pipeline_stages "
                + "WHERE organization_id = ? AND pipeline_id = ? AND deleted_at IS NULL AND archived_at IS NULL ORDER BY position",
                user.organizationId(), pipeline);
        String rule = user.isAdmin() ? "" : " AND d.owner_id = ?";
        for (UUID stage : stages) {
            Object[] params = user.isAdmin() ? new Object[] {user.organizationId(), pipeline, stage}
                    : new Object[] {user.organizationId(), pipeline, stage, user.userId()};
            Sql.rows(b.raw, "SELECT d.currency, COUNT(*), SUM(d.deal_value), SUM(d.expected_revenue) FROM deals d "
                    + "WHERE d.organization_id = ? AND d.pipeline_id = ? AND d.stage_id = ? AND d.deleted_at IS NULL" + rule
                    + " GROUP BY d.currency", params);
            Sql.rows(b.raw, "SELECT d.id, d.stage_id, d.name, d.company_id, co.name, d.deal_value, d.currency, d.probability, "
                    + "d.expected_revenue, d.owner_id, o.full_name, d.expected_close_date, d.stage_entered_at, "
                    + "(SELECT MAX(a.occurred_at) FROM activities a WHERE a.organization_id = d.organization_id AND a.deal_id = d.id "
                    + "AND a.is_task = FALSE AND a.deleted_at IS NULL), d.status, d.priority, d.position, d.updated_at, d.version "
                    + "FROM deals d LEFT JOIN companies co ON co.id = d.company_id LEFT JOIN users o ON o.id = d.owner_id "
                    + "WHERE d.organization_id = ? AND d.pipeline_id = ? AND d.stage_id = ? AND d.deleted_at IS NULL" + rule
                    + " ORDER BY d.organization_id, d.pipeline_id, d.stage_id, d.position, d.id LIMIT " + (CARDS + 1), params);
        }
    }
}
