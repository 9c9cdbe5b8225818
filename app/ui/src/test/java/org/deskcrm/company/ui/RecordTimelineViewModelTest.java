package org.deskcrm.company.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.company.Company;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ui.Formats;
import org.deskcrm.crm.ui.RecordViewModel;
import org.deskcrm.crm.ui.Timeline;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.RelatedFixtures;
import org.deskcrm.testing.TestDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.SameThreadTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The company record's timeline in its view model, against the real services on a real H2
 * database: activities and the related records' steps paged together ("More") so every entry
 * shows, in order, none lost; the filter; the tabs saying how many there are.
 */
class RecordTimelineViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Vienna");
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private TestWorkspace ws;
    private CrmServices crm;
    private CurrentUser sales;
    private UUID acme;
    private final List<UUID> myDeals = new ArrayList<>();
    private UUID colleaguesDeal;

    @BeforeEach
    void setUp() {
        Database db = TestDatabases.get(DatabaseConfig.Kind.H2);
        ws = new TestWorkspace(db);
        crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        sales = ws.as(Role.SALES);
        acme = Fixtures.company(db.dsl(), ws.organizationId, "Acme", sales.userId(), "active");
        var f = new RelatedFixtures(db.dsl(), ws.organizationId);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusDays(200);
        // 40 calls every 5 days, 110 deals every 1.5 days: the two kinds interleave over the whole range.
        for (int i = 0; i < 40; i++) {
            crm.activities.log(sales, new ActivityDraft(ActivityType.CALL, "Call " + i, null, acme, null, null, null,
                    start.plusDays(5L * i).plusHours(3), 10, "connected", false, null, null, null));
        }
        for (int i = 0; i < 110; i++) {
            myDeals.add(f.deal("Deal " + i, acme, null, sales.userId(), start.plusHours(36L * i), "open", null));
        }
        colleaguesDeal = f.deal("Not yours", acme, null, ws.sales2.userId(), start.plusDays(100), "open", null);
    }

    private RecordViewModel<Company> vm() {
        var adapter = new CompanyAdapter(crm, sales, messages, new Formats(messages, ZONE, Clock.systemUTC()));
        return new RecordViewModel<>(adapter, defs -> List.of(), crm.activities, crm.notes, sales, Resource.COMPANIES, tasks,
                messages, ZONE);
    }

    /** Presses "More" until it goes away; at every step what shows is the start of the whole timeline. */
    private static List<Timeline.Entry> pageToTheEnd(RecordViewModel<Company> vm) {
        List<List<Timeline.Entry>> steps = new ArrayList<>();
        steps.add(List.copyOf(vm.timelineEntries()));
        for (int guard = 0; vm.timelineEntriesHaveMoreProperty().get(); guard++) {
            assertThat(guard).as("More keeps bringing entries").isLessThan(100);
            int before = vm.timelineEntries().size();
            vm.loadMoreTimeline();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.timelineEntries().size()).as("More shows more").isGreaterThan(before);
            steps.add(List.copyOf(vm.timelineEntries()));
        }
        var all = List.copyOf(vm.timelineEntries());
        for (var step : steps) {
            assertThat(all.subList(0, step.size())).as("an earlier page is the start of the timeline").isEqualTo(step);
        }
        return all;
    }

    private static String key(Timeline.Entry e) {
        return e.what() + "/" + e.id();
    }

    @Test
    void moreBringsActivitiesAndRelatedStepsTogetherInOrderUntilNoneAreLeft() {
        var vm = vm();
        vm.open(acme);
        assertThat(vm.errorProperty().get()).isEmpty();
        var first = List.copyOf(vm.timelineEntries());
        assertThat(first).isNotEmpty().hasSizeLessThan(40 + 110);
        assertThat(first).isSortedAccordingTo(Timeline.NEWEST_FIRST);
        assertThat(vm.timelineEntriesHaveMoreProperty().get()).isTrue();

        var all = pageToTheEnd(vm);
        assertThat(all).isSortedAccordingTo(Timeline.NEWEST_FIRST);
        assertThat(all.stream().map(RecordTimelineViewModelTest::key).toList()).doesNotHaveDuplicates();
        assertThat(all.stream().filter(e -> e.kind() == Timeline.Kind.ACTIVITY)).hasSize(40);
        assertThat(all.stream().filter(e -> e.what() == Timeline.What.DEAL_CREATED).map(Timeline.Entry::id))
                .containsExactlyInAnyOrderElementsOf(myDeals); // all 110, not the 100 of the tab, and not the colleague's
        assertThat(all).extracting(Timeline.Entry::id).doesNotContain(colleaguesDeal);
        assertThat(all).hasSize(150);
    }

    @Test
    void underAFilterMoreBringsThatKindOnly() {
        var vm = vm();
        vm.open(acme);
        vm.timelineFilterProperty().set(Timeline.Filter.DEALS);
        assertThat(vm.timelineEntries()).allMatch(e -> e.kind() == Timeline.Kind.DEAL).isNotEmpty();
        var all = pageToTheEnd(vm);
        assertThat(all).hasSize(110).allMatch(e -> e.kind() == Timeline.Kind.DEAL);

        vm.timelineFilterProperty().set(Timeline.Filter.ALL);
        // The activities not paged in yet hold back the older deals again: nothing shows out of order.
        assertThat(vm.timelineEntries()).isSortedAccordingTo(Timeline.NEWEST_FIRST);
        assertThat(pageToTheEnd(vm)).hasSize(150);
    }

    @Test
    void aTabReadInPartSaysSoAndShowsMoreOnRequest() {
        var vm = vm();
        vm.open(acme);
        var tabs = vm.relatedProperty().get();
        assertThat(tabs.deals()).hasSize(RecordViewModel.RELATED_PAGE);
        assertThat(tabs.dealCount()).isEqualTo(110);
        assertThat(tabs.capped()).isTrue();
        vm.showMoreRelated();
        tabs = vm.relatedProperty().get();
        assertThat(tabs.deals()).hasSize(110);
        assertThat(tabs.capped()).isFalse();
        assertThat(new HashSet<>(tabs.deals().stream().map(d -> d.id()).toList())).containsExactlyInAnyOrderElementsOf(myDeals);

        // Reloading the related records keeps the timeline's steps loaded so far.
        pageToTheEnd(vm);
        vm.refreshRelated();
        assertThat(vm.timelineEntries()).hasSize(150);
        assertThat(vm.relatedProperty().get().deals()).hasSize(110);
    }
}
