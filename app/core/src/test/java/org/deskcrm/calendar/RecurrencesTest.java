package org.deskcrm.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.deskcrm.platform.persistence.ValidationException;
import org.junit.jupiter.api.Test;

/** Recurrence expansion without a database: DST, COUNT counting the first start, UNTIL, end of the series. */
class RecurrencesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weeklyMeetingKeepsItsWallClockTimeAcrossDaylightSaving() {
        // Mondays 09:00 Berlin: 08:00 UTC in winter, 07:00 UTC from 30 March 2026 (CEST).
        ZonedDateTime seed = ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, BERLIN);
        List<ZonedDateTime> starts = Recurrences.starts("FREQ=WEEKLY;BYDAY=MO", seed, Duration.ofHours(1),
                seed.toInstant(), seed.plusWeeks(4).toInstant(), 100);
        assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
        assertThat(starts).extracting(s -> s.toInstant().atZone(ZoneId.of("UTC")).getHour()).containsExactly(8, 8, 7, 7);
    }

    @Test
    void countIncludesTheFirstStartEvenWhenItDoesNotMatchTheRule() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, BERLIN);
        List<ZonedDateTime> starts = Recurrences.starts("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3", monday, Duration.ofMinutes(30),
                monday.toInstant(), monday.plusMonths(2).toInstant(), 100);
        assertThat(starts).extracting(ZonedDateTime::getDayOfWeek)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThat(Recurrences.lastEnd("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3", monday, Duration.ofMinutes(30)).toInstant())
                .isEqualTo(starts.getLast().plusMinutes(30).toInstant());
    }

    @Test
    void untilIsInclusiveAndEndlessRulesHaveNoEnd() {
        ZonedDateTime seed = ZonedDateTime.of(2026, 5, 1, 8, 0, 0, 0, BERLIN);
        String rule = new RecurrencePattern(RecurrencePattern.Frequency.DAILY, 1, null, LocalDate.of(2026, 5, 4), null)
                .toRule(BERLIN, false);
        List<ZonedDateTime> starts = Recurrences.starts(rule, seed, Duration.ofHours(1), seed.toInstant(),
                seed.plusMonths(1).toInstant(), 100);
        assertThat(starts).extracting(ZonedDateTime::getDayOfMonth).containsExactly(1, 2, 3, 4);
        assertThat(Recurrences.lastEnd("FREQ=DAILY", seed, Duration.ofHours(1))).isNull();
        assertThat(Recurrences.nextStart("FREQ=MONTHLY", seed, seed.plusDays(3).toInstant()))
                .contains(seed.plusMonths(1));
    }

    @Test
    void occurrencesStartedBeforeTheRangeButStillRunningAreIncluded() {
        ZonedDateTime seed = ZonedDateTime.of(2026, 2, 2, 23, 0, 0, 0, BERLIN);
        List<ZonedDateTime> starts = Recurrences.starts("FREQ=DAILY", seed, Duration.ofHours(2),
                seed.plusDays(3).plusHours(1).toInstant(), seed.plusDays(3).plusHours(5).toInstant(), 10);
        assertThat(starts).containsExactly(seed.plusDays(3));
    }

    @Test
    void patternsRoundTripThroughRuleText() {
        var weekly = new RecurrencePattern(RecurrencePattern.Frequency.WEEKLY, 2, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                null, 10);
        String rule = weekly.toRule(BERLIN, false);
        assertThat(rule).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=10");
        assertThat(RecurrencePattern.parse(rule, BERLIN)).contains(weekly);
        var yearly = new RecurrencePattern(RecurrencePattern.Frequency.YEARLY, 1, null, LocalDate.of(2030, 12, 31), null);
        assertThat(RecurrencePattern.parse(yearly.toRule(BERLIN, false), BERLIN)).contains(yearly);
        assertThat(RecurrencePattern.parse("FREQ=MONTHLY;BYDAY=1MO", BERLIN)).isEmpty();
    }

    @Test
    void badAndTooFrequentRulesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> Recurrences.parse("FREQ=SOMETIMES")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not valid");
        assertThatThrownBy(() -> Recurrences.parse("FREQ=HOURLY")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("daily, weekly, monthly or yearly");
    }
}
