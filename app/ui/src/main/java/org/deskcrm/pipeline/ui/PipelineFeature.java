package org.deskcrm.pipeline.ui;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.activity.NoteService;
import org.deskcrm.activity.persistence.ActivityRepository;
import org.deskcrm.activity.persistence.NoteRepository;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.audit.AuditTrail;
import org.deskcrm.audit.ui.RecordHistoryPanel;
import org.deskcrm.dashboard.DashboardService;
import org.deskcrm.dashboard.persistence.DashboardRepository;
import org.deskcrm.dashboard.ui.DashboardView;
import org.deskcrm.dashboard.ui.DashboardViewModel;
import org.deskcrm.deal.DealService;
import org.deskcrm.deal.persistence.DealRepository;
import org.deskcrm.pipeline.ForecastService;
import org.deskcrm.pipeline.PipelineAdminService;
import org.deskcrm.pipeline.PipelineService;
import org.deskcrm.pipeline.persistence.ForecastRepository;
import org.deskcrm.pipeline.persistence.PipelineRepository;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.GlobalSearchProvider;
import org.deskcrm.ui.shell.Screen;
import org.deskcrm.ui.shell.Workspace;
import org.jooq.DSLContext;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Pipelines, deals and the dashboard in the app: the "dashboard" screen (first in the
 * navigation), the "pipeline" screen (board, list, forecast; opens "deal" and "new-deal" records,
 * the latter with a company id), and deal search for Ctrl+K.
 */
public final class PipelineFeature implements FeatureModule {
    private final DealService deals;
    private final PipelineService pipelines;
    private final PipelineAdminService admin;
    private final ForecastService forecasts;
    private final ActivityService activities;
    private final NoteService notes;
    private final AuditTrail auditTrail;
    private final DashboardService dashboard;
    private final Clock clock;

    public PipelineFeature(DSLContext dsl, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.auditTrail = new AuditTrail(dsl, audit);
        var pipelineRepository = new PipelineRepository();
        var dealRepository = new DealRepository();
        var access = new RecordAccess();
        this.deals = DealService.create(dsl, audit, clock);
        this.pipelines = new PipelineService(dsl, pipelineRepository);
        this.admin = new PipelineAdminService(dsl, pipelineRepository, audit, clock);
        this.forecasts = new ForecastService(dsl, new ForecastRepository(), dealRepository);
        this.activities = new ActivityService(dsl, new ActivityRepository(), access, audit, clock, List.of());
        this.notes = new NoteService(dsl, new NoteRepository(), access, audit);
        this.dashboard = new DashboardService(dsl, new DashboardRepository(), dealRepository, forecasts, activities, clock);
    }

    public DealService deals() {
        return deals;
    }

    public PipelineService pipelines() {
        return pipelines;
    }

    public PipelineAdminService admin() {
        return admin;
    }

    public ForecastService forecasts() {
        return forecasts;
    }

    public ActivityService activities() {
        return activities;
    }

    @Override
    public List<Screen> screens(Workspace ws) {
        Formats formats = new Formats(ws.messages(), ws.zone());
        var dashboardScreen = new Screen("dashboard", "nav.dashboard", Material2OutlinedAL.DASHBOARD, u -> true,
                () -> new DashboardView(new DashboardViewModel(ws.user(), dashboard, ws.tasks(), ws.messages(), ws.navigator(),
                        ws.zone(), clock), ws.loader(), formats));
        var pipelineScreen = new Screen("pipeline", "nav.pipeline", Material2OutlinedMZ.VIEW_WEEK,
                u -> u.can(Resource.DEALS, Action.READ), () -> pipelineView(ws, formats), Set.of("deal", "new-deal"));
        return List.of(dashboardScreen, pipelineScreen);
    }

    private PipelineView pipelineView(Workspace ws, Formats formats) {
        var vm = new PipelineViewModel(ws.user(), deals, pipelines, ws.tasks(), ws.messages(), ws.clock(), ws.zone());
        var forecastVm = new ForecastViewModel(ws.user(), forecasts, ws.tasks(), ws.messages(), ws.clock(), ws.zone());
        var detailVm = new DealDetailViewModel(ws.user(), deals, pipelines, activities, notes, ws.navigator(), ws.tasks(),
                ws.messages(), ws.clock(), ws.zone(), formats);
        var detail = new DealDetailView(detailVm, ws.loader(), formats, ws.tasks(), new RecordHistoryPanel(ws, auditTrail),
                () -> vm.closeDetail(detailVm.changed()));
        return new PipelineView(vm, forecastVm, detail,
                current -> new StageAdminViewModel(ws.user(), pipelines, admin, ws.tasks(), ws.messages()), ws.loader(), formats);
    }

    @Override
    public List<GlobalSearchProvider> searchProviders(Workspace ws) {
        return List.of(new DealSearchProvider(deals, ws.user(), ws.messages(), new Formats(ws.messages(), ws.zone())));
    }
}
