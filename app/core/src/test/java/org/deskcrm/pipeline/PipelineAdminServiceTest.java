package org.deskcrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;

import java.util.ArrayList;
import java.util.List;
import org.deskcrm.deal.DealFixture;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

/** Stage and pipeline administration (SR-9): admins only, with the closed/won and archive rules. */
class PipelineAdminServiceTest {

    @BothDatabases
    void adminsAddRenameRecolorReorderAndArchiveStages(Database db) {
        var f = new DealFixture(db);
        var admin = f.ws.admin;
        var pipelineId = f.sales.id();
        var demo = f.admin.addStage(admin, pipelineId, new StageDraft("Demo", "Product demo done", "#0EA5E9", 40, false, false));
        // An open stage goes before the closed ones.
        assertThat(names(f, pipelineId)).containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Demo", "Won", "Lost");
        assertThat(demo.color()).isEqualTo("#0ea5e9");

        var renamed = f.admin.updateStage(admin, demo.id(), demo.version(), new StageDraft("Demo given", null, "#22c55e", 35, false, false));
        assertThat(renamed.name()).isEqualTo("Demo given");
        assertThat(renamed.defaultProbability()).isEqualTo(35);
        assertThatThrownBy(() -> f.admin.updateStage(admin, demo.id(), demo.version(), new StageDraft("Old copy", null, "#22c55e", 35, false, false)))
                .isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> f.admin.updateStage(admin, demo.id(), renamed.version(), new StageDraft("x", null, "#22c55e", 35, false, true)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must also be closed");
        assertThatThrownBy(() -> f.admin.addStage(admin, pipelineId, new StageDraft("lead", null, "#22c55e", 5, false, false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already has a stage");
        assertThatThrownBy(() -> f.admin.addStage(admin, pipelineId, new StageDraft("Bad", null, "red", 500, false, false)))
                .isInstanceOf(ValidationException.class);

        // Reorder: Demo given right after Qualified.
        List<java.util.UUID> order = new ArrayList<>(f.pipelines.stages(admin, pipelineId).stream().map(PipelineStage::id).toList());
        order.remove(renamed.id());
        order.add(2, renamed.id());
        f.admin.reorderStages(admin, pipelineId, order);
        assertThat(names(f, pipelineId)).containsExactly("Lead", "Qualified", "Demo given", "Proposal", "Negotiation", "Won", "Lost");
        assertThatThrownBy(() -> f.admin.reorderStages(admin, pipelineId, order.subList(0, 3)))
                .isInstanceOf(ValidationException.class);

        // A stage with open deals cannot be archived or lose its open/closed nature.
        var deal = f.deals.create(admin, org.deskcrm.deal.DealDraft.of("Busy", null, java.math.BigDecimal.TEN)
                .withStage(pipelineId, renamed.id()));
        var current = f.pipelines.stages(admin, pipelineId).stream().filter(s -> s.id().equals(renamed.id())).findFirst().orElseThrow();
        assertThatThrownBy(() -> f.admin.setStageArchived(admin, current.id(), current.version(), true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("open deal");
        assertThatThrownBy(() -> f.admin.updateStage(admin, current.id(), current.version(), new StageDraft("Demo given", null, "#22c55e", 35, true, false)))
                .isInstanceOf(ValidationException.class);
        f.move(admin, deal.id(), "Proposal");
        var archived = f.admin.setStageArchived(admin, current.id(), current.version(), true);
        assertThat(archived.archived()).isTrue();
        assertThat(names(f, pipelineId)).doesNotContain("Demo given");
        assertThat(f.pipelines.allStages(admin, pipelineId)).extracting(PipelineStage::name).contains("Demo given");
        var restored = f.admin.setStageArchived(admin, archived.id(), archived.version(), false);
        assertThat(restored.archived()).isFalse();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("pipeline_stages").and(AUDIT_LOG.RECORD_ID.eq(demo.id()))))
                .isGreaterThanOrEqualTo(5);
    }

    @BothDatabases
    void pipelinesAreCreatedFromTheirTypeAndOnlyAdminsManageThem(Database db) {
        var f = new DealFixture(db);
        var admin = f.ws.admin;
        var hiring = f.admin.createPipeline(admin, "Hiring 2026", "Engineering hires", PipelineType.HIRING);
        assertThat(hiring.isDefault()).isFalse();
        assertThat(f.pipelines.stages(admin, hiring.id())).extracting(PipelineStage::name)
                .containsExactly("Applied", "Screening", "Interview", "Offer", "Hired", "Rejected");
        assertThat(f.pipelines.stages(admin, hiring.id()).get(4).won()).isTrue();
        assertThatThrownBy(() -> f.admin.createPipeline(admin, "sales", null, PipelineType.CUSTOM))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");

        var renamed = f.admin.updatePipeline(admin, hiring.id(), hiring.version(), "Hiring", null, PipelineType.HIRING);
        var madeDefault = f.admin.makeDefault(admin, renamed.id(), renamed.version());
        assertThat(madeDefault.isDefault()).isTrue();
        assertThat(f.pipelines.defaultPipeline(admin).id()).isEqualTo(hiring.id());
        var oldDefault = f.pipelines.pipeline(admin, f.sales.id());
        assertThat(oldDefault.isDefault()).isFalse();
        assertThatThrownBy(() -> f.admin.setPipelineArchived(admin, hiring.id(), madeDefault.version(), true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("default");
        var archived = f.admin.setPipelineArchived(admin, oldDefault.id(), oldDefault.version(), true);
        assertThat(archived.archived()).isTrue();
        assertThat(f.pipelines.pipelines(admin)).extracting(Pipeline::name).containsExactly("Hiring");
        assertThat(f.pipelines.allPipelines(admin)).hasSize(2);

        for (Role role : List.of(Role.MANAGER, Role.SALES, Role.VIEWER)) {
            var user = f.ws.as(role);
            assertThat(PipelineService.canManage(user)).isFalse();
            assertThatThrownBy(() -> f.admin.createPipeline(user, "Mine", null, PipelineType.CUSTOM))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> f.admin.addStage(user, hiring.id(), new StageDraft("X", null, "#000000", 1, false, false)))
                    .isInstanceOf(AccessDeniedException.class);
            // Everyone reads pipelines and stages.
            assertThat(f.pipelines.stages(user, hiring.id())).hasSize(6);
        }
        assertThat(PipelineService.canManage(admin)).isTrue();
    }

    private static List<String> names(DealFixture f, java.util.UUID pipelineId) {
        return f.pipelines.stages(f.ws.admin, pipelineId).stream().map(PipelineStage::name).toList();
    }
}
