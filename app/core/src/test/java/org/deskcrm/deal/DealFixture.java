package org.deskcrm.deal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineAdminService;
import org.deskcrm.pipeline.PipelineService;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.pipeline.persistence.PipelineRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.testing.TestWorkspace;

/** A test workspace with the pipeline services on a clock the test moves forward. */
public final class DealFixture {
    public final TestWorkspace ws;
    public final Database db;
    public final TestClock clock;
    public final DealService deals;
    public final PipelineService pipelines;
    public final PipelineAdminService admin;
    public final Pipeline sales;
    public final List<PipelineStage> stages;

    public DealFixture(Database db) {
        this(db, Instant.parse("2026-03-02T09:00:00Z"));
    }

    public DealFixture(Database db, Instant start) {
        this.db = db;
        this.ws = new TestWorkspace(db);
        this.clock = new TestClock(start, ZoneOffset.UTC);
        this.deals = DealService.create(db.dsl(), ws.audit, clock);
        this.pipelines = new PipelineService(db.dsl(), new PipelineRepository());
        this.admin = new PipelineAdminService(db.dsl(), new PipelineRepository(), ws.audit, clock);
        this.sales = pipelines.defaultPipeline(ws.admin);
        this.stages = pipelines.stages(ws.admin, sales.id());
    }

    public PipelineStage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public Deal deal(CurrentUser user, String name, String value) {
        return deals.create(user, DealDraft.of(name, null, new BigDecimal(value)));
    }

    public Deal deal(CurrentUser user, String name, String value, String currency, String stage) {
        return deals.create(user, DealDraft.of(name, null, new BigDecimal(value)).withValue(new BigDecimal(value), currency)
                .withStage(sales.id(), stage(stage).id()));
    }

    public DealCard card(CurrentUser user, UUID id) {
        return deals.card(user, id).orElseThrow();
    }

    public MoveResult move(CurrentUser user, UUID dealId, String stage) {
        return deals.move(user, MoveRequest.toStage(card(user, dealId), stage(stage).id()));
    }

    public List<String> column(CurrentUser user, String stage) {
        return deals.column(user, sales.id(), stage(stage).id(), BoardFilter.NONE, null, 100).cards().stream()
                .map(DealCard::name).toList();
    }

    /** A clock the test controls. */
    public static final class TestClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        public TestClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return Clock.fixed(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
