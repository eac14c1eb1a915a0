package io.retainbot.core.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

/** Times, weekdays and dates as people in a language write them, in a given time zone. */
public final class DateWording {
    private DateWording() {
    }

    /** "16:00" (or the language's own clock form). */
    public static String time(Instant at, ZoneId zone, String language) {
        return format("Hm", at, zone, language);
    }

    /** "Friday", "금요일", "Biyernes". */
    public static String weekday(Instant at, ZoneId zone, String language) {
        return format("EEEE", at, zone, language);
    }

    /** "November 24", "11월 24일", "Nobyembre 24". */
    public static String date(Instant at, ZoneId zone, String language) {
        return format("MMMMd", at, zone, language);
    }

    private static String format(String skeleton, Instant at, ZoneId zone, String language) {
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLanguageTag(language));
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(at));
    }
}
