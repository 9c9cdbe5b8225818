package org.deskcrm.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.junit.jupiter.api.Test;

/** A meeting copied into its attendees' calendars is drawn once when several of them are shown. */
class OccurrenceTest {
    private final UUID mine = Ids.newId();
    private final UUID anna = Ids.newId();
    private final UUID ben = Ids.newId();
    private final ZonedDateTime nine = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneId.of("Europe/Oslo"));

    private Occurrence copy(UUID calendar, String uid, ZonedDateTime start, boolean editable, boolean busyOnly) {
        return new Occurrence(Ids.newId(), null, null, calendar, busyOnly ? null : "Pipeline review", null, null, start,
                start.plusMinutes(45), false, EventStatus.CONFIRMED, null, null, null, 1, busyOnly, editable, uid);
    }

    @Test
    void copiesOfOneMeetingBecomeTheOneTheUserCanEdit() {
        var annas = copy(anna, "m1@deskcrm", nine, false, false);
        var own = copy(mine, "m1@deskcrm", nine, true, false);
        var bens = copy(ben, "m1@deskcrm", nine, false, true);
        var other = copy(anna, "m2@deskcrm", nine, false, false);
        assertThat(Occurrence.oneCopyPerMeeting(List.of(annas, own, bens, other), List.of(mine, anna, ben)))
                .containsExactly(own, other);
    }

    @Test
    void withoutAnOwnCopyTheFirstShownCalendarWinsAndBusyOnlyLoses() {
        var annas = copy(anna, "m1@deskcrm", nine, false, false);
        var bens = copy(ben, "m1@deskcrm", nine, false, false);
        assertThat(Occurrence.oneCopyPerMeeting(List.of(annas, bens), List.of(mine, ben, anna))).containsExactly(bens);

        var busy = copy(ben, "m1@deskcrm", nine, false, true);
        assertThat(Occurrence.oneCopyPerMeeting(List.of(busy, annas), List.of(mine, ben, anna))).containsExactly(annas);
    }

    @Test
    void otherOccurrencesAndEventsOfOneCalendarAllStay() {
        var monday = copy(anna, "m1@deskcrm", nine, false, false);
        var tuesday = copy(ben, "m1@deskcrm", nine.plusDays(1), false, false);
        var noUid = copy(anna, null, nine, false, false);
        var noUid2 = copy(ben, null, nine, false, false);
        var sameCalendarTwice = copy(mine, "x@deskcrm", nine, true, false);
        var sameCalendarTwice2 = copy(mine, "x@deskcrm", nine, true, false);
        var all = List.of(monday, tuesday, noUid, noUid2, sameCalendarTwice, sameCalendarTwice2);
        assertThat(Occurrence.oneCopyPerMeeting(all, List.of(mine, anna, ben))).containsExactlyElementsOf(all);
    }
}
