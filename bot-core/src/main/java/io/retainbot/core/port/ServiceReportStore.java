package io.retainbot.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The figures of the service report, computed by the database over the complaints filed in a period. */
public interface ServiceReportStore {
    /**
     * One row for all complaints filed in [from, to), one per category and one per week (weeks start on
     * Monday in {@code zone}). A promise counts as due once its time passed or it was answered; it was
     * kept when the first answer came by then. Likewise a resolution target counts as due once its time
     * passed or the complaint was resolved or referred, and was met when that came by then. Withdrawn
     * complaints count as filed, not as promises or resolutions due.
     *
     * @param category only the complaints of this category; null for all
     */
    List<Row> figures(Instant from, Instant to, ZoneId zone, Instant now, String category);

    /**
     * @param category null except in the rows per category
     * @param week     null except in the rows per week (the Monday it starts)
     * @param firstResponseMedian seconds from filing to the first answer, null when none was answered
     * @param resolutionsInTime   complaints resolved or referred by their resolution target
     * @param resolutionsDue      complaints whose resolution target is due (see above)
     */
    record Row(String category, LocalDate week, long complaints, long resolved, long referred, long withdrawn,
               Double firstResponseMedian, Double firstResponseP90, Double resolutionMedian, Double resolutionP90,
               long resolutionsInTime, long resolutionsDue, long promisesKept, long promisesDue, Double satisfaction, long satisfactionAnswers, Double effort,
               long effortAnswers) {
    }
}
