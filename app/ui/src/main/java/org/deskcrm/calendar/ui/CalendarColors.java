package org.deskcrm.calendar.ui;

import java.util.List;
import javafx.scene.paint.Color;
import org.deskcrm.calendar.CalendarService;

/**
 * CalendarFX draws calendars in seven CSS styles ({@code style1}..{@code style7}); our stylesheet
 * sets styles 1–6 to {@link CalendarService#PALETTE} and style 7 to the tasks' grey. A calendar
 * with another color (an imported one) is drawn in the nearest palette color.
 */
final class CalendarColors {
    static final String TASKS_STYLE = "style7";
    private static final List<Color> PALETTE = CalendarService.PALETTE.stream().map(Color::web).toList();

    private CalendarColors() {}

    /** The CalendarFX style name for a hex color. */
    static String styleFor(String hex) {
        return "style" + (nearest(hex) + 1);
    }

    /** The palette color a calendar is actually drawn in. */
    static String drawnColor(String hex) {
        return CalendarService.PALETTE.get(nearest(hex));
    }

    static int nearest(String hex) {
        Color c;
        try {
            c = Color.web(hex == null ? CalendarService.DEFAULT_COLOR : hex);
        } catch (IllegalArgumentException e) {
            c = Color.web(CalendarService.DEFAULT_COLOR);
        }
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < PALETTE.size(); i++) {
            Color p = PALETTE.get(i);
            double d = Math.pow(p.getRed() - c.getRed(), 2) + Math.pow(p.getGreen() - c.getGreen(), 2)
                    + Math.pow(p.getBlue() - c.getBlue(), 2);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
