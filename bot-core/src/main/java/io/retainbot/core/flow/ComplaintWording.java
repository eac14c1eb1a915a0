package io.retainbot.core.flow;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How a complaint and its promise are put into words for the customer. */
public final class ComplaintWording {

    /**
     * "by tomorrow 16:00", "today by 16:00", "by Friday 10:00", "by November 30, 10:00"; in Tagalog
     * "bukas, alas-4 ng hapon", "sa Martes, alas-10 ng umaga". Said in the customer's time zone, and
     * naming it ("by tomorrow 16:00 (South Korea Time)") when it is not the business's.
     */
    public String promise(Texts texts, Instant promisedAt, Instant now, ZoneId customerZone, ZoneId businessZone) {
        return inCustomerZone(texts, promise(texts, promisedAt, now, customerZone), promisedAt, customerZone,
                businessZone);
    }

    /**
     * A time said to the customer ({@code said}, in their zone) as every time promised to them is said: naming their
     * zone when it is not the business's ("tomorrow from 09:00 (Korean Standard Time)"), so nobody reads a shop's
     * hour as their own. Complaint promises and the hour a person answers follow this one rule.
     */
    public static String inCustomerZone(Texts texts, String said, Instant at, ZoneId customerZone,
                                        ZoneId businessZone) {
        if (customerZone.getRules().equals(businessZone.getRules())) {
            return said;
        }
        return texts.get("time.in_zone", "when", said, "zone", DateWording.zoneName(at, customerZone,
                texts.language()));
    }

    private static String promise(Texts texts, Instant promisedAt, Instant now, ZoneId zone) {
        String language = texts.language();
        String time = DateWording.time(promisedAt, zone, language);
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, promisedAt.atZone(zone).toLocalDate());
        if (days <= 0) {
            return texts.get("promise.today", "time", time);
        }
        if (days == 1) {
            return texts.get("promise.tomorrow", "time", time);
        }
        if (days < 7) {
            return texts.get("promise.weekday", "weekday", DateWording.weekday(promisedAt, zone, language), "time", time);
        }
        return texts.get("promise.date", "date", DateWording.date(promisedAt, zone, language), "time", time);
    }

    /** The promise of a complaint as this turn's customer reads it. */
    public String promise(Turn turn, Instant promisedAt) {
        return promise(turn.texts(), promisedAt, turn.now(), turn.customer().zone(), turn.business().zone());
    }

    /** One line for the list: reference, category, status and, while open, the promise. */
    public String line(Turn turn, Complaint complaint) {
        Texts texts = turn.texts();
        String status = status(texts, complaint);
        String category = IntakeFlow.categoryLabel(turn, texts, complaint.category());
        if (complaint.status().isActive()) {
            return texts.get("status.line.active", "ref", complaint.ref().toString(), "category", category,
                    "status", status, "promise", promise(turn, complaint.promisedAt()));
        }
        return texts.get("status.line.closed", "ref", complaint.ref().toString(), "category", category, "status", status);
    }

    /** The full card of one complaint. */
    public String details(Turn turn, Complaint complaint) {
        Texts texts = turn.texts();
        String filed = DateWording.date(complaint.createdAt(), turn.customer().zone(), texts.language()) + " "
                + DateWording.time(complaint.createdAt(), turn.customer().zone(), texts.language());
        String text = texts.get("status.details",
                "ref", complaint.ref().toString(),
                "category", IntakeFlow.categoryLabel(turn, texts, complaint.category()),
                "status", status(texts, complaint),
                "filed", filed,
                "description", complaint.description());
        if (complaint.status().isActive()) {
            text += "\n" + texts.get("status.details.promise",
                    "promise", promise(turn, complaint.promisedAt()));
        }
        return text;
    }

    private static String status(Texts texts, Complaint complaint) {
        return texts.get("complaint.status." + complaint.status().code().toLowerCase(Locale.ROOT));
    }
}
